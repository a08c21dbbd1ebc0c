/**
 * One record the rules cannot handle leaves out only that child (or that person), never everyone
 * else's morning (issue 10 item 1). The records here are ones the feed now refuses; they reach the
 * planner when written before the checks existed, or put in the store by hand.
 */
import { createCalendar } from '../../../src/domain/calendar';
import { withoutFaulty } from '../../../src/domain/isolate';
import { defaultPlannerSettings, plan } from '../../../src/domain/planner';
import { DEFAULT_RULES } from '../../../src/domain/timescale-rules';
import type { Child } from '../../../src/domain/types';
import { aChild, aPerson, done } from '../../support/domain';

const settings = defaultPlannerSettings(createCalendar('england-and-wales'), DEFAULT_RULES);
const MONDAY = new Date('2026-11-23T08:45:00Z');
const cin = (id: string, worker: string, extra: Partial<Child> = {}) =>
  aChild(id, { allocatedPractitionerId: worker, anchors: { caseOpened: '2026-01-05' }, ...extra });

describe('withoutFaulty', () => {
  const sum = (items: readonly { id: string; n: number }[]) =>
    items.reduce((total, item) => {
      if (Number.isNaN(item.n)) throw new RangeError('not a number');
      return total + item.n;
    }, 0);

  it('runs once when nothing is wrong', () => {
    const skipped: string[] = [];
    expect(
      withoutFaulty(
        [
          { id: 'a', n: 1 },
          { id: 'b', n: 2 },
        ],
        sum,
        (i) => skipped.push(i.id),
      ),
    ).toBe(3);
    expect(skipped).toEqual([]);
  });

  it('leaves out just the items that fail alone', () => {
    const skipped: string[] = [];
    const items = [
      { id: 'a', n: 1 },
      { id: 'bad', n: NaN },
      { id: 'c', n: 5 },
    ];
    expect(withoutFaulty(items, sum, (i) => skipped.push(i.id))).toBe(6);
    expect(skipped).toEqual(['bad']);
  });

  it('throws when the step fails with no items at all: the fault is not in the items', () => {
    const failing = () => {
      throw new TypeError('the person is broken');
    };
    expect(() => withoutFaulty([{ id: 'a' }], failing, () => undefined)).toThrow(TypeError);
  });
});

describe('the planner with a record it cannot handle', () => {
  const people = [aPerson('P1'), aPerson('P2'), aPerson('P3')];
  const events = [done('good-1', 'visit', '2026-10-01'), done('good-2', 'visit', '2026-10-01')];

  it.each<[string, Child]>([
    ['a referral in 9999', cin('bad', 'P1', { anchors: { referral: '9999-12-31' } })],
    [
      'coming into care in the year 1000',
      cin('bad', 'P1', { kind: 'child-in-care', anchors: { cameIntoCare: '1000-01-01' } }),
    ],
    ['a case opened in 2299', cin('bad', 'P1', { anchors: { caseOpened: '2299-12-20' } })],
  ])('with %s, plans everyone, leaving out only that child', (_, bad) => {
    const children = [cin('good-1', 'P1'), bad, cin('good-2', 'P2')];
    const result = plan({ people, children, events, now: MONDAY, settings });
    expect(result.bundles.map((b) => b.practitionerId)).toEqual(['P1', 'P2', 'P3']);
    const p1 = result.bundles[0];
    const childIds = [
      ...(p1?.today ?? []),
      ...(p1?.notSeenYet ?? []),
      ...(p1?.comingUp ?? []),
      ...(p1?.cannotWorkOut ?? []),
    ].map((i) => i.childId);
    expect(childIds).toContain('good-1');
    expect(childIds).not.toContain('bad');
    expect(result.skipped).toEqual([
      { personId: 'P1', childId: 'bad', problem: expect.stringMatching(/^RangeError: /) },
    ]);
  });

  it('leaves out a practitioner whose own record it cannot handle, and plans the others', () => {
    // A morning time written into the store by hand, not through the feed or the settings card.
    const broken = aPerson('P2', { morningTime: '07' });
    const result = plan({
      people: [aPerson('P1'), broken, aPerson('P3')],
      children: [cin('good-1', 'P1'), cin('good-2', 'P2')],
      events,
      now: MONDAY,
      settings,
    });
    expect(result.bundles.map((b) => b.practitionerId)).toEqual(['P1', 'P3']);
    expect(result.skipped).toEqual([{ personId: 'P2', problem: expect.stringMatching(/^RangeError: /) }]);
  });

  it('reports nothing when every record is sound', () => {
    const result = plan({ people, children: [cin('good-1', 'P1')], events, now: MONDAY, settings });
    expect(result.skipped).toEqual([]);
  });
});
