import { createCalendar } from '../../../src/domain/calendar';
import { checkLanguage } from '../../../src/text/language-check';
import type { PlanInput } from '../../../src/domain/planner';
import { defaultPlannerSettings, plan as planFacts } from '../../../src/domain/planner';
import { sayBundle } from '../../../src/text/teams/morning';
import { DEFAULT_RULES } from '../../../src/domain/timescale-rules';
import { PRACTICE_RULES } from '../../../src/domain/timescale-practice-rules';
import type { CaseEvent, Child, Person } from '../../../src/domain/types';
import { aChild, anEvent, aPerson, done } from '../../support/domain';

const calendar = createCalendar('england-and-wales');
// The statutory rules: these children's records carry no supervision or plan reviews, and the
// local practice standards would add a line for each (they are worked in timescales-worked.test.ts).
const settings = defaultPlannerSettings(
  calendar,
  DEFAULT_RULES.filter((r) => !PRACTICE_RULES.includes(r)),
);
/** The plan with the words its cards would carry. */
const plan = (input: PlanInput) => {
  const planned = planFacts(input);
  return { ...planned, bundles: planned.bundles.map(sayBundle) };
};
// Monday 23 November 2026, 08:45 in London (GMT).
const MONDAY = new Date('2026-11-23T08:45:00Z');

const run = (
  people: Person[],
  children: Child[],
  events: CaseEvent[],
  now = MONDAY,
  extra: Partial<PlanInput> = {},
) => plan({ people, children, events, now, settings, ...extra });

/** A child in need whose last visit was `lastVisit`, so the next is due 20 working days later. */
const cin = (id: string, first: string, lastVisit: string, extra: Partial<Child> = {}) => ({
  child: aChild(id, { name: { first, familyInitial: 'K' }, anchors: { caseOpened: '2026-01-05' }, ...extra }),
  events: [done(id, 'visit', lastVisit)],
});

describe('who gets a morning bundle', () => {
  const amira = cin('C1', 'Amira', '2026-11-02');
  it('a practitioner on a working day once their morning time has come', () => {
    expect(run([aPerson('P1')], [amira.child], amira.events).bundles.map((b) => b.id)).toEqual([
      'P1:2026-11-23:morning',
    ]);
  });

  it.each<[string, Partial<Person>, Date]>([
    ['before their morning time', { morningTime: '09:00' }, MONDAY],
    ['on their day off (part-time)', { workingDays: ['tue', 'wed', 'thu'] }, MONDAY],
    ['while paused', { paused: true }, MONDAY],
    ['on leave', { leave: [{ from: '2026-11-23', to: '2026-11-27' }] }, MONDAY],
    ['at the weekend', {}, new Date('2026-11-28T09:00:00Z')],
    ['on a bank holiday', {}, new Date('2026-12-28T09:00:00Z')],
    [
      'in quiet hours that cover their morning time',
      { morningTime: '07:00', quietHours: { start: '20:00', end: '09:00' } },
      MONDAY,
    ],
  ])('nobody %s', (_, person, now) => {
    expect(run([aPerson('P1', person)], [amira.child], amira.events, now).bundles).toEqual([]);
  });

  it('sends at the end of quiet hours when the morning time falls inside them', () => {
    const person = aPerson('P1', { morningTime: '07:00', quietHours: { start: '20:00', end: '09:00' } });
    const [bundle] = run([person], [amira.child], amira.events, new Date('2026-11-23T09:05:00Z')).bundles;
    expect(bundle?.sendAt).toBe('2026-11-23T09:00:00.000Z');
  });

  it('keeps 08:30 as 08:30 in London across the clock change', () => {
    const summer = new Date('2026-03-30T07:30:00Z'); // 08:30 BST
    expect(run([aPerson('P1')], [amira.child], amira.events, summer).bundles[0]?.sendAt).toBe(
      '2026-03-30T07:30:00.000Z',
    );
    expect(
      run([aPerson('P1')], [amira.child], amira.events, new Date('2026-03-30T07:29:00Z')).bundles,
    ).toEqual([]);
  });

  it('never plans the same bundle twice, and gives the same ids on a re-run', () => {
    const first = run([aPerson('P1')], [amira.child], amira.events);
    expect(run([aPerson('P1')], [amira.child], amira.events)).toEqual(first);
    const again = run([aPerson('P1')], [amira.child], amira.events, MONDAY, {
      alreadyPlanned: new Set(first.bundles.map((b) => b.id)),
    });
    expect(again.bundles).toEqual([]);
  });
});

describe('what a bundle says', () => {
  const amira = cin('C1', 'Amira', '2026-10-19'); // due 2026-11-16: not seen yet
  const leo = cin('C2', 'Leo', '2026-10-26'); // due 2026-11-23: today
  const maya = cin('C3', 'Maya', '2026-10-28'); // due 2026-11-25: coming up (2 working days)
  const zara = cin('C4', 'Zara', '2026-11-20'); // seen last week: nothing due
  const noah = cin('C5', 'Noah', '2026-11-23'); // seen today
  const children = [amira, leo, maya, zara, noah];
  const result = run(
    [aPerson('P1')],
    children.map((c) => c.child),
    children.flatMap((c) => c.events),
  );
  const bundle = result.bundles[0]!;

  it('lists children to see today, not seen yet and coming up, in child-focused words', () => {
    expect(bundle.today.map((i) => i.sentence)).toEqual(['Leo K. is due to be seen today.']);
    expect(bundle.notSeenYet.map((i) => i.sentence)).toEqual([
      'Amira K. has not been seen since Monday 19 October (35 days); we said we would see them by Monday 16 November. Can you book a visit?',
    ]);
    expect(bundle.comingUp.map((i) => i.sentence)).toEqual([
      'Maya K. is due to be seen by Wednesday 25 November.',
    ]);
  });

  it('counts the children seen this week with the number behind it', () => {
    expect(bundle.seenThisWeek).toEqual({
      seen: 1,
      total: 5,
      sentence: 'You have seen 1 of your 5 children this week.',
    });
  });

  it('puts no child’s name in the lock-screen preview', () => {
    expect(bundle.preview).toBe('Your children today: 1 to see today, 1 not seen yet, 1 coming up');
    for (const c of children) expect(bundle.preview).not.toContain(c.child.name.first);
  });

  it('orders the most urgent first', () => {
    const older = cin('C6', 'Poppy', '2026-10-05');
    const both = run([aPerson('P1')], [amira.child, older.child], [...amira.events, ...older.events])
      .bundles[0]!;
    expect(both.notSeenYet.map((i) => i.childName)).toEqual(['Poppy K.', 'Amira K.']);
  });

  it('names children by the configured style', () => {
    const initials = plan({
      people: [aPerson('P1')],
      children: [leo.child],
      events: leo.events,
      now: MONDAY,
      settings: { ...settings, nameStyle: 'initials' },
    });
    expect(initials.bundles[0]?.today[0]?.sentence).toBe('L.K. is due to be seen today.');
    const ref = plan({
      people: [aPerson('P1')],
      children: [leo.child],
      events: leo.events,
      now: MONDAY,
      settings: { ...settings, nameStyle: 'case-number' },
    });
    expect(ref.bundles[0]?.today[0]?.sentence).toBe('Ref C2 is due to be seen today.');
  });

  it('says what it cannot work out, and which date is missing', () => {
    const unknown = aChild('C9', { name: { first: 'Kai', familyInitial: 'B' }, anchors: {} });
    const b = run([aPerson('P1')], [unknown], []).bundles[0]!;
    expect(b.cannotWorkOut.map((i) => i.sentence)).toContain(
      'We need one date for Kai B. to work out what is due: the referral date.',
    );
  });

  it('prompts preparation with the child the working day before a meeting', () => {
    const child = aChild('C7', {
      name: { first: 'Isla', familyInitial: 'M' },
      kind: 'child-in-care',
      anchors: { cameIntoCare: '2026-01-05', lastMove: '2026-01-05' },
      dateOfBirth: '2015-01-01',
    });
    const events = [
      done('C7', 'child-in-care-review', '2026-02-02', 1),
      done('C7', 'child-in-care-review', '2026-05-24', 2),
      anEvent('r3', 'C7', { kind: 'child-in-care-review', status: 'planned', scheduledDate: '2026-11-24' }),
      done('C7', 'visit', '2026-11-20'),
    ];
    const b = run([aPerson('P1')], [child], events).bundles[0]!;
    expect(b.comingUp.map((i) => i.sentence)).toContain(
      "Isla M.'s review meeting is booked for tomorrow. Before it, capture Isla M.'s wishes and feelings in their own words.",
    );
  });
});

describe('part-time, leave, snoozes and the daily budget', () => {
  it('shows a part-timer on their last working day what falls due on their days off', () => {
    // Works Monday to Wednesday; a visit due Thursday 26th must show on Wednesday 25th.
    const child = cin('C1', 'Amira', '2026-10-29'); // due 2026-11-26
    const person = aPerson('P1', { workingDays: ['mon', 'tue', 'wed'] });
    const wednesday = run([person], [child.child], child.events, new Date('2026-11-25T09:00:00Z'))
      .bundles[0]!;
    expect(wednesday.comingUp.map((i) => i.dueDate)).toEqual(['2026-11-26']);
    // Someone working every weekday does not see it on Monday: it is 3 working days away.
    expect(
      run([aPerson('P2')], [{ ...child.child, allocatedPractitionerId: 'P2' }], child.events).bundles[0]
        ?.comingUp,
    ).toEqual([]);
  });

  it('brings things due during leave forward to the last day before it, and tells the manager', () => {
    const child = cin('C1', 'Amira', '2026-11-09'); // due 2026-12-07, during leave
    const person = aPerson('P1', { leave: [{ from: '2026-11-24', to: '2026-12-11' }] });
    const manager = aPerson('M1', { roles: ['manager'], managesTeamIds: ['T1'] });
    const result = run([person, manager], [child.child], child.events);
    expect(result.bundles[0]?.beforeLeave.map((i) => i.dueDate)).toEqual(['2026-12-07']);
    expect(result.cover).toEqual([
      expect.objectContaining({
        practitionerId: 'P1',
        managerIds: ['M1'],
        leave: { from: '2026-11-24', to: '2026-12-11' },
      }),
    ]);
    // The child's deadline itself does not move.
    expect(result.cover[0]?.items[0]?.dueDate).toBe('2026-12-07');
  });

  it('hides a snoozed item until the snooze ends', () => {
    const child = cin('C1', 'Amira', '2026-10-19');
    const snoozed = aPerson('P1', { snoozes: [{ key: 'C1:child-in-need-visit', until: '2026-11-24' }] });
    expect(run([snoozed], [child.child], child.events).bundles[0]?.notSeenYet).toEqual([]);
    const tuesday = new Date('2026-11-24T09:00:00Z');
    expect(run([snoozed], [child.child], child.events, tuesday).bundles[0]?.notSeenYet).toHaveLength(1);
  });

  it('sends at most budget - 1 timely nudges beside the morning card and folds the rest in', () => {
    // Five assessments each exactly 10 working days away (a lead day): five candidate nudges.
    const children = ['A', 'B', 'C', 'D', 'E'].map((id) =>
      aChild(id, { anchors: { referral: '2026-09-28', caseOpened: '2026-09-28' } }),
    );
    const events = children.map((c) => done(c.id, 'visit', '2026-11-20'));
    const result = run([aPerson('P1')], children, events, new Date('2026-11-23T14:00:00Z'));
    const bundle = result.bundles[0]!;
    expect(bundle.comingUp.filter((i) => i.eventKind === 'assessment')).toHaveLength(5);
    expect(result.nudges).toHaveLength(2);
    expect(bundle.folded).toHaveLength(3);
    expect(result.nudges[0]).toMatchObject({
      id: 'P1:2026-11-23:nudge:A:assessment',
      sendAt: '2026-11-23T13:00:00.000Z',
    });
  });
});

describe('language', () => {
  it('every sentence a plan can hold passes the language check', () => {
    const kinds = ['child-in-need', 'child-protection', 'child-in-care', 'care-experienced'] as const;
    const children: Child[] = [];
    const events: CaseEvent[] = [];
    kinds.forEach((kind, k) => {
      for (let i = 0; i < 30; i++) {
        const id = `${kind}-${i}`;
        const anchorDay = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + ((i * 7) % 27)).padStart(2, '0')}`;
        children.push(
          aChild(id, {
            kind,
            dateOfBirth: `20${String(5 + ((i + k) % 20)).padStart(2, '0')}-03-01`,
            anchors:
              i % 5 === 0
                ? {}
                : {
                    referral: anchorDay,
                    caseOpened: anchorDay,
                    concern: anchorDay,
                    strategyDiscussion: anchorDay,
                    initialConference: anchorDay,
                    cameIntoCare: anchorDay,
                    lastMove: anchorDay,
                    leftCare: anchorDay,
                  },
          }),
        );
        if (i % 3 === 0) events.push(done(id, 'visit', '2026-10-01'));
        if (i % 4 === 0)
          events.push(
            anEvent(`${id}-b`, id, {
              kind: 'review-conference',
              status: 'planned',
              scheduledDate: '2026-11-24',
            }),
          );
      }
    });
    const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-12-01', '2027-01-04'];
    let sentences = 0;
    for (const day of days) {
      const result = run([aPerson('P1')], children, events, new Date(`${day}T10:00:00Z`));
      for (const b of result.bundles) {
        const all = [
          b.preview,
          b.seenThisWeek.sentence,
          ...[b.today, b.notSeenYet, b.comingUp, b.beforeLeave, b.cannotWorkOut]
            .flat()
            .map((i) => i.sentence),
        ];
        for (const text of all) {
          sentences += 1;
          expect({ text, problems: checkLanguage(text) }).toEqual({ text, problems: [] });
        }
      }
    }
    expect(sentences).toBeGreaterThan(200);
  });
});
