/**
 * One timescale rule worked out for one child: from the evidence, when it started, when it was
 * last done, and so when it is next due. Three shapes of rule: counted from a start date (then
 * repeating), due after each of several events (`pick: 'each'`), and due before another kind of
 * event (`before`). Which rule applies is decided in timescales.ts.
 */
import type { WorkingCalendar } from './calendar';
import { addDays } from './dates';
import type { Evidence } from './timescale-evidence';
import { addInterval } from './timescale-dates';
import type { Interval, StartRef, TimescaleRule } from './timescale-rule-types';
import type { IsoDate } from './types';

/** A rule worked out: `start` is where its clock began, `lastDone` the latest one that counts. */
export interface Worked {
  rule: TimescaleRule;
  start: IsoDate;
  lastDone?: IsoDate;
  dueDate: IsoDate;
  booked?: IsoDate;
}

export type Outcome =
  | { due: Worked }
  /** Nothing due: a one-off done, or history past its look-back. */
  | { nothing: true }
  /** The rule counts from dates the record does not have (any one would do). */
  | { missing: StartRef[] };

const NOTHING: Outcome = { nothing: true };

export function workRule(
  rule: TimescaleRule,
  evidence: Evidence,
  today: IsoDate,
  calendar: WorkingCalendar,
): Outcome {
  const first = rule.first;
  if (!first) return NOTHING;
  if (first.pick === 'each') return workEach(rule, evidence, today, calendar);
  const starts = first.after.map((ref) => evidence.date(ref));
  const start =
    first.pick === 'latest'
      ? starts
          .filter((d): d is IsoDate => d !== undefined)
          .sort()
          .at(-1)
      : starts.find((d) => d !== undefined);
  if (!start) {
    const oneOff = !rule.then && !rule.stages;
    // A one-off the record shows done needs no start date: it happened. Nor does one whose child
    // Hearth has known of for longer than its look-back: it would be history, not a nudge.
    if (oneOff && (evidence.doneDates(rule.eventKind).length > 0 || knownLongAgo(rule, evidence, today)))
      return NOTHING;
    return { missing: first.after };
  }

  const counted = countedDone(rule, evidence, start, calendar);
  const lastDone = counted.at(-1);
  let dueDate: IsoDate;
  if (!lastDone) {
    dueDate = addInterval(calendar, start, stageInterval(rule, evidence, start, calendar) ?? first.within);
    if (!rule.then && !rule.stages && pastLookBack(rule, dueDate, today)) return NOTHING;
  } else if (rule.then?.length || rule.stages) {
    const then = rule.then?.[Math.min(counted.length, rule.then.length) - 1] ?? first.within;
    dueDate = addInterval(calendar, lastDone, stageInterval(rule, evidence, lastDone, calendar) ?? then);
  } else {
    return NOTHING; // a one-off, done
  }
  const booked = bookingSince(evidence.bookedDates(rule.eventKind), lastDone ?? start, today);
  return { due: { rule, start, dueDate, ...(lastDone ? { lastDone } : {}), ...(booked ? { booked } : {}) } };
}

/** Days a one-off is still worth asking about when Hearth cannot tell when it was due. */
export const DEFAULT_ONE_OFF_LOOK_BACK_DAYS = 90;

function knownLongAgo(rule: TimescaleRule, evidence: Evidence, today: IsoDate): boolean {
  const earliest = evidence.earliestKnown();
  return (
    earliest !== undefined &&
    earliest < addDays(today, -(rule.lookBackDays ?? DEFAULT_ONE_OFF_LOOK_BACK_DAYS))
  );
}

/**
 * The booking that matters since `since`: the next one still to come, or else the latest one, now
 * past (a visit booked for a day gone by with nothing recorded is "not seen yet", morning-bundle.ts).
 */
function bookingSince(booked: readonly IsoDate[], since: IsoDate, today: IsoDate): IsoDate | undefined {
  const counted = booked.filter((d) => d >= since);
  return counted.find((d) => d >= today) ?? counted.at(-1);
}

/** The ones done that count for this rule: since its start, or earlier where the rule says so. */
function countedDone(
  rule: TimescaleRule,
  evidence: Evidence,
  start: IsoDate,
  calendar: WorkingCalendar,
): readonly IsoDate[] {
  const done = evidence.doneDates(rule.eventKind);
  if (rule.countsDoneBefore === 'always') return done;
  const from = rule.countsDoneBefore ? addInterval(calendar, start, rule.countsDoneBefore, -1) : start;
  return done.filter((d) => d >= from);
}

/** The interval for one starting on `date`, when the rule has stages and `date` falls in one. */
function stageInterval(
  rule: TimescaleRule,
  evidence: Evidence,
  date: IsoDate,
  calendar: WorkingCalendar,
): Interval | undefined {
  if (!rule.stages) return undefined;
  const from = evidence.date(rule.stages.from);
  if (!from || date < from) return undefined;
  // Stage ends are counted from the stage clock, not from each other, so they never drift.
  return rule.stages.steps.find((step) => date < addInterval(calendar, from, step.until))?.every;
}

function pastLookBack(rule: TimescaleRule, dueDate: IsoDate, today: IsoDate): boolean {
  return rule.lookBackDays !== undefined && addDays(dueDate, rule.lookBackDays) < today;
}

/** Due after each of the rule's events, from the earliest not yet followed by one done. */
function workEach(
  rule: TimescaleRule,
  evidence: Evidence,
  today: IsoDate,
  calendar: WorkingCalendar,
): Outcome {
  const first = rule.first as NonNullable<TimescaleRule['first']>;
  const lastDone = evidence.doneDates(rule.eventKind).at(-1);
  // The earliest event since the last one done (one on the same day counts for it), not history.
  let start: IsoDate | undefined;
  for (const ref of first.after) {
    for (const t of evidence.dates(ref)) {
      if (t > today || (lastDone !== undefined && t <= lastDone) || (start !== undefined && t >= start))
        continue;
      if (!pastLookBack(rule, addInterval(calendar, t, first.within), today)) start = t;
    }
  }
  if (!start) return NOTHING;
  const from = start;
  const booked = bookingSince(evidence.bookedDates(rule.eventKind), from, today);
  return {
    due: {
      rule,
      start: from,
      dueDate: addInterval(calendar, from, first.within),
      ...(lastDone ? { lastDone } : {}),
      ...(booked ? { booked } : {}),
    },
  };
}

/**
 * Due `by` before the next of the rule's kinds of event among what is already worked out for the
 * child (its booked date or due date, whichever is earlier). One done since that event's own clock
 * started (its last one, or its start) counts.
 */
export function workBefore(
  rule: TimescaleRule,
  evidence: Evidence,
  worked: readonly Worked[],
  calendar: WorkingCalendar,
): Outcome {
  const before = rule.before;
  if (!before) return NOTHING;
  const happensOn = (w: Worked) => (w.booked && w.booked < w.dueDate ? w.booked : w.dueDate);
  const target = worked
    .filter((w) => before.eventKinds.includes(w.rule.eventKind))
    .sort((a, b) => happensOn(a).localeCompare(happensOn(b)))[0];
  if (!target) return NOTHING;
  const since = target.lastDone ?? target.start;
  if (evidence.doneDates(rule.eventKind).some((d) => d >= since)) return NOTHING;
  const booked = evidence.bookedDates(rule.eventKind).find((d) => d >= since);
  return {
    due: {
      rule,
      start: since,
      dueDate: addInterval(calendar, happensOn(target), before.by, -1),
      ...(booked ? { booked } : {}),
    },
  };
}
