/**
 * How the morning card says things (issue 11): a deadline as a deadline, a booking as booked, a due
 * date on a weekend with the working day before it, no zero to greet the week, the dates Hearth
 * needs one line a child, and small numbers that read naturally.
 */
import type { SentenceContext } from '../../../src/text/teams/morning';
import {
  comingUpSentence,
  datesNeeded,
  notYetSentence,
  seenThisWeekSentence,
  todaySentence,
} from '../../../src/text/teams/morning';
import type { BundleItem } from '../../../src/domain/planner';
import { DIGEST_CARD, seenSentence } from '../../../src/text/teams/digest';

const TODAY = '2026-11-30'; // a Monday
const at = (c: Partial<SentenceContext>): SentenceContext => ({
  name: 'Leo S.',
  eventKind: 'review-conference',
  dueDate: '2026-12-03',
  today: TODAY,
  nextWorkingDay: '2026-12-01',
  ...c,
});

it.each<[string, string, string]>([
  [
    'a meeting due today',
    todaySentence(at({ dueDate: TODAY })),
    "Leo S.'s child protection review conference is due today.",
  ],
  [
    'a meeting booked for today',
    todaySentence(at({ dueDate: '2026-12-03', booked: TODAY })),
    "Leo S.'s child protection review conference is booked for today.",
  ],
  [
    'an assessment due today',
    todaySentence(at({ eventKind: 'assessment', dueDate: TODAY })),
    "Leo S.'s assessment is due today.",
  ],
  [
    'a meeting not booked, due on a weekday',
    comingUpSentence(at({ dueDate: '2026-12-03' })),
    "Leo S.'s child protection review conference needs to happen by Thursday 3 December.",
  ],
  [
    'a meeting due on a Sunday',
    comingUpSentence(at({ dueDate: '2026-12-06', dueBy: '2026-12-04' })),
    "Leo S.'s child protection review conference needs to happen by Friday 4 December, the last working day before Sunday 6 December.",
  ],
  [
    'a meeting booked',
    comingUpSentence(at({ booked: '2026-12-03' })),
    "Leo S.'s child protection review conference is booked for Thursday 3 December.",
  ],
  [
    'a plan due on a bank holiday',
    comingUpSentence(
      at({ eventKind: 'personal-education-plan', dueDate: '2026-12-28', dueBy: '2026-12-24' }),
    ),
    "Leo S.'s personal education plan is due by Thursday 24 December, the last working day before Monday 28 December.",
  ],
  [
    'a plan not done yet',
    notYetSentence(at({ eventKind: 'personal-education-plan', dueDate: '2026-11-20' })),
    "Leo S.'s personal education plan is not done yet; it was due by Friday 20 November.",
  ],
  [
    'a meeting not held yet',
    notYetSentence(at({ dueDate: '2026-11-20' })),
    "Leo S.'s child protection review conference has not happened yet; it needed to happen by Friday 20 November.",
  ],
  [
    'a visit due by a Saturday',
    comingUpSentence(at({ eventKind: 'visit', dueDate: '2026-12-05', dueBy: '2026-12-04' })),
    'Leo S. is due to be seen by Friday 4 December, the last working day before Saturday 5 December.',
  ],
])('says %s', (_, said, expected) => expect(said).toBe(expected));

it.each<[number, number, boolean, string]>([
  [0, 12, true, 'A new week with the 12 children you work with.'],
  [0, 1, true, 'A new week with the child you work with.'],
  [0, 12, false, 'No visits are recorded yet this week for the 12 children you work with.'],
  [5, 12, false, 'You have seen 5 of your 12 children this week.'],
  [2, 2, false, 'You have seen both of your children this week. Thank you.'],
  [1, 1, false, 'You have seen the child you work with this week. Thank you.'],
  [12, 12, false, 'You have seen all 12 of your children this week. Thank you.'],
  [0, 0, true, 'No children are allocated to you in Hearth yet.'],
])('counts %i seen of %i (first day of the week: %s)', (seen, total, first, expected) =>
  expect(seenThisWeekSentence(seen, total, first)).toBe(expected),
);

it('asks for the dates a child needs in one line, each date once', () => {
  const item = (eventKind: BundleItem['eventKind'], missing: string[]): BundleItem => ({
    key: `C1:${eventKind}`,
    childId: 'C1',
    childName: 'Omar A.',
    eventKind,
    dueDate: TODAY,
    missing,
    situation: 'cannot-work-out',
    urgency: 100,
  });
  const lines = datesNeeded([
    item('visit', ['caseOpened', 'referral']),
    item('assessment', ['referral']),
    item('family-network-meeting', ['caseOpened']),
    item('initial-health-assessment', ['cameIntoCare']),
    { ...item('visit', ['referral']), childId: 'C2', childName: 'Ruby E.', key: 'C2:visit' },
  ]);
  expect(lines.map((l) => l.sentence)).toEqual([
    'We need 3 dates for Omar A. to work out what is due: the referral date, the date we started working with the family and the date they came into care.',
    'We need one date for Ruby E. to work out what is due: the referral date.',
  ]);
});

describe('the digest in the seeds voice', () => {
  it.each<[Parameters<typeof seenSentence>[0], string]>([
    [{ due: 0, seen: 0, seenInTime: 0, seenAlone: 0 }, 'No children were due a visit in the week.'],
    [
      { due: 12, seen: 0, seenInTime: 0, seenAlone: 0 },
      'No visits were recorded for the 12 children due one in the week.',
    ],
    [
      { due: 2, seen: 2, seenInTime: 2, seenAlone: 0 },
      'The team saw both children due a visit in the week, all of them when we said we would.',
    ],
    [
      { due: 1, seen: 1, seenInTime: 1, seenAlone: 0 },
      'The team saw the one child due a visit in the week, when we said we would.',
    ],
    [
      { due: 5, seen: 3, seenInTime: 2, seenAlone: 0 },
      'The team saw 3 of the 5 children due a visit in the week; 2 of them when we said we would.',
    ],
  ])('says the week as %j', (seen, expected) => expect(seenSentence(seen)).toBe(expected));

  it('opens the children not seen yet with the principal social worker’s own words', () => {
    expect(DIGEST_CARD.worried).toMatch(
      /^I am worried some children have not had a good service this week\./,
    );
  });
});
