/**
 * The weekly digest over one fixed week, 2026-W49 (Monday 30 November to Sunday 6 December 2026),
 * made on Monday 7 December. Child protection visits are due every 10 working days, so each
 * child's due date below is worked out by hand in the comment beside them.
 */
import { createCalendar } from '../../../src/domain/calendar';
import type { DigestInput } from '../../../src/domain/digest';
import { buildTeamDigest } from '../../../src/domain/digest';
import { rollUp as rollUpFacts, teamsVisibleTo } from '../../../src/domain/digest-access';
import type { DigestFigures } from '../../../src/domain/digest-access';
import { sayDigest, sayRollUp } from '../../../src/text/teams/digest';
import { isoWeekId, isoWeekMonday } from '../../../src/domain/dates';
import { checkLanguage } from '../../../src/text/language-check';
import { DEFAULT_RULES } from '../../../src/domain/timescale-rules';
import type { CaseEvent, Child } from '../../../src/domain/types';
import { aChild, anEvent, aPerson, done } from '../../support/domain';

const calendar = createCalendar('england-and-wales');
const RULE_IDS = ['child-protection-visit', 'child-in-need-visit', 'assessment', 'family-network-meeting'];
const rules = DEFAULT_RULES.filter((r) => RULE_IDS.includes(r.id));
const settings = {
  calendar,
  rules,
  nameStyle: 'first-name-initial' as const,
  trendWeeks: 8,
  comingUpWorkingDays: 10,
};

const cp = (id: string, first: string, initial: string, worker: string, extra: Partial<Child> = {}) =>
  aChild(id, {
    name: { first, familyInitial: initial },
    kind: 'child-protection',
    allocatedPractitionerId: worker,
    anchors: { initialConference: '2026-10-01', caseOpened: '2026-06-01', referral: '2026-09-01' },
    ...extra,
  });

const children: Child[] = [
  cp('C1', 'Amira', 'K', 'alex'), // last seen Wed 18 Nov: due Wed 2 Dec; seen Tue 1 Dec, on their own
  cp('C2', 'Leo', 'S', 'alex'), // last seen Fri 20 Nov: due Fri 4 Dec; seen that day
  cp('C3', 'Maya', 'J', 'bo'), // last seen Mon 16 Nov: due Mon 30 Nov; no one home on 1 Dec
  cp('C4', 'Kai', 'O', 'bo'), // last seen Fri 13 Nov: due Fri 27 Nov; seen late, Thu 3 Dec
  cp('C5', 'Zara', 'P', 'bo', {
    anchors: { initialConference: '2026-10-01', caseOpened: '2026-11-30', referral: '2026-09-01' },
  }), // last seen Fri 27 Nov: due Fri 11 Dec; a family network meeting booked for Wed 9 Dec
  aChild('C6', {
    name: { first: 'Noah', familyInitial: 'T' },
    allocatedPractitionerId: 'alex',
    anchors: { caseOpened: '2026-06-01', referral: '2026-10-05' },
  }), // child in need: assessment due Mon 7 Dec (45 working days), finished Wed 2 Dec
  cp('C7', 'Ruby', 'E', 'bo', { anchors: {} }), // no dates at all: Hearth cannot work anything out
  cp('C8', 'Finn', 'A', 'bo', {
    anchors: { initialConference: '2026-11-02', caseOpened: '2026-06-01', referral: '2026-09-01' },
  }), // never seen: first visit was due Mon 16 Nov
  cp('C9', 'Closed', 'X', 'bo', { closed: true }),
];
const events: CaseEvent[] = [
  done('C1', 'visit', '2026-11-18'),
  { ...done('C1', 'visit', '2026-12-01', 1), seenAlone: true },
  done('C2', 'visit', '2026-11-20'),
  done('C2', 'visit', '2026-12-04', 1),
  done('C3', 'visit', '2026-11-16'),
  anEvent('C3-try', 'C3', {
    status: 'not-possible',
    scheduledDate: '2026-12-01',
    notPossibleReason: 'no-one-home',
    recordedAt: '2026-12-01T15:00:00Z',
  }),
  done('C4', 'visit', '2026-11-13'),
  done('C4', 'visit', '2026-12-03', 1),
  done('C5', 'visit', '2026-11-27'),
  anEvent('C5-fnm', 'C5', { kind: 'family-network-meeting', status: 'planned', scheduledDate: '2026-12-09' }),
  done('C6', 'visit', '2026-11-25'),
  done('C6', 'assessment', '2026-12-02'),
];
const people = [
  aPerson('alex', { displayName: 'Alex Wilber' }),
  aPerson('bo', { displayName: 'Bo Brown', reachability: 'unreachable' }),
  aPerson('cat', { displayName: 'Cat Green', reachability: 'not-installed' }),
  aPerson('pat', { displayName: 'Pat Morgan', roles: ['manager'], managesTeamIds: ['T1'] }),
  aPerson('other', { teamId: 'T2', displayName: 'Other Team', reachability: 'unreachable' }),
];
const input: DigestInput = {
  team: { id: 'T1', name: 'North' },
  people,
  children,
  events,
  weekStart: '2026-11-30',
  asOf: '2026-12-07',
  settings,
};
const digest = sayDigest(buildTeamDigest(input));
/** The roll-up with its words. */
const rollUp = (digests: DigestFigures[]) => sayRollUp(rollUpFacts(digests));

it('names the week it reviews', () => {
  expect(digest).toMatchObject({ weekId: '2026-W49', weekStart: '2026-11-30', weekEnd: '2026-12-06' });
});

it('starts with strengths: who saw every child due, children seen on their own, assessments in time', () => {
  expect(digest.strengths).toEqual([
    {
      sentence: 'Alex Wilber saw both children due a visit.',
      practitionerId: 'alex',
      practitionerName: 'Alex Wilber',
      toPractitioner: 'You saw both children due a visit that week.',
    },
    {
      sentence:
        '1 of the 3 children seen was seen on their own, so they had the chance to speak for themselves.',
    },
    {
      sentence: 'An assessment was finished in time, so that family got the right help at the right time.',
    },
  ]);
});

it('counts the children due a visit, seen, and seen when we said we would', () => {
  expect(digest.seen).toEqual({
    due: 5, // Amira, Leo, Maya, Kai, Finn
    seen: 3, // Amira, Leo, Kai
    seenInTime: 2, // Amira, Leo (Kai was seen after the day we said)
    seenAlone: 1,
    sentence: 'The team saw 3 of the 5 children due a visit in the week; 2 of them when we said we would.',
  });
});

it('lists the children not seen yet, longest waiting first, with days since seen and the reason', () => {
  expect(digest.notSeenYet).toEqual([
    expect.objectContaining({
      childName: 'Finn A.',
      practitionerName: 'Bo Brown',
      dueDate: '2026-11-16',
      reason: 'no reason recorded yet',
      sentence: 'Finn A. (Bo Brown): no visit recorded yet; no reason recorded yet.',
    }),
    expect.objectContaining({
      childName: 'Maya J.',
      dueDate: '2026-11-30',
      lastSeen: '2026-11-16',
      daysSinceLastSeen: 21,
      sentence:
        'Maya J. (Bo Brown): last seen 21 days ago; the last visit could not happen because no one was home.',
    }),
  ]);
});

it('shows what is coming up in the next 10 working days', () => {
  expect(digest.comingUp).toEqual([
    expect.objectContaining({
      childName: 'Zara P.',
      eventKind: 'family-network-meeting',
      date: '2026-12-09',
      sentence: "Zara P.'s family network meeting, booked for Wednesday 9 December (Bo Brown).",
    }),
  ]);
});

it('says what Hearth cannot work out, and who it cannot reach in this team only', () => {
  expect(new Set(digest.cannotWorkOut.map((c) => c.childName))).toEqual(new Set(['Ruby E.']));
  expect(digest.cannotWorkOut.map((c) => c.sentence)).toContainEqual(
    expect.stringContaining("We cannot work out when Ruby E.'s visit is due"),
  );
  expect(digest.cannotReach.map((p) => p.personId)).toEqual(['bo', 'cat']);
});

it('tells the manager whose messages Hearth could not deliver, with how many, and no one else', () => {
  const undelivered = [
    { recipientId: 'alex', teamId: 'T1', date: '2026-12-01' },
    { recipientId: 'alex', teamId: 'T1', date: '2026-12-02' },
    { recipientId: 'pat', teamId: 'T1', date: '2026-12-07' },
    { recipientId: 'other', teamId: 'T2', date: '2026-12-02' },
  ];
  const told = sayDigest(buildTeamDigest({ ...input, undelivered }));
  expect(told.cannotReach.map((p) => [p.personId, p.reachability, p.undelivered])).toEqual([
    ['alex', 'reachable', 2],
    ['bo', 'unreachable', 0],
    ['cat', 'not-installed', 0],
    ['pat', 'reachable', 1],
  ]);
  expect(told.cannotReach[0]?.sentence).toBe(
    'Hearth could not get 2 messages to Alex Wilber since the week began: Teams did not take them, though Hearth kept trying to the end of each day.',
  );
  expect(checkLanguage(told.cannotReach.map((p) => p.sentence).join('\n'))).toEqual([]);
});

it('draws the last 8 weeks, each judged as that week began, with the same in words', () => {
  const weeks = digest.trend.weeks;
  expect(weeks.map((w) => w.weekId)).toEqual([
    '2026-W42',
    '2026-W43',
    '2026-W44',
    '2026-W45',
    '2026-W46',
    '2026-W47',
    '2026-W48',
    '2026-W49',
  ]);
  expect(weeks.at(-1)).toMatchObject({ due: 5, seenInTime: 2 });
  // Week 48: Kai (due 27 Nov), Zara and Noah (first visits long due), Finn (due 16 Nov); none in time.
  expect(weeks.at(-2)).toMatchObject({ weekStart: '2026-11-23', due: 4, seenInTime: 0 });
  expect(digest.trend.altText).toContain('week of Monday 30 November: 2 of 5');
  expect(digest.trend.altText).toContain('week of Monday 23 November: 0 of 4');
});

it('keeps names off the lock screen', () => {
  expect(digest.preview).toBe("Your team's week: 3 of 5 children seen, 2 not seen yet");
  for (const c of children) expect(digest.preview).not.toContain(c.name.first);
});

it('speaks in child-focused words everywhere', () => {
  const sentences = [
    ...digest.strengths.flatMap((s) => [s.sentence, s.toPractitioner ?? '']),
    digest.seen.sentence,
    ...digest.notSeenYet.map((s) => s.sentence),
    ...digest.comingUp.map((s) => s.sentence),
    ...digest.cannotWorkOut.map((s) => s.sentence),
    ...digest.cannotReach.map((s) => s.sentence),
    digest.trend.altText,
    digest.preview,
    ...rollUp([digest]).teams.map((t) => t.sentence),
    rollUp([digest]).sentence,
  ];
  for (const s of sentences) expect([s, checkLanguage(s)]).toEqual([s, []]);
});

it('is gentle when there is nothing to count', () => {
  const empty = sayDigest(buildTeamDigest({ ...input, children: [], events: [] }));
  expect(empty.seen.sentence).toBe('No children were due a visit in the week.');
  expect(empty.strengths).toEqual([]);
});

describe('who sees which team', () => {
  it('a manager sees their own team and the teams they oversee; a practitioner sees none', () => {
    expect(teamsVisibleTo(aPerson('m', { roles: ['manager'], managesTeamIds: ['T3'] }))).toEqual([
      'T1',
      'T3',
    ]);
    expect(teamsVisibleTo(aPerson('p'))).toEqual([]);
    expect(teamsVisibleTo(aPerson('a', { roles: ['auditor'], managesTeamIds: ['T2'] }))).toEqual([]);
  });

  it('a head of service gets a roll-up across their teams', () => {
    const other = buildTeamDigest({ ...input, team: { id: 'T2', name: 'South' }, children: [] });
    const up = rollUp([digest, other]);
    expect(up.teams.map((t) => t.sentence)).toEqual([
      'North: saw 3 of 5 children due a visit; 2 not seen yet.',
      'South: saw 0 of 0 children due a visit; 0 not seen yet.',
    ]);
    expect(up.sentence).toBe('Across 2 teams, we saw 3 of the 5 children due a visit.');
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-11-30', '2026-W49'],
    ['2026-12-06', '2026-W49'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, week) => expect(isoWeekId(date)).toBe(week));

  it.each([
    ['2026-W49', '2026-11-30'],
    ['2026-W53', '2026-12-28'],
    ['2025-W01', '2024-12-30'],
    ['2025-W53', undefined],
    ['2026-W00', undefined],
    ['2026-49', undefined],
  ])('%s starts on %s', (week, monday) => expect(isoWeekMonday(week)).toBe(monday));
});
