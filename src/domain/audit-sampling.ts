/**
 * The monthly audit sample (DOMAIN.md section 3): which children are audited this month and by
 * whom. Pure and repeatable: the same seed, month and data give the same plan. Each auditor gets
 * the programme's number of audits in turn, one per round, so the load is even; each pick says why
 * it was made. Children audited within the exclusion window, allocated too recently, closed,
 * without a practitioner, or the auditor's own are never picked.
 */
import type { AuditHistoryEntry, PickReason } from './audit';
import { monthIndex } from './audit';
import type { AuditProgramme, AuditTheme } from './audit-programme';
import { themeInProgramme } from './audit-programme';
import { auditorsIn, canAudit } from './audit-people';
import { byFlexibility, Queue, Strata } from './audit-sample-order';
import type { WorkingCalendar } from './calendar';
import { addDays } from './dates';
import { seededRandom, shuffled } from './seeded-random';
import type { CaseEvent, Child, ChildKind, IsoDate, Person } from './types';
import { VISIT_KINDS } from './types';

/** An audit already made (any status), as sampling needs to know it. */
export type { AuditHistoryEntry } from './audit';

export interface SampleInput {
  month: string;
  programme: AuditProgramme;
  /** A theme set for the month from Teams; otherwise the programme file's, if any. */
  theme?: { theme: AuditTheme; share?: number };
  people: readonly Person[];
  children: readonly Child[];
  /** Visits, for the "children not seen alone" theme; other events are ignored. */
  events?: readonly CaseEvent[];
  history: readonly AuditHistoryEntry[];
  calendar: WorkingCalendar;
}

export interface SamplePick {
  childId: string;
  teamId: string;
  childKind: ChildKind;
  practitionerId: string;
  auditorId: string;
  reason: PickReason;
}

export interface SamplePlan {
  month: string;
  seed: string;
  theme?: AuditTheme;
  /** The first working day of the month, when auditors are told. */
  assignOn: IsoDate;
  dueDate: IsoDate;
  picks: SamplePick[];
  /** Each auditor and how many children they have: the load. */
  auditors: { id: string; picks: number }[];
  /** Children who could be picked at all this month. */
  eligible: number;
  /** Audits the programme asked for that no eligible child could fill. */
  shortfall: number;
}

/** The first working day of a month. */
export function firstWorkingDay(month: string, calendar: WorkingCalendar): IsoDate {
  const first = `${month}-01`;
  return calendar.isWorkingDay(first) ? first : calendar.addWorkingDays(first, 1);
}

/** Whether a child has been seen on their own in the three months before `date`. */
function notSeenAloneSince(events: readonly CaseEvent[], since: IsoDate, until: IsoDate): Set<string> {
  const seenAlone = new Set<string>();
  for (const e of events) {
    if (!VISIT_KINDS.has(e.kind) || e.status !== 'completed' || !e.completedDate) continue;
    if (e.completedDate >= since && e.completedDate <= until && e.seenAlone === true)
      seenAlone.add(e.childId);
  }
  return seenAlone;
}

export function matchesTheme(child: Child, theme: AuditTheme, seenAlone: ReadonlySet<string>): boolean {
  if ('childKind' in theme) return child.kind === theme.childKind;
  if ('flag' in theme) return child.flags?.includes(theme.flag) ?? false;
  return !seenAlone.has(child.id);
}

/** Children anyone may audit this month, before the auditor's own exclusions. */
export function eligibleChildren(input: SampleInput, assignOn: IsoDate): Child[] {
  const { exclusions } = input.programme;
  const month = monthIndex(input.month);
  const recent = new Set(
    input.history
      .filter((h) => month - monthIndex(h.month) < exclusions.auditedWithinMonths)
      .map((h) => h.childId),
  );
  const allocatedBy = addDays(assignOn, -7 * exclusions.allocatedForLessThanWeeks);
  return input.children.filter(
    (c) =>
      !c.closed &&
      c.allocatedPractitionerId !== undefined &&
      !recent.has(c.id) &&
      // A feed that does not say when the child was allocated cannot exclude them for it.
      (c.allocatedSince === undefined || c.allocatedSince <= allocatedBy),
  );
}

/** How many picks each method gets: the theme's share first, the rest by the mix's weights. */
function methodCounts(slots: number, input: SampleInput, theme: AuditTheme | undefined) {
  const { mix, themedShare } = input.programme.sample;
  const themed = theme ? Math.round(slots * (input.theme?.share ?? themedShare)) : 0;
  const rest = slots - themed;
  const stratified = Math.round((rest * mix.stratified) / (mix.stratified + mix.random));
  return { themed, stratified, random: rest - stratified };
}

interface Sources {
  themed: Queue;
  theme: AuditTheme | undefined;
  strata: Strata;
  anyChild: Queue;
}

/** One auditor's next child: themed while the theme's share lasts, then stratified, then random. */
function pickFor(
  auditor: Person,
  programme: AuditProgramme,
  sources: Sources,
  budget: { themed: number; stratified: number },
): { child: Child; reason: PickReason } | undefined {
  const allowed = (c: Child) => canAudit(auditor, c, programme);
  let pick: { child: Child; reason: PickReason } | undefined;
  if (budget.themed > 0 && sources.theme) {
    const child = sources.themed.take(allowed);
    if (child) {
      pick = { child, reason: { method: 'themed', theme: sources.theme } };
      budget.themed--;
    }
  }
  if (!pick && budget.stratified > 0) {
    pick = sources.strata.take(allowed);
    if (pick) budget.stratified--;
  }
  if (!pick) {
    const child = sources.anyChild.take(allowed);
    if (child) pick = { child, reason: { method: 'random' } };
  }
  if (pick) sources.strata.cover(pick.child);
  return pick;
}

export function sampleMonth(input: SampleInput): SamplePlan {
  const { programme, calendar } = input;
  const random = seededRandom(`${programme.seed}:${input.month}`);
  const assignOn = firstWorkingDay(input.month, calendar);
  const eligible = shuffled(eligibleChildren(input, assignOn), random);
  const auditors = byFlexibility(shuffled(auditorsIn(input.people, programme), random), eligible, programme);
  const theme = input.theme?.theme ?? themeInProgramme(programme, input.month);
  const taken = new Set<string>();

  const seenAlone =
    theme && 'notSeenAlone' in theme
      ? notSeenAloneSince(input.events ?? [], addDays(assignOn, -91), assignOn)
      : new Set<string>();
  const themed = new Queue(theme ? eligible.filter((c) => matchesTheme(c, theme, seenAlone)) : [], taken);
  const sources: Sources = {
    themed,
    theme,
    strata: new Strata(eligible, input, taken),
    anyChild: new Queue(eligible, taken),
  };
  const perAuditor = programme.auditsPerAuditorPerMonth;
  const budget = methodCounts(auditors.length * perAuditor, input, theme);
  const picks: SamplePick[] = [];
  const load = new Map(auditors.map((a) => [a.id, 0]));
  let shortfall = 0;
  // Round by round, each auditor takes one: the load stays even.
  for (let round = 0; round < perAuditor; round++) {
    for (const auditor of auditors) {
      const pick = pickFor(auditor, programme, sources, budget);
      if (!pick) {
        shortfall++;
        continue;
      }
      load.set(auditor.id, (load.get(auditor.id) ?? 0) + 1);
      picks.push({
        childId: pick.child.id,
        teamId: pick.child.teamId,
        childKind: pick.child.kind,
        practitionerId: pick.child.allocatedPractitionerId as string,
        auditorId: auditor.id,
        reason: pick.reason,
      });
    }
  }
  return {
    month: input.month,
    seed: programme.seed,
    ...(theme ? { theme } : {}),
    assignOn,
    dueDate: calendar.addWorkingDays(assignOn, programme.dueWorkingDays),
    picks,
    auditors: [...load].map(([id, n]) => ({ id, picks: n })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    eligible: eligible.length,
    shortfall,
  };
}
