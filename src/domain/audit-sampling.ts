/**
 * The monthly audit sample (DOMAIN.md section 3): which children are audited this month and by
 * whom. Pure and repeatable: the same seed, month and data give the same plan. Each auditor gets
 * the programme's number of audits in turn, one per round, so the load is even; each pick says why
 * it was made. Children audited within the exclusion window, allocated too recently, closed,
 * without a practitioner, or the auditor's own are never picked.
 */
import type { PickReason } from './audit';
import { monthIndex, quarterMonths } from './audit';
import type { AuditProgramme, AuditTheme } from './audit-programme';
import { themeInProgramme } from './audit-programme';
import { auditorsIn, canAudit } from './audit-people';
import type { WorkingCalendar } from './calendar';
import { addDays } from './dates';
import { seededRandom, shuffled } from './seeded-random';
import type { CaseEvent, Child, ChildKind, IsoDate, Person } from './types';
import { VISIT_KINDS } from './types';

/** An audit already made (any status), as sampling needs to know it. */
export interface AuditHistoryEntry {
  childId: string;
  month: string;
  auditorId: string;
  practitionerId?: string;
  childKind: ChildKind;
}

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

/** A queue of children in a fixed order, from which each auditor takes the first they may audit. */
class Queue {
  private head = 0;
  constructor(
    readonly children: Child[],
    private readonly taken: Set<string>,
  ) {}
  take(allowed: (c: Child) => boolean): Child | undefined {
    while (this.head < this.children.length && this.taken.has((this.children[this.head] as Child).id))
      this.head++;
    for (let i = this.head; i < this.children.length; i++) {
      const child = this.children[i] as Child;
      if (!this.taken.has(child.id) && allowed(child)) {
        this.taken.add(child.id);
        return child;
      }
    }
    return undefined;
  }
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

/**
 * Auditors who may audit fewer children choose first in each round (a manager limited to their own
 * team before a quality lead who may audit anyone), so nobody is left without a child that someone
 * more flexible could have done without. Ties keep the shuffled order.
 */
function byFlexibility(auditors: Person[], eligible: readonly Child[], programme: AuditProgramme): Person[] {
  const perTeam = new Map<string, number>();
  for (const c of eligible) perTeam.set(c.teamId, (perTeam.get(c.teamId) ?? 0) + 1);
  const reach = new Map(
    auditors.map((a) => {
      let n = 0;
      for (const [teamId, count] of perTeam) {
        if (canAudit(a, { ...TEAM_PROBE, teamId }, programme)) n += count;
      }
      return [a.id, n];
    }),
  );
  return auditors
    .map((a, order) => ({ a, order }))
    .sort((x, y) => (reach.get(x.a.id) ?? 0) - (reach.get(y.a.id) ?? 0) || x.order - y.order)
    .map((x) => x.a);
}

/** A child allocated to nobody in particular: asks only whether an auditor may audit a team. */
const TEAM_PROBE: Child = {
  id: '',
  teamId: '',
  name: { first: '', familyInitial: '' },
  kind: 'child-in-need',
  anchors: {},
  allocatedPractitionerId: '\u0000',
  closed: false,
};

/**
 * Stratified picks: first a kind of child not yet audited this quarter, then a practitioner whose
 * work has not been looked at this quarter. When every stratum is covered it gives way to random.
 */
class Strata {
  private readonly kinds = new Map<ChildKind, Queue>();
  private readonly practitioners = new Map<string, Queue>();
  private readonly coveredKinds = new Set<ChildKind>();
  private readonly coveredPractitioners = new Set<string>();
  private practitionerOrder: string[];

  constructor(eligible: readonly Child[], input: SampleInput, taken: Set<string>) {
    const quarter = new Set(quarterMonths(input.month));
    for (const h of input.history) {
      if (!quarter.has(h.month)) continue;
      this.coveredKinds.add(h.childKind);
      if (h.practitionerId) this.coveredPractitioners.add(h.practitionerId);
    }
    const byKind = new Map<ChildKind, Child[]>();
    const byPractitioner = new Map<string, Child[]>();
    const add = <K>(map: Map<K, Child[]>, key: K, child: Child) => {
      const list = map.get(key);
      if (list) list.push(child);
      else map.set(key, [child]);
    };
    for (const child of eligible) {
      add(byKind, child.kind, child);
      add(byPractitioner, child.allocatedPractitionerId as string, child);
    }
    for (const [kind, list] of byKind) this.kinds.set(kind, new Queue(list, taken));
    for (const [p, list] of byPractitioner) this.practitioners.set(p, new Queue(list, taken));
    // Practitioners in the order their first child came up in the shuffle: fair, and repeatable.
    this.practitionerOrder = [...byPractitioner.keys()].filter((p) => !this.coveredPractitioners.has(p));
  }

  cover(child: Child): void {
    this.coveredKinds.add(child.kind);
    this.coveredPractitioners.add(child.allocatedPractitionerId as string);
  }

  take(allowed: (c: Child) => boolean): { child: Child; reason: PickReason } | undefined {
    for (const [kind, queue] of this.kinds) {
      if (this.coveredKinds.has(kind)) continue;
      const child = queue.take(allowed);
      if (child) return { child, reason: { method: 'stratified', by: 'kind', childKind: kind } };
    }
    this.practitionerOrder = this.practitionerOrder.filter((p) => !this.coveredPractitioners.has(p));
    for (const p of this.practitionerOrder) {
      const child = this.practitioners.get(p)?.take(allowed);
      if (child) return { child, reason: { method: 'stratified', by: 'practitioner' } };
    }
    return undefined;
  }
}
