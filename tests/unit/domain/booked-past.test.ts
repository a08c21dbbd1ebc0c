/**
 * A booking already past is not "coming up" (issue 11, item 18): "Maya S.'s visit is booked for
 * Tuesday 24 November" said on 1 December. A visit booked for a day gone by, with no visit recorded
 * since, is "not seen yet"; a later booking stands; something other than a visit goes by its due
 * date rather than by a booking in the past. Worked by hand for Tuesday 1 December 2026.
 */
import { createCalendar } from '../../../src/domain/calendar';
import type { BundleItem, MorningBundle } from '../../../src/domain/planner';
import { defaultPlannerSettings, plan } from '../../../src/domain/planner';
import { PRACTICE_RULES } from '../../../src/domain/timescale-practice-rules';
import { DEFAULT_RULES } from '../../../src/domain/timescale-rules';
import type { CaseEvent } from '../../../src/domain/types';
import { aChild, anEvent, aPerson, done } from '../../support/domain';

const settings = defaultPlannerSettings(
  createCalendar('england-and-wales'),
  DEFAULT_RULES.filter((r) => !PRACTICE_RULES.includes(r)),
);
// Tuesday 1 December 2026, 09:00 in London.
const TUESDAY = new Date('2026-12-01T09:00:00Z');
const booked = (id: string, kind: CaseEvent['kind'], on: string) =>
  anEvent(id, 'C1', { kind, status: 'planned', scheduledDate: on });

function cardFor(events: CaseEvent[]): MorningBundle {
  const child = aChild('C1', { anchors: { referral: '2026-09-01', caseOpened: '2026-09-01' } });
  return plan({ people: [aPerson('P1')], children: [child], events, now: TUESDAY, settings }).bundles[0]!;
}
const where = (bundle: MorningBundle, kind: CaseEvent['kind']) => {
  const sections = ['today', 'notSeenYet', 'comingUp'] as const;
  for (const section of sections) {
    const item = bundle[section].find((i: BundleItem) => i.eventKind === kind);
    if (item) return { section, booked: item.booked };
  }
  return undefined;
};

// The last visit on Thursday 12 November: a child in need is next due a visit 20 working days on,
// Thursday 10 December (13 Nov is day 1; no bank holiday falls between).
const lastVisit = done('C1', 'visit', '2026-11-12');

it.each([
  [
    'a visit booked for Tuesday 24 November, none recorded since: not seen yet, the booking not repeated',
    [lastVisit, booked('b1', 'visit', '2026-11-24')],
    { section: 'notSeenYet', booked: undefined },
  ],
  [
    'booked for 24 November and again for Thursday 3 December: the later booking stands, coming up',
    [lastVisit, booked('b1', 'visit', '2026-11-24'), booked('b2', 'visit', '2026-12-03')],
    { section: 'comingUp', booked: '2026-12-03' },
  ],
  [
    'booked for today: to see today',
    [lastVisit, booked('b1', 'visit', '2026-12-01')],
    { section: 'today', booked: '2026-12-01' },
  ],
  [
    'booked for 24 November and seen on 25 November: nothing due this week, so not on the card',
    [lastVisit, booked('b1', 'visit', '2026-11-24'), done('C1', 'visit', '2026-11-25', 1)],
    undefined,
  ],
  ['no booking: due by 10 December, beyond the two working days a visit shows ahead', [lastVisit], undefined],
])('%s', (_, events, expected) => {
  expect(where(cardFor(events), 'visit')).toEqual(expected);
});

it('says something other than a visit by its due date, not by a booking gone by', () => {
  // Referral on Monday 2 November: the assessment is due 45 working days on, in January. It was
  // booked for Friday 20 November and nothing is recorded since. Before: "coming up, booked for
  // Friday 20 November". Now: its deadline is weeks away, beyond the 10 working days an assessment
  // shows ahead, so it is not on today's card at all.
  const child = aChild('C1', { anchors: { referral: '2026-11-02', caseOpened: '2026-11-02' } });
  const bundle = plan({
    people: [aPerson('P1')],
    children: [child],
    events: [lastVisit, booked('a1', 'assessment', '2026-11-20')],
    now: TUESDAY,
    settings,
  }).bundles[0]!;
  expect(where(bundle, 'assessment')).toBeUndefined();
});
