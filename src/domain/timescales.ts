/**
 * Works out, for one child, what is due and by when, from the timescale rules, the child's anchor
 * dates and when each thing was last done. Where a rule needs a date the record does not have, the
 * answer is an explicit "cannot work out" naming the missing date: never a guess.
 */
import type { WorkingCalendar } from './calendar';
import { addDays } from './dates';
import type { Interval, RuleConditions, StartRef, TimescaleRule } from './timescale-rules';
import type { CaseEvent, Child, EventKind, IsoDate } from './types';

export interface DueItem {
  /** Stable across days: `childId:ruleId`. Snoozes and nudge ids hang off it. */
  key: string;
  childId: string;
  ruleId: string;
  eventKind: EventKind;
  dueDate: IsoDate;
  lastDone?: IsoDate;
  /** A planned date for it, when one is booked in the record. */
  booked?: IsoDate;
  basis: string;
}

export interface CannotWorkOut {
  key: string;
  childId: string;
  ruleId: string;
  eventKind: EventKind;
  /** The dates the record would need, any one of which would do. */
  missing: string[];
}

export interface ChildDue {
  due: DueItem[];
  cannotWorkOut: CannotWorkOut[];
}

export function addInterval(calendar: WorkingCalendar, date: IsoDate, interval: Interval): IsoDate {
  switch (interval.unit) {
    case 'working-days':
      return calendar.addWorkingDays(date, interval.amount);
    case 'days':
      return addDays(date, interval.amount);
    case 'weeks':
      return addDays(date, interval.amount * 7);
    case 'months':
      return addMonths(date, interval.amount);
  }
}

/** Same day of the month n months on, or the month's last day when it is shorter. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whole years from `from` to `to`. */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

type ConditionResult = { holds: true } | { holds: false; missing?: string };

function checkConditions(when: RuleConditions | undefined, child: Child, today: IsoDate): ConditionResult {
  if (!when) return { holds: true };
  if (when.ageAtLeast !== undefined || when.ageUnder !== undefined) {
    if (!child.dateOfBirth) return { holds: false, missing: 'dateOfBirth' };
    const age = yearsBetween(child.dateOfBirth, today);
    if (when.ageAtLeast !== undefined && age < when.ageAtLeast) return { holds: false };
    if (when.ageUnder !== undefined && age >= when.ageUnder) return { holds: false };
  }
  if (
    when.homeIntendedUntil18 !== undefined &&
    (child.homeIntendedUntil18 ?? false) !== when.homeIntendedUntil18
  ) {
    return { holds: false };
  }
  if (
    when.longTermFosterVisitsAgreed !== undefined &&
    (child.longTermFosterVisitsAgreed ?? false) !== when.longTermFosterVisitsAgreed
  ) {
    return { holds: false };
  }
  if (when.inHomeAtLeastYears !== undefined) {
    const homeSince = child.anchors.lastMove ?? child.anchors.cameIntoCare;
    if (!homeSince) return { holds: false, missing: 'lastMove' };
    if (yearsBetween(homeSince, today) < when.inHomeAtLeastYears) return { holds: false };
  }
  return { holds: true };
}

const refName = (ref: StartRef) => ('anchor' in ref ? ref.anchor : `${ref.event} completed`);

/**
 * Everything due for one child. `events` are this child's events; `rules` in order of precedence.
 */
export function workOutDue(
  child: Child,
  events: readonly CaseEvent[],
  today: IsoDate,
  calendar: WorkingCalendar,
  rules: readonly TimescaleRule[],
): ChildDue {
  const result: ChildDue = { due: [], cannotWorkOut: [] };
  if (child.closed) return result;

  const completed = new Map<EventKind, IsoDate[]>();
  const planned = new Map<EventKind, IsoDate[]>();
  for (const event of events) {
    if (event.status === 'completed' && event.completedDate) {
      completed.set(event.kind, [...(completed.get(event.kind) ?? []), event.completedDate]);
    } else if (event.status === 'planned' && event.scheduledDate) {
      planned.set(event.kind, [...(planned.get(event.kind) ?? []), event.scheduledDate]);
    }
  }
  for (const list of [...completed.values(), ...planned.values()]) list.sort();

  const byKind = new Map<EventKind, TimescaleRule[]>();
  for (const rule of rules) {
    if (rule.disabled || !rule.childKinds.includes(child.kind)) continue;
    byKind.set(rule.eventKind, [...(byKind.get(rule.eventKind) ?? []), rule]);
  }

  for (const [eventKind, candidates] of byKind) {
    let rule: TimescaleRule | undefined;
    const missing = new Set<string>();
    for (const candidate of candidates) {
      const check = checkConditions(candidate.when, child, today);
      if (check.holds) {
        rule = candidate;
        break;
      }
      if (check.missing) missing.add(check.missing);
    }
    const key = (ruleId: string) => `${child.id}:${ruleId}`;
    if (!rule) {
      // No rule applies; if that is only because a date is missing, say so.
      const first = candidates[0] as TimescaleRule;
      if (missing.size > 0) {
        result.cannotWorkOut.push({
          key: key(first.id),
          childId: child.id,
          ruleId: first.id,
          eventKind,
          missing: [...missing],
        });
      }
      continue;
    }

    const done = completed.get(eventKind) ?? [];
    let start: IsoDate | undefined;
    for (const ref of rule.first.after) {
      start = 'anchor' in ref ? child.anchors[ref.anchor] : completed.get(ref.event)?.at(-1);
      if (start) break;
    }
    if (!start) {
      result.cannotWorkOut.push({
        key: key(rule.id),
        childId: child.id,
        ruleId: rule.id,
        eventKind,
        missing: rule.first.after.map(refName),
      });
      continue;
    }

    const since = done.filter((d) => d >= start);
    const lastDone = since.at(-1);
    let dueDate: IsoDate;
    if (!lastDone) {
      dueDate = addInterval(calendar, start, rule.first.within);
      const pastLookBack = rule.lookBackDays !== undefined && addDays(dueDate, rule.lookBackDays) < today;
      if (!rule.then && pastLookBack) continue;
    } else if (rule.then && rule.then.length > 0) {
      const interval = rule.then[Math.min(since.length - 1, rule.then.length - 1)] as Interval;
      dueDate = addInterval(calendar, lastDone, interval);
    } else {
      continue; // a one-off, done
    }
    const booked = planned.get(eventKind)?.find((d) => d >= (lastDone ?? start));
    result.due.push({
      key: key(rule.id),
      childId: child.id,
      ruleId: rule.id,
      eventKind,
      dueDate,
      ...(lastDone ? { lastDone } : {}),
      ...(booked ? { booked } : {}),
      basis: rule.basis,
    });
  }

  // Anything booked in the record that no rule covers still deserves a reminder.
  for (const event of events) {
    if (event.status !== 'planned' || byKind.has(event.kind)) continue;
    const date = event.scheduledDate ?? event.dueDate;
    if (!date) continue;
    result.due.push({
      key: `${child.id}:event-${event.id}`,
      childId: child.id,
      ruleId: 'recorded',
      eventKind: event.kind,
      dueDate: event.dueDate ?? date,
      ...(event.scheduledDate ? { booked: event.scheduledDate } : {}),
      basis: 'the date in the record',
    });
  }
  return result;
}
