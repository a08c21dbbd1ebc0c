/**
 * The timescale rules of DOMAIN.md section 1, as data. Every figure is a default an authority can
 * override (see timescale-schema.ts); none is a constant in code. Rules for the same event kind
 * (and group) are tried in order and the first whose conditions hold applies, so specific cases
 * come first. Where a rule can be read two ways, the reading taken is written beside it: the one
 * that gives the child the earlier date. The local practice standards are in
 * timescale-practice-rules.ts.
 */
import { PRACTICE_RULES } from './timescale-practice-rules';
import type { TimescaleRule } from './timescale-rule-types';
import { days, months, wd, weeks } from './timescale-rule-types';

export { PICKS, UNITS } from './timescale-rule-types';
export type {
  Interval,
  RuleConditions,
  Stage,
  StartPick,
  StartRef,
  TimescaleRule,
  Unit,
} from './timescale-rule-types';

const WT = 'Working Together to Safeguard Children';
const CPPCR = 'Care Planning, Placement and Case Review Regulations 2010';
const LEAVING_CARE = 'Care Leavers (England) Regulations 2010';

/** Care homes and visits: reg 28 of the Care Planning regulations. */
const CHILD_IN_CARE_VISITS: readonly TimescaleRule[] = [
  // Reading: each interval takes the rule that applies on the day it starts, or the one that
  // applies today, whichever gives the earlier date; so an interval that starts inside the first
  // year of a home is at most 6 weeks even when it ends after the first anniversary.
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
];

const CHILD_PROTECTION: readonly TimescaleRule[] = [
  {
    id: 'strategy-discussion',
    eventKind: 'strategy-discussion',
    childKinds: ['child-protection'],
    basis: 'local standard',
    first: { after: [{ anchor: 'concern' }], within: wd(1) },
    lookBackDays: 30,
  },
  // Reading: 15 working days from the strategy discussion at which the section 47 enquiry started
  // (the feed marks it with `startedSection47`); unmarked, the latest strategy discussion before
  // any conference. The record's date and completed events are both evidence of a discussion.
  {
    id: 'initial-conference',
    eventKind: 'initial-conference',
    childKinds: ['child-protection'],
    basis: WT,
    first: { after: [{ strategyDiscussion: 'section-47' }], within: wd(15) },
    lookBackDays: 60,
  },
  // The conference is the record's date or a completed first conference, whichever exists (the
  // latest when both do): either alone is evidence that it happened.
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
];

const CHILD_IN_CARE: readonly TimescaleRule[] = [
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
  // Reading: a review that starts before the fifth birthday is 6 months on, even if it ends after it.
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
];

const LEAVING_CARE_RULES: readonly TimescaleRule[] = [
  // Reading: a pathway plan is needed from 16 for a child in care. The needs assessment is due
  // within 3 months of the 16th birthday (or of coming into care after it, the later of the two)
  // and the plan with it; then reviewed at least every 6 months. Reviews held before 16 count.
  {
    id: 'pathway-plan-in-care',
    eventKind: 'pathway-plan-review',
    childKinds: ['child-in-care'],
    basis: `${CPPCR}, Part 7 (eligible children), and ${LEAVING_CARE}`,
    when: { ageAtLeast: 16 },
    first: { after: [{ birthday: 16 }, { anchor: 'cameIntoCare' }], within: months(3), pick: 'latest' },
    then: [months(6)],
    countsDoneBefore: 'always',
  },
  // Reading: the review clock carries on across leaving care: a review held before leaving counts.
  {
    id: 'pathway-plan-review',
    eventKind: 'pathway-plan-review',
    childKinds: ['care-experienced'],
    basis: LEAVING_CARE,
    first: { after: [{ anchor: 'leftCare' }], within: months(6) },
    then: [months(6)],
    countsDoneBefore: 'always',
  },
  {
    id: 'personal-adviser-visit',
    eventKind: 'personal-adviser-visit',
    childKinds: ['care-experienced'],
    basis: `${LEAVING_CARE}, reg 8`,
    first: { after: [{ anchor: 'lastMove' }, { anchor: 'leftCare' }], within: days(7) },
    then: [months(2)],
  },
];

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
  ...CHILD_PROTECTION,
  {
    id: 'child-in-need-visit',
    eventKind: 'visit',
    childKinds: ['child-in-need'],
    basis: 'local standard (no national frequency)',
    first: { after: [{ anchor: 'caseOpened' }, { anchor: 'referral' }], within: wd(20) },
    then: [wd(20)],
  },
  ...CHILD_IN_CARE_VISITS,
  ...CHILD_IN_CARE,
  ...LEAVING_CARE_RULES,
  ...PRACTICE_RULES,
];
