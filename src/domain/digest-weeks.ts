/**
 * A child's week, as the digest judges it: whether a visit was due as the week began (from the
 * visits recorded before that Monday), whether and when they were seen, whether an assessment was
 * finished in time; and the same over earlier weeks for the trend. Pure.
 */
import type { WorkingCalendar } from './calendar';
import { addDays, isoWeekId } from './dates';
import type { TimescaleRule } from './timescale-rules';
import { workOutDue } from './timescales';
import type { CaseEvent, Child, IsoDate } from './types';
import { VISIT_KINDS } from './types';

export interface TrendWeek {
  weekId: string;
  weekStart: IsoDate;
  due: number;
  seenInTime: number;
}

/** A child's visit as the week began, and whether (and when) they were seen during it. */
export interface WeekVisit {
  due: boolean;
  dueDate?: IsoDate;
  seenOn?: IsoDate;
  seenAlone: boolean;
}

export function visitInWeek(
  child: Child,
  events: readonly CaseEvent[],
  weekStart: IsoDate,
  weekEnd: IsoDate,
  calendar: WorkingCalendar,
  visitRules: readonly TimescaleRule[],
): WeekVisit {
  const before = events.filter((e) => e.status !== 'completed' || (e.completedDate ?? '') < weekStart);
  const { due } = workOutDue(child, before, weekStart, calendar, visitRules);
  const dueDate = due
    .filter((d) => VISIT_KINDS.has(d.eventKind))
    .map((d) => d.dueDate)
    .sort()[0];
  const visits = events
    .filter(
      (e) =>
        VISIT_KINDS.has(e.kind) &&
        e.status === 'completed' &&
        e.completedDate !== undefined &&
        e.completedDate >= weekStart &&
        e.completedDate <= weekEnd,
    )
    .sort((a, b) => (a.completedDate ?? '').localeCompare(b.completedDate ?? ''));
  return {
    due: dueDate !== undefined && dueDate <= weekEnd,
    ...(dueDate ? { dueDate } : {}),
    ...(visits[0]?.completedDate ? { seenOn: visits[0].completedDate } : {}),
    seenAlone: visits.some((v) => v.seenAlone === true),
  };
}

/** Assessments finished in the week on or before the date they were due as it began. */
export function assessmentsInTime(
  child: Child,
  events: readonly CaseEvent[],
  weekStart: IsoDate,
  weekEnd: IsoDate,
  calendar: WorkingCalendar,
  rules: readonly TimescaleRule[],
): number {
  const finished = events.filter(
    (e) =>
      e.kind === 'assessment' &&
      e.status === 'completed' &&
      (e.completedDate ?? '') >= weekStart &&
      (e.completedDate ?? '') <= weekEnd,
  );
  if (finished.length === 0) return 0;
  const before = events.filter((e) => e.status !== 'completed' || (e.completedDate ?? '') < weekStart);
  const assessmentRules = rules.filter((r) => r.eventKind === 'assessment');
  const dueDate = workOutDue(child, before, weekStart, calendar, assessmentRules).due[0]?.dueDate;
  return dueDate && finished.some((e) => (e.completedDate ?? '') <= dueDate) ? 1 : 0;
}

/** The week reviewed, over a team's children: who was due, seen, seen in time, seen on their own. */
export interface WeekTally {
  due: number;
  seen: number;
  seenInTime: number;
  seenAny: number;
  seenAlone: number;
  assessmentsInTime: number;
  /** Children due a visit, and seen, per allocated practitioner. */
  perWorker: Map<string, { due: number; seen: number }>;
}

export function tallyWeek(
  children: readonly Child[],
  eventsByChild: ReadonlyMap<string, CaseEvent[]>,
  weekStart: IsoDate,
  weekEnd: IsoDate,
  calendar: WorkingCalendar,
  rules: readonly TimescaleRule[],
): WeekTally {
  const visitRules = rules.filter((r) => VISIT_KINDS.has(r.eventKind));
  const tally: WeekTally = {
    due: 0,
    seen: 0,
    seenInTime: 0,
    seenAny: 0,
    seenAlone: 0,
    assessmentsInTime: 0,
    perWorker: new Map(),
  };
  for (const child of children) {
    const events = eventsByChild.get(child.id) ?? [];
    const week = visitInWeek(child, events, weekStart, weekEnd, calendar, visitRules);
    if (week.seenOn) tally.seenAny += 1;
    if (week.seenOn && week.seenAlone) tally.seenAlone += 1;
    tally.assessmentsInTime += assessmentsInTime(child, events, weekStart, weekEnd, calendar, rules);
    if (!week.due) continue;
    const worker = child.allocatedPractitionerId;
    const mine = worker ? (tally.perWorker.get(worker) ?? { due: 0, seen: 0 }) : undefined;
    tally.due += 1;
    if (mine) mine.due += 1;
    if (week.seenOn) {
      tally.seen += 1;
      if (mine) mine.seen += 1;
      if (week.dueDate && week.seenOn <= week.dueDate) tally.seenInTime += 1;
    }
    if (worker && mine) tally.perWorker.set(worker, mine);
  }
  return tally;
}

/** Children due a visit and seen when we said we would, for the `count` weeks before `weekStart`. */
export function weeksBefore(
  children: readonly Child[],
  eventsByChild: ReadonlyMap<string, CaseEvent[]>,
  weekStart: IsoDate,
  count: number,
  calendar: WorkingCalendar,
  visitRules: readonly TimescaleRule[],
): TrendWeek[] {
  const weeks: TrendWeek[] = [];
  for (let i = count; i >= 1; i--) {
    const start = addDays(weekStart, -7 * i);
    const end = addDays(start, 6);
    let due = 0;
    let seenInTime = 0;
    for (const child of children) {
      const v = visitInWeek(child, eventsByChild.get(child.id) ?? [], start, end, calendar, visitRules);
      if (!v.due) continue;
      due += 1;
      if (v.seenOn && v.dueDate && v.seenOn <= v.dueDate) seenInTime += 1;
    }
    weeks.push({ weekId: isoWeekId(start), weekStart: start, due, seenInTime });
  }
  return weeks;
}
