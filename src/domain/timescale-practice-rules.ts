/**
 * Local practice standards (Relationships First, Signs of Safety) as timescale rules: no national
 * figure stands behind these, so each is a default an authority can change or switch off
 * (`"disabled": true`) in its timescales file. The reading taken is written beside each rule.
 */
import type { TimescaleRule } from './timescale-rule-types';
import { days, months, wd, weeks } from './timescale-rule-types';
import type { StartRef } from './timescale-rule-types';

const LOCAL = 'local practice standard';

/** When the work with a child began, in the order Hearth looks for it. */
const WORK_STARTED: StartRef[] = [
  { anchor: 'caseOpened' },
  { anchor: 'referral' },
  { anchor: 'cameIntoCare' },
  { anchor: 'leftCare' },
];

const FAMILY_NETWORK: readonly TimescaleRule[] = [
  {
    id: 'family-network-meeting',
    eventKind: 'family-network-meeting',
    childKinds: ['child-in-need', 'child-protection', 'child-in-care'],
    basis: 'local standard',
    first: { after: [{ anchor: 'caseOpened' }], within: days(10) },
    lookBackDays: 60,
  },
  // Reading: again before each child protection conference, by the working day before it (its
  // booked date or its due date, whichever is earlier); a meeting held since the enquiry started,
  // or since the last conference, counts.
  {
    id: 'family-network-meeting-before-conference',
    eventKind: 'family-network-meeting',
    group: 'before-conference',
    childKinds: ['child-in-need', 'child-protection'],
    basis: `${LOCAL} (family network meetings at key points)`,
    before: { eventKinds: ['initial-conference', 'review-conference'], by: wd(1) },
  },
  // Reading: Hearth cannot see a plan to come into care before it happens, so a meeting in the
  // 3 months before the child came into care counts; with none, one is due within 10 days of
  // coming into care (as for a case opening), and after 60 days it is history, not a nudge.
  {
    id: 'family-network-meeting-coming-into-care',
    eventKind: 'family-network-meeting',
    group: 'coming-into-care',
    childKinds: ['child-in-care'],
    basis: `${LOCAL} (family network meetings at key points)`,
    first: { after: [{ anchor: 'cameIntoCare' }], within: days(10) },
    countsDoneBefore: months(3),
    lookBackDays: 60,
  },
];

const SUPERVISION: readonly TimescaleRule[] = [
  // Reading: supervision is recorded on each child's file (the child's plan discussed in the
  // practitioner's supervision), so it is worked out for each child, at the frequency of the
  // allocated practitioner. Newly qualified staff, in their first year from `startedOn`: weekly for
  // 6 weeks, fortnightly to 6 months, then monthly, read as every 4 weeks (never less often than
  // everyone else). The stage is the one the interval starts in. Without `startedOn` the stages
  // cannot be placed, and the 4-weekly rule applies.
  {
    id: 'supervision-newly-qualified',
    eventKind: 'supervision',
    childKinds: ['child-in-need', 'child-protection', 'child-in-care', 'care-experienced'],
    basis: `${LOCAL} (newly qualified social workers)`,
    when: { practitionerNewlyQualified: true },
    first: { after: WORK_STARTED, within: weeks(4) },
    then: [weeks(4)],
    stages: {
      from: { practitioner: 'startedOn' },
      steps: [
        { until: weeks(6), every: weeks(1) },
        { until: months(6), every: weeks(2) },
        { until: months(12), every: weeks(4) },
      ],
    },
  },
  {
    id: 'supervision',
    eventKind: 'supervision',
    childKinds: ['child-in-need', 'child-protection', 'child-in-care', 'care-experienced'],
    basis: LOCAL,
    first: { after: WORK_STARTED, within: weeks(4) },
    then: [weeks(4)],
  },
];

export const PRACTICE_RULES: readonly TimescaleRule[] = [
  ...FAMILY_NETWORK,
  ...SUPERVISION,
  // Reading: within 5 working days after each significant event (a move, coming into care, a
  // conference, a strategy discussion), counting from the earliest one not yet followed by an
  // update; an update on the day of the event counts. After 60 days it is history, not a nudge.
  {
    id: 'chronology-update',
    eventKind: 'chronology-update',
    childKinds: ['child-in-need', 'child-protection', 'child-in-care', 'care-experienced'],
    basis: LOCAL,
    first: {
      after: [
        { anchor: 'lastMove' },
        { anchor: 'cameIntoCare' },
        { anchor: 'strategyDiscussion' },
        { anchor: 'initialConference' },
        { event: 'review-conference' },
      ],
      within: wd(5),
      pick: 'each',
    },
    lookBackDays: 60,
  },
  // Reading: on every child's file, due within 10 working days of the case opening (or the
  // referral); nudged only until then, and never once the feed has a completed `genogram` event.
  {
    id: 'genogram',
    eventKind: 'genogram',
    childKinds: ['child-in-need', 'child-protection', 'child-in-care', 'care-experienced'],
    basis: LOCAL,
    first: { after: [{ anchor: 'caseOpened' }, { anchor: 'referral' }], within: wd(10) },
    lookBackDays: 0,
  },
  // Reading: the plan starts when the assessment is finished; with no finished assessment on
  // record, from the case opening or referral (the earlier reading). Then every 3 months.
  {
    id: 'child-in-need-plan-review',
    eventKind: 'child-in-need-plan-review',
    childKinds: ['child-in-need'],
    basis: `${LOCAL} (local default)`,
    first: {
      after: [{ event: 'assessment' }, { anchor: 'caseOpened' }, { anchor: 'referral' }],
      within: months(3),
    },
    then: [months(3)],
  },
];
