/**
 * What a child's record says happened, and when: the evidence the timescale rules count from.
 * A completed event and the date on the child's record are both evidence that a thing happened;
 * whichever exists is used, the latest when both do, so neither alone gives a false "has not
 * happened yet". Also the conditions a rule can carry (age, time in a home, the practitioner).
 */
import { addMonths, yearsBetween } from './timescale-dates';
import type { RuleConditions, StartRef } from './timescale-rule-types';
import type { AnchorKind, CaseEvent, Child, EventKind, IsoDate, Person } from './types';

/** What the rules need to know about the child's allocated practitioner. */
export type Practitioner = Pick<Person, 'newlyQualified' | 'startedOn'>;

/** Anchors on the child's record that say the same thing as a completed event of a kind. */
const ANCHOR_EVENT: Partial<Record<AnchorKind, EventKind>> = {
  strategyDiscussion: 'strategy-discussion',
  initialConference: 'initial-conference',
};
const EVENT_ANCHOR = new Map(
  Object.entries(ANCHOR_EVENT).map(([anchor, kind]) => [kind, anchor as AnchorKind]),
);

/** The event kind a start date stands for, if any: a rule counting from it waits for it. */
export function refEventKind(ref: StartRef): EventKind | undefined {
  if ('anchor' in ref) return ANCHOR_EVENT[ref.anchor];
  if ('event' in ref) return ref.event;
  if ('strategyDiscussion' in ref) return 'strategy-discussion';
  return undefined;
}

/** How a missing start date is named (the names language.ts knows). */
export function refName(ref: StartRef): string {
  if ('anchor' in ref) return ref.anchor;
  if ('event' in ref) return `${ref.event} completed`;
  if ('strategyDiscussion' in ref) return 'strategyDiscussion';
  if ('birthday' in ref) return 'dateOfBirth';
  return 'practitionerStartedOn';
}

/**
 * The day a person reaches an age: the anniversary of their birth, and for a 29 February birthday
 * 1 March in a year that is not a leap year (Family Law Reform Act 1969, s9), as `yearsBetween` counts.
 */
export function birthdayAt(dateOfBirth: IsoDate, age: number): IsoDate {
  const sameDay = addMonths(dateOfBirth, age * 12);
  return sameDay.slice(5) === '02-28' && dateOfBirth.slice(5) === '02-29'
    ? `${sameDay.slice(0, 4)}-03-01`
    : sameDay;
}

export type ConditionResult = { holds: true } | { holds: false; missing?: string };

export class Evidence {
  private readonly done = new Map<EventKind, IsoDate[]>();
  private readonly planned = new Map<EventKind, IsoDate[]>();
  private section47?: IsoDate | null;

  constructor(
    readonly child: Child,
    private readonly events: readonly CaseEvent[],
    readonly practitioner?: Practitioner,
  ) {
    const add = (map: Map<EventKind, IsoDate[]>, kind: EventKind, date: IsoDate) => {
      const list = map.get(kind);
      if (list) list.push(date);
      else map.set(kind, [date]);
    };
    for (const event of events) {
      if (event.status === 'completed' && event.completedDate)
        add(this.done, event.kind, event.completedDate);
      else if (event.status === 'planned' && event.scheduledDate)
        add(this.planned, event.kind, event.scheduledDate);
    }
    for (const [kind, anchor] of EVENT_ANCHOR) {
      const date = child.anchors[anchor];
      if (date) add(this.done, kind, date);
    }
    for (const map of [this.done, this.planned]) {
      for (const [kind, list] of map) if (list.length > 1) map.set(kind, [...new Set(list)].sort());
    }
  }

  /** Every date a thing of this kind was done, oldest first: completed events and the record's date. */
  doneDates(kind: EventKind): readonly IsoDate[] {
    return this.done.get(kind) ?? [];
  }

  /** The earliest date Hearth knows anything happened for this child: a record date or an event. */
  earliestKnown(): IsoDate | undefined {
    let earliest: IsoDate | undefined;
    for (const list of this.done.values())
      if (list[0] && (!earliest || list[0] < earliest)) earliest = list[0];
    return earliest;
  }

  /** Booked dates for this kind, oldest first. */
  bookedDates(kind: EventKind): readonly IsoDate[] {
    return this.planned.get(kind) ?? [];
  }

  /** The latest date a start reference stands for, if the record has one. */
  date(ref: StartRef): IsoDate | undefined {
    if ('strategyDiscussion' in ref) return this.section47Start();
    return this.dates(ref).at(-1);
  }

  /** Every date a start reference stands for, oldest first. */
  dates(ref: StartRef): readonly IsoDate[] {
    if ('anchor' in ref) {
      const kind = ANCHOR_EVENT[ref.anchor];
      if (kind) return this.doneDates(kind);
      const date = this.child.anchors[ref.anchor];
      return date ? [date] : [];
    }
    if ('event' in ref) return this.doneDates(ref.event);
    if ('birthday' in ref) {
      return this.child.dateOfBirth ? [birthdayAt(this.child.dateOfBirth, ref.birthday)] : [];
    }
    const date = 'strategyDiscussion' in ref ? this.section47Start() : this.practitioner?.startedOn;
    return date ? [date] : [];
  }

  /**
   * The strategy discussion at which the section 47 enquiry started: the latest one the feed marks
   * (`startedSection47`); unmarked, the latest strategy discussion before any conference. A
   * discussion held while a child already has a plan (after a conference) does not restart the
   * clock for a first conference that has happened.
   */
  section47Start(): IsoDate | undefined {
    if (this.section47 !== undefined) return this.section47 ?? undefined;
    const marked = this.events
      .filter(
        (e) =>
          e.kind === 'strategy-discussion' &&
          e.status === 'completed' &&
          e.startedSection47 === true &&
          e.completedDate,
      )
      .map((e) => e.completedDate as IsoDate)
      .sort();
    let start = marked.at(-1);
    if (!start) {
      const discussions = this.doneDates('strategy-discussion');
      const first = discussions[0];
      const conference = first
        ? [...this.doneDates('initial-conference'), ...this.doneDates('review-conference')]
            .filter((d) => d >= first)
            .sort()[0]
        : undefined;
      const before = conference ? discussions.filter((d) => d < conference) : discussions;
      start = before.at(-1) ?? first;
    }
    this.section47 = start ?? null;
    return start;
  }

  /** Whether a rule's conditions hold on `date`; `missing` names a date the record would need. */
  conditionsAt(when: RuleConditions | undefined, date: IsoDate): ConditionResult {
    if (!when) return { holds: true };
    const child = this.child;
    if (when.ageAtLeast !== undefined || when.ageUnder !== undefined) {
      if (!child.dateOfBirth) return { holds: false, missing: 'dateOfBirth' };
      const age = yearsBetween(child.dateOfBirth, date);
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
      if (yearsBetween(homeSince, date) < when.inHomeAtLeastYears) return { holds: false };
    }
    if (
      when.practitionerNewlyQualified !== undefined &&
      (this.practitioner?.newlyQualified ?? false) !== when.practitionerNewlyQualified
    ) {
      return { holds: false };
    }
    return { holds: true };
  }
}
