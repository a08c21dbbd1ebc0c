/** The facts Hearth knows, shown at the start of an audit for the auditor to confirm or correct. */
import { auditFacts } from '../../../src/domain/audit-facts';
import { createCalendar } from '../../../src/domain/calendar';
import { PRACTICE_RULES } from '../../../src/domain/timescale-practice-rules';
import { DEFAULT_RULES as ALL_RULES } from '../../../src/domain/timescale-rules';

// The statutory rules: this child's record carries no supervision or chronology, and the practice
// standards would add open items the test is not about.
const DEFAULT_RULES = ALL_RULES.filter((r) => !PRACTICE_RULES.includes(r));
import { aChild, anEvent, done } from '../../support/domain';

const calendar = createCalendar('england-and-wales');
const child = aChild('C1', { kind: 'child-protection', anchors: { initialConference: '2026-08-03' } });
const visit = (id: string, date: string, extra = {}) =>
  anEvent(id, 'C1', { kind: 'visit', status: 'completed', completedDate: date, ...extra });

describe('auditFacts', () => {
  it('counts visits in the last three months, on time by the rules, and what is open now', () => {
    const events = [
      visit('V0', '2026-08-28'),
      // Due 10 working days after 28 August (31 August is a bank holiday): 14 September.
      visit('V1', '2026-09-10'),
      // Due 24 September: late.
      visit('V2', '2026-10-15'),
      visit('V3', '2026-10-22', { seenAlone: true }),
      // The record's own due date wins.
      visit('V4', '2026-11-30', { dueDate: '2026-11-30' }),
      anEvent('V5', 'C1', { kind: 'visit', status: 'planned', scheduledDate: '2026-12-10' }),
      done('C1', 'review-conference', '2026-11-03'),
    ];
    expect(auditFacts(child, events, '2026-12-07', calendar, DEFAULT_RULES)).toEqual({
      asOf: '2026-12-07',
      visits: { done: 4, onTime: 3, late: 1, unknown: 0, nextDue: '2026-12-14' },
      lastSeenAlone: '2026-10-22',
      // Visit, core group (not held since the conference) and the next review conference.
      openItems: 3,
      notDoneYet: 1,
      lastReview: '2026-11-03',
      daysSinceLastReview: 34,
    });
  });

  it('says a family network meeting was held, and leaves out what it cannot know', () => {
    const inNeed = aChild('C2', { kind: 'child-in-need', anchors: {} });
    const facts = auditFacts(
      inNeed,
      [done('C2', 'family-network-meeting', '2026-10-01'), visit('V9', '2026-11-02')],
      '2026-12-07',
      calendar,
      DEFAULT_RULES,
    );
    expect(facts).toMatchObject({ familyNetworkMeeting: '2026-10-01', visits: { done: 1, unknown: 1 } });
    expect(facts.lastSeenAlone).toBeUndefined();
    expect(facts.daysSinceLastReview).toBeUndefined();
  });
});
