/**
 * The timescale rules of DOMAIN.md section 1, as data. Every figure is a default an authority can
 * override (see timescale-schema.ts); none is a constant in code. Rules for the same event kind are
 * tried in order and the first whose conditions hold applies, so specific cases come first.
 */
import type { AnchorKind, ChildKind, EventKind } from './types';

export const UNITS = ['working-days', 'days', 'weeks', 'months'] as const;
export type Unit = (typeof UNITS)[number];

export interface Interval {
  amount: number;
  unit: Unit;
}

/** A date a rule counts from: an anchor on the child, or when an event of a kind was last done. */
export type StartRef = { anchor: AnchorKind } | { event: EventKind };

export interface RuleConditions {
  /** Age in whole years at the date of working out. */
  ageAtLeast?: number;
  ageUnder?: number;
  /** Years since the current home began (last move, or coming into care). */
  inHomeAtLeastYears?: number;
  homeIntendedUntil18?: boolean;
  longTermFosterVisitsAgreed?: boolean;
}

export interface TimescaleRule {
  id: string;
  eventKind: EventKind;
  childKinds: ChildKind[];
  /** Where the figure comes from, shown to managers. */
  basis: string;
  /** The first one is due this long after the first of these dates that the child has. */
  first: { after: StartRef[]; within: Interval };
  /** After each one is done, the next is due this long after; the last interval repeats. None: a one-off. */
  then?: Interval[];
  when?: RuleConditions;
  /** A one-off this long past due with no record is history, not a nudge (it goes to data quality). */
  lookBackDays?: number;
  disabled?: boolean;
}

const wd = (amount: number): Interval => ({ amount, unit: 'working-days' });
const days = (amount: number): Interval => ({ amount, unit: 'days' });
const weeks = (amount: number): Interval => ({ amount, unit: 'weeks' });
const months = (amount: number): Interval => ({ amount, unit: 'months' });

const WT = 'Working Together to Safeguard Children';
const CPPCR = 'Care Planning, Placement and Case Review Regulations 2010';

export const DEFAULT_RULES: readonly TimescaleRule[] = [
  {
    id: 'referral-decision',
    eventKind: 'referral-decision',
    childKinds: ['child-in-need', 'child-protection'],
    basis: WT,
    first: { after: [{ anchor: 'referral' }], within: wd(1) },
    lookBackDays: 30,
  },
  {
    id: 'assessment',
    eventKind: 'assessment',
    childKinds: ['child-in-need', 'child-protection'],
    basis: WT,
    first: { after: [{ anchor: 'referral' }], within: wd(45) },
    lookBackDays: 90,
  },
  {
    id: 'strategy-discussion',
    eventKind: 'strategy-discussion',
    childKinds: ['child-protection'],
    basis: 'local standard',
    first: { after: [{ anchor: 'concern' }], within: wd(1) },
    lookBackDays: 30,
  },
  {
    id: 'initial-conference',
    eventKind: 'initial-conference',
    childKinds: ['child-protection'],
    basis: WT,
    first: { after: [{ anchor: 'strategyDiscussion' }], within: wd(15) },
    lookBackDays: 60,
  },
  {
    id: 'core-group',
    eventKind: 'core-group',
    childKinds: ['child-protection'],
    basis: `${WT} and local standard`,
    first: { after: [{ anchor: 'initialConference' }], within: wd(10) },
    then: [weeks(4)],
  },
  {
    id: 'review-conference',
    eventKind: 'review-conference',
    childKinds: ['child-protection'],
    basis: WT,
    first: { after: [{ anchor: 'initialConference' }], within: months(3) },
    then: [months(6)],
  },
  {
    id: 'child-protection-visit',
    eventKind: 'visit',
    childKinds: ['child-protection'],
    basis: 'local standard (no national frequency)',
    first: { after: [{ anchor: 'initialConference' }, { anchor: 'caseOpened' }], within: wd(10) },
    then: [wd(10)],
  },
  {
    id: 'child-in-need-visit',
    eventKind: 'visit',
    childKinds: ['child-in-need'],
    basis: 'local standard (no national frequency)',
    first: { after: [{ anchor: 'caseOpened' }, { anchor: 'referral' }], within: wd(20) },
    then: [wd(20)],
  },
  {
    id: 'child-in-care-visit-long-term-foster',
    eventKind: 'visit',
    childKinds: ['child-in-care'],
    basis: `${CPPCR}, reg 28(3A)`,
    when: { longTermFosterVisitsAgreed: true, inHomeAtLeastYears: 1 },
    first: { after: [{ anchor: 'lastMove' }, { anchor: 'cameIntoCare' }], within: weeks(1) },
    then: [months(6)],
  },
  {
    id: 'child-in-care-visit-settled',
    eventKind: 'visit',
    childKinds: ['child-in-care'],
    basis: `${CPPCR}, reg 28(2)(c)`,
    when: { homeIntendedUntil18: true, inHomeAtLeastYears: 1 },
    first: { after: [{ anchor: 'lastMove' }, { anchor: 'cameIntoCare' }], within: weeks(1) },
    then: [months(3)],
  },
  {
    id: 'child-in-care-visit',
    eventKind: 'visit',
    childKinds: ['child-in-care'],
    basis: `${CPPCR}, reg 28(2)(a) and (b)`,
    first: { after: [{ anchor: 'lastMove' }, { anchor: 'cameIntoCare' }], within: weeks(1) },
    then: [weeks(6)],
  },
  {
    id: 'child-in-care-review',
    eventKind: 'child-in-care-review',
    childKinds: ['child-in-care'],
    basis: `${CPPCR}, reg 33`,
    first: { after: [{ anchor: 'cameIntoCare' }], within: wd(20) },
    then: [months(3), months(6)],
  },
  {
    id: 'initial-health-assessment',
    eventKind: 'initial-health-assessment',
    childKinds: ['child-in-care'],
    basis: `${CPPCR}, reg 7`,
    first: { after: [{ anchor: 'cameIntoCare' }], within: wd(20) },
    lookBackDays: 90,
  },
  {
    id: 'review-health-assessment-under-5',
    eventKind: 'review-health-assessment',
    childKinds: ['child-in-care'],
    basis: `${CPPCR}, reg 7`,
    when: { ageUnder: 5 },
    first: { after: [{ event: 'initial-health-assessment' }], within: months(6) },
    then: [months(6)],
  },
  {
    id: 'review-health-assessment',
    eventKind: 'review-health-assessment',
    childKinds: ['child-in-care'],
    basis: `${CPPCR}, reg 7`,
    when: { ageAtLeast: 5 },
    first: { after: [{ event: 'initial-health-assessment' }], within: months(12) },
    then: [months(12)],
  },
  {
    id: 'strengths-and-difficulties-questionnaire',
    eventKind: 'strengths-and-difficulties-questionnaire',
    childKinds: ['child-in-care'],
    basis: 'SSDA903 return',
    when: { ageAtLeast: 4, ageUnder: 17 },
    first: { after: [{ anchor: 'cameIntoCare' }], within: months(12) },
    then: [months(12)],
  },
  {
    id: 'personal-education-plan',
    eventKind: 'personal-education-plan',
    childKinds: ['child-in-care'],
    basis: 'DfE guidance (reviewed each school term)',
    when: { ageAtLeast: 3, ageUnder: 18 },
    first: { after: [{ anchor: 'cameIntoCare' }], within: wd(10) },
    then: [months(4)],
  },
  {
    id: 'pathway-plan-review',
    eventKind: 'pathway-plan-review',
    childKinds: ['care-experienced'],
    basis: 'Care Leavers (England) Regulations 2010',
    first: { after: [{ anchor: 'leftCare' }], within: months(6) },
    then: [months(6)],
  },
  {
    id: 'personal-adviser-visit',
    eventKind: 'personal-adviser-visit',
    childKinds: ['care-experienced'],
    basis: 'Care Leavers (England) Regulations 2010, reg 8',
    first: { after: [{ anchor: 'lastMove' }, { anchor: 'leftCare' }], within: days(7) },
    then: [months(2)],
  },
  {
    id: 'family-network-meeting',
    eventKind: 'family-network-meeting',
    childKinds: ['child-in-need', 'child-protection', 'child-in-care'],
    basis: 'local standard',
    first: { after: [{ anchor: 'caseOpened' }], within: days(10) },
    lookBackDays: 60,
  },
];
