/**
 * The monthly sample: properties over many made-up authorities (fast-check), and a few worked cases
 * for the explanations and dates a person reads.
 */
import fc from 'fast-check';
import { monthFromIndex, monthIndex } from '../../../src/domain/audit';
import type { AuditProgramme } from '../../../src/domain/audit-programme';
import { DEFAULT_PROGRAMME } from '../../../src/domain/audit-programme';
import { canAudit, teamsOf } from '../../../src/domain/audit-people';
import type { AuditHistoryEntry, SampleInput, SamplePlan } from '../../../src/domain/audit-sampling';
import { sampleMonth } from '../../../src/domain/audit-sampling';
import { createCalendar } from '../../../src/domain/calendar';
import { addDays } from '../../../src/domain/dates';
import type { Child, ChildKind, Person } from '../../../src/domain/types';
import { CHILD_KINDS } from '../../../src/domain/types';
import { pickReasonText } from '../../../src/text/audit-standards';
import { aChild, aPerson, anEvent } from '../../support/domain';

const calendar = createCalendar('england-and-wales');

interface Shape {
  teams: number;
  practitionersPerTeam: number[];
  childrenPer: { count: number; kind: number; recent: boolean; closed: boolean; unallocated: boolean }[];
  named: number;
  perMonth: number;
  history: { child: number; monthsAgo: number }[];
  peer: boolean;
}

const shapeArb = (abundant: boolean) =>
  fc.record({
    teams: fc.integer({ min: 2, max: 4 }),
    practitionersPerTeam: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
    childrenPer: fc.array(
      fc.record({
        count: abundant ? fc.integer({ min: 4, max: 7 }) : fc.integer({ min: 0, max: 4 }),
        kind: fc.integer({ min: 0, max: 3 }),
        recent: fc.boolean(),
        closed: fc.boolean(),
        unallocated: fc.boolean(),
      }),
      { minLength: 12, maxLength: 12 },
    ),
    named: fc.integer({ min: 0, max: 2 }),
    perMonth: fc.integer({ min: 1, max: 3 }),
    history: fc.array(fc.record({ child: fc.nat(200), monthsAgo: fc.integer({ min: 0, max: 14 }) }), {
      maxLength: abundant ? 5 : 30,
    }),
    peer: fc.boolean(),
  });

/** A made-up authority from a shape; `month` is the month being sampled. */
function authority(shape: Shape, month: string) {
  const people: Person[] = [];
  const children: Child[] = [];
  const monthStart = `${month}-01`;
  let p = 0;
  for (let t = 0; t < shape.teams; t++) {
    const teamId = `T${t}`;
    people.push(aPerson(`M${t}`, { teamId, roles: ['manager'], displayName: `Manager ${t}` }));
    for (let j = 0; j < (shape.practitionersPerTeam[t] ?? 1); j++, p++) {
      const practitionerId = `P${t}-${j}`;
      people.push(aPerson(practitionerId, { teamId }));
      const c = shape.childrenPer[p % shape.childrenPer.length]!;
      for (let k = 0; k < c.count; k++) {
        const odd = k % 2 === 1;
        children.push(
          aChild(`C${t}-${j}-${k}`, {
            teamId,
            kind: CHILD_KINDS[(c.kind + k) % 4] as ChildKind,
            allocatedPractitionerId: c.unallocated && odd && k > 1 ? undefined : practitionerId,
            allocatedSince: c.recent && odd ? addDays(monthStart, -10) : '2026-01-05',
            closed: c.closed && k === 3,
          }),
        );
      }
    }
  }
  for (let n = 0; n < shape.named; n++)
    people.push(aPerson(`QA${n}`, { teamId: 'T0', roles: ['auditor'], displayName: `Auditor ${n}` }));
  // A manager also holds a child, which they must never audit.
  if (children[0]) children[0] = { ...children[0], allocatedPractitionerId: 'M1' };
  const history: AuditHistoryEntry[] = shape.history.flatMap((h) => {
    const child = children[h.child % Math.max(children.length, 1)];
    return child
      ? [
          {
            childId: child.id,
            month: monthFromIndex(monthIndex(month) - 1 - h.monthsAgo),
            auditorId: 'M0',
            childKind: child.kind,
            practitionerId: child.allocatedPractitionerId ?? 'P0-0',
          },
        ]
      : [];
  });
  const programme: AuditProgramme = {
    ...DEFAULT_PROGRAMME,
    auditsPerAuditorPerMonth: shape.perMonth,
    auditors: { ...DEFAULT_PROGRAMME.auditors, peer: shape.peer },
  };
  return { people, children, history, programme };
}

const inputFor = (shape: Shape, month: string, extra: Partial<SampleInput> = {}): SampleInput => ({
  month,
  calendar,
  ...authority(shape, month),
  ...extra,
});

const toHistory = (plan: SamplePlan): AuditHistoryEntry[] =>
  plan.picks.map((p) => ({
    childId: p.childId,
    month: plan.month,
    auditorId: p.auditorId,
    practitionerId: p.practitionerId,
    childKind: p.childKind,
  }));

describe('sampleMonth: properties', () => {
  it('gives the same sample for the same seed and month', () => {
    fc.assert(
      fc.property(shapeArb(true), (shape) => {
        const input = inputFor(shape, '2026-12');
        expect(sampleMonth(input)).toEqual(sampleMonth(inputFor(shape, '2026-12')));
      }),
      { numRuns: 60 },
    );
  });

  it('never picks a child it must leave out, nor gives an auditor a child they may not audit', () => {
    fc.assert(
      fc.property(shapeArb(false), (shape) => {
        const input = inputFor(shape, '2026-12');
        const plan = sampleMonth(input);
        const child = new Map(input.children.map((c) => [c.id, c]));
        const person = new Map(input.people.map((p) => [p.id, p]));
        const recent = new Set(
          input.history.filter((h) => monthIndex('2026-12') - monthIndex(h.month) < 12).map((h) => h.childId),
        );
        const allocatedBy = addDays(plan.assignOn, -28);
        for (const pick of plan.picks) {
          const c = child.get(pick.childId)!;
          const auditor = person.get(pick.auditorId)!;
          expect(c.closed).toBe(false);
          expect(c.allocatedPractitionerId).toBeDefined();
          expect(recent.has(c.id)).toBe(false);
          expect((c.allocatedSince ?? '') <= allocatedBy).toBe(true);
          expect(c.allocatedPractitionerId).not.toBe(auditor.id);
          if (auditor.roles.includes('manager'))
            expect(teamsOf(auditor).includes(c.teamId)).toBe(!shape.peer);
        }
        expect(new Set(plan.picks.map((p) => p.childId)).size).toBe(plan.picks.length);
      }),
      { numRuns: 150 },
    );
  });

  it('never audits a child twice within 12 months, month after month', () => {
    fc.assert(
      fc.property(shapeArb(false), fc.integer({ min: 0, max: 11 }), (shape, start) => {
        const first = monthIndex('2026-01') + start;
        const base = inputFor(shape, monthFromIndex(first));
        let history = [...base.history];
        const sampled: AuditHistoryEntry[] = [];
        for (let m = first; m < first + 15; m++) {
          const picked = toHistory(sampleMonth({ ...base, month: monthFromIndex(m), history }));
          history = [...history, ...picked];
          sampled.push(...picked);
        }
        for (const pick of sampled) {
          const others = history.filter((h) => h !== pick && h.childId === pick.childId);
          for (const other of others)
            expect(Math.abs(monthIndex(other.month) - monthIndex(pick.month))).toBeGreaterThanOrEqual(12);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('shares the work fairly: loads differ by at most one, unless an auditor ran out of children', () => {
    fc.assert(
      fc.property(shapeArb(true), (shape) => {
        const input = inputFor(shape, '2026-12');
        const plan = sampleMonth(input);
        const picked = new Set(plan.picks.map((p) => p.childId));
        const allocatedBy = addDays(plan.assignOn, -28);
        const recent = new Set(input.history.filter((h) => h.month >= '2026-01').map((h) => h.childId));
        const eligible = input.children.filter(
          (c) =>
            !c.closed && c.allocatedPractitionerId && !recent.has(c.id) && c.allocatedSince! <= allocatedBy,
        );
        const ranOut = (id: string) => {
          const auditor = input.people.find((p) => p.id === id)!;
          return eligible.every((c) => picked.has(c.id) || !canAudit(auditor, c, input.programme));
        };
        const full = plan.auditors.filter((a) => !ranOut(a.id)).map((a) => a.picks);
        if (full.length > 0) expect(Math.max(...full) - Math.min(...full)).toBeLessThanOrEqual(1);
        for (const a of plan.auditors) if (a.picks < shape.perMonth) expect(ranOut(a.id)).toBe(true);
        expect(plan.picks.length + plan.shortfall).toBe(plan.auditors.length * shape.perMonth);
      }),
      { numRuns: 150 },
    );
  });

  it('covers every kind of child and every practitioner over a quarter, given room in the programme', () => {
    fc.assert(
      fc.property(shapeArb(true), (shape) => {
        const first = inputFor({ ...shape, named: 1 }, '2027-01');
        const start = sampleMonth(first);
        const recent = new Set(first.history.filter((h) => h.month >= '2026-02').map((h) => h.childId));
        const eligibleAtStart = first.children.filter(
          (c) =>
            !c.closed &&
            c.allocatedPractitionerId &&
            !recent.has(c.id) &&
            c.allocatedSince! <= addDays(start.assignOn, -28),
        );
        const strata =
          new Set(eligibleAtStart.map((c) => c.kind)).size +
          new Set(eligibleAtStart.map((c) => c.allocatedPractitionerId)).size;
        // Just room enough: a quarter's stratified picks (three in four) cover every stratum, with
        // one spare pick per auditor for a round in which they could reach no uncovered stratum.
        const auditors = start.auditors.length;
        const perMonth = Math.ceil((strata + auditors) / (3 * auditors * 0.75));
        const base = inputFor({ ...shape, named: 1, perMonth }, '2027-01');
        let history = [...base.history];
        for (const month of ['2027-01', '2027-02', '2027-03']) {
          history = [...history, ...toHistory(sampleMonth({ ...base, month, history }))];
        }
        const quarter = history.filter((h) => h.month >= '2027-01');
        const coveredKinds = new Set(quarter.map((h) => h.childKind));
        const coveredPractitioners = new Set(quarter.map((h) => h.practitionerId));
        for (const c of eligibleAtStart) {
          expect(coveredKinds.has(c.kind)).toBe(true);
          expect(coveredPractitioners.has(c.allocatedPractitionerId)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('in a themed month, themed picks follow the theme and take their share', () => {
    fc.assert(
      fc.property(shapeArb(true), fc.constantFrom(...CHILD_KINDS), (shape, childKind) => {
        const input = inputFor({ ...shape, peer: true }, '2026-12', {
          theme: { theme: { childKind }, share: 0.5 },
        });
        const plan = sampleMonth(input);
        const themed = plan.picks.filter((p) => p.reason.method === 'themed');
        for (const pick of themed) expect(pick.childKind).toBe(childKind);
        const slots = plan.auditors.length * shape.perMonth;
        expect(themed.length).toBeLessThanOrEqual(Math.round(slots / 2));
        // When every auditor could fill the theme's share alone, the share is met exactly.
        const recent = new Set(input.history.filter((h) => h.month >= '2026-01').map((h) => h.childId));
        const allocatedBy = addDays(plan.assignOn, -28);
        const themedEligible = input.children.filter(
          (c) =>
            c.kind === childKind &&
            !c.closed &&
            c.allocatedPractitionerId &&
            !recent.has(c.id) &&
            c.allocatedSince! <= allocatedBy,
        );
        const auditors = input.people.filter((p) => plan.auditors.some((a) => a.id === p.id));
        const plenty = auditors.every(
          (a) => themedEligible.filter((c) => canAudit(a, c, input.programme)).length >= slots,
        );
        if (plenty) expect(themed.length).toBe(Math.round(slots / 2));
      }),
      { numRuns: 200 },
    );
  });
});

describe('sampleMonth: worked cases', () => {
  const people = [
    aPerson('M1', { teamId: 'T1', roles: ['manager'] }),
    aPerson('M2', { teamId: 'T2', roles: ['manager'] }),
    aPerson('P1', { teamId: 'T1' }),
    aPerson('P2', { teamId: 'T2' }),
  ];
  const children = [
    aChild('C1', { teamId: 'T1', allocatedPractitionerId: 'P1', flags: ['neglect'] }),
    aChild('C2', { teamId: 'T1', allocatedPractitionerId: 'P1', kind: 'child-protection' }),
    aChild('C3', { teamId: 'T2', allocatedPractitionerId: 'P2', kind: 'child-in-care' }),
    aChild('C4', { teamId: 'T2', allocatedPractitionerId: 'P2', flags: ['neglect', 'missing'] }),
  ];
  const base: SampleInput = {
    month: '2027-01',
    programme: DEFAULT_PROGRAMME,
    people,
    children,
    history: [],
    calendar,
  };

  it('tells auditors on the first working day and gives them 15 working days', () => {
    const plan = sampleMonth(base);
    // 1 January 2027 is a bank holiday (a Friday): the first working day is Monday 4 January.
    expect(plan.assignOn).toBe('2027-01-04');
    expect(plan.dueDate).toBe('2027-01-25');
    expect(plan.picks).toHaveLength(4);
    for (const pick of plan.picks)
      expect(pick.teamId).not.toBe(people.find((p) => p.id === pick.auditorId)!.teamId);
  });

  it('explains each pick in words', () => {
    const themed = sampleMonth({ ...base, theme: { theme: { flag: 'neglect' }, share: 1 } });
    expect(
      themed.picks
        .filter((p) => p.reason.method === 'themed')
        .map((p) => p.childId)
        .sort(),
    ).toEqual(['C1', 'C4']);
    expect(themed.picks.map((p) => pickReasonText(p.reason))).toEqual(
      expect.arrayContaining([
        'theme: neglect',
        expect.stringMatching(/^so .* are looked at this quarter$|^random$|^so every practitioner/),
      ]),
    );
    expect(pickReasonText({ method: 'random' })).toBe('random');
    expect(pickReasonText({ method: 'themed', theme: { notSeenAlone: true } })).toBe(
      'theme: children not seen alone',
    );
    expect(pickReasonText({ method: 'stratified', by: 'kind', childKind: 'child-in-care' })).toBe(
      'so children in care are looked at this quarter',
    );
  });

  it('reads the theme from the programme file when none is set from Teams', () => {
    const programme = {
      ...DEFAULT_PROGRAMME,
      sample: {
        ...DEFAULT_PROGRAMME.sample,
        themedShare: 1,
        themes: [{ month: '2027-01', theme: { flag: 'missing' as const } }],
      },
    };
    const plan = sampleMonth({ ...base, programme });
    expect(plan.theme).toEqual({ flag: 'missing' });
    expect(plan.picks.find((p) => p.reason.method === 'themed')?.childId).toBe('C4');
  });

  it('picks children not seen alone in the last three months for that theme', () => {
    const events = [
      anEvent('V1', 'C1', { completedDate: '2026-12-01', seenAlone: true }),
      anEvent('V3', 'C3', { completedDate: '2026-12-01', seenAlone: false }),
      anEvent('V4', 'C4', { completedDate: '2026-06-01', seenAlone: true }),
    ];
    const plan = sampleMonth({ ...base, events, theme: { theme: { notSeenAlone: true }, share: 1 } });
    expect(
      plan.picks
        .filter((p) => p.reason.method === 'themed')
        .map((p) => p.childId)
        .sort(),
    ).toEqual(['C2', 'C3', 'C4']);
  });

  it('says how many audits it could not fill when there are too few children', () => {
    const plan = sampleMonth({ ...base, children: children.slice(0, 1) });
    expect(plan.picks).toHaveLength(1);
    expect(plan.shortfall).toBe(3);
    expect(plan.eligible).toBe(1);
  });
});
