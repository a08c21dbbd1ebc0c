/**
 * The shape of a timescale rule: plain data an authority can read, change or switch off in its
 * timescales file (timescale-schema.ts). How a rule is worked out for a child is in timescales.ts.
 */
import type { AnchorKind, ChildKind, EventKind } from './types';

export const UNITS = ['working-days', 'days', 'weeks', 'months'] as const;
export type Unit = (typeof UNITS)[number];

export interface Interval {
  amount: number;
  unit: Unit;
}

/**
 * A date a rule counts from. Anchors and events are both evidence: `{ anchor: 'initialConference' }`
 * and `{ event: 'initial-conference' }` both mean the latest of the record's date and the latest
 * completed event of that kind, whichever exists.
 */
export type StartRef =
  | { anchor: AnchorKind }
  | { event: EventKind }
  /** The strategy discussion at which the section 47 enquiry started (see timescale-evidence.ts). */
  | { strategyDiscussion: 'section-47' }
  /** The child's birthday at this age (29 February birthdays fall on 1 March in other years). */
  | { birthday: number }
  /** The day the allocated practitioner started (`Person.startedOn`). */
  | { practitioner: 'startedOn' };

/**
 * How `first.after` is read: `first` the first of the dates that the child has (in the order
 * listed); `latest` the latest of them; `each` every one of them, so the thing is due after each
 * (a chronology update after every move or meeting), counting from the earliest not yet followed.
 */
export const PICKS = ['first', 'latest', 'each'] as const;
export type StartPick = (typeof PICKS)[number];

/** While the interval starts less than `until` after the stage clock began, it is `every`. */
export interface Stage {
  until: Interval;
  every: Interval;
}

export interface RuleConditions {
  /** Age in whole years. */
  ageAtLeast?: number;
  ageUnder?: number;
  /** Years since the current home began (last move, or coming into care). */
  inHomeAtLeastYears?: number;
  homeIntendedUntil18?: boolean;
  longTermFosterVisitsAgreed?: boolean;
  /** The child's allocated practitioner is newly qualified (`Person.newlyQualified`). */
  practitionerNewlyQualified?: boolean;
}

export interface TimescaleRule {
  id: string;
  eventKind: EventKind;
  childKinds: ChildKind[];
  /** Where the figure comes from, shown to managers. */
  basis: string;
  /**
   * Rules with the same event kind and group are alternatives: the first whose conditions hold
   * applies. Rules in different groups are worked out side by side (a family network meeting when
   * the work starts, and again before a conference). The group defaults to the event kind.
   */
  group?: string;
  /** The first one is due this long after the date(s) in `after`. Not used with `before`. */
  first?: { after: StartRef[]; within: Interval; pick?: StartPick };
  /** After each one is done, the next is due this long after; the last interval repeats. None: a one-off. */
  then?: Interval[];
  /** Intervals that depend on where the interval starts on another clock (newly qualified staff). */
  stages?: { from: StartRef; steps: Stage[] };
  /**
   * Ones done before the rule's start date still count: `always` (a pathway plan review held
   * before leaving care), or those at most this long before it (a meeting before coming into care).
   */
  countsDoneBefore?: 'always' | Interval;
  /**
   * Due this long before the next of these kinds of event (its booked date or its due date,
   * whichever is earlier); one done since that event's own clock started counts.
   */
  before?: { eventKinds: EventKind[]; by: Interval };
  when?: RuleConditions;
  /** A one-off this long past due with no record is history, not a nudge (0: only until it is due). */
  lookBackDays?: number;
  disabled?: boolean;
}

export const wd = (amount: number): Interval => ({ amount, unit: 'working-days' });
export const days = (amount: number): Interval => ({ amount, unit: 'days' });
export const weeks = (amount: number): Interval => ({ amount, unit: 'weeks' });
export const months = (amount: number): Interval => ({ amount, unit: 'months' });
