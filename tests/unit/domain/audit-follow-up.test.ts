/** After an audit: nudges, the manager's line, actions as items, moderation and the findings. */
import type { Audit } from '../../../src/domain/audit';
import { auditFindings } from '../../../src/domain/audit-findings';
import {
  actionsNotDoneByDate,
  auditsLateForManager,
  auditsToNudge,
  openActionsFor,
  ownerOfAction,
} from '../../../src/domain/audit-follow-up';
import { agreementRate, chooseForModeration, pickModerator } from '../../../src/domain/audit-moderation';
import { DEFAULT_PROGRAMME } from '../../../src/domain/audit-programme';
import { createCalendar } from '../../../src/domain/calendar';
import { aPerson } from '../../support/domain';
import { answeredAll, anAudit } from '../../support/audits';

const calendar = createCalendar('england-and-wales');
const submitted = (childId: string, extra: Partial<Audit> = {}): Audit =>
  anAudit(childId, {
    status: 'submitted',
    submittedAt: '2026-12-15T10:00:00.000Z',
    answers: {
      standards: answeredAll(),
      reflection: { workingWell: `Strength for ${childId}` },
      grade: 'good',
      actions: [],
    },
    ...extra,
  });

describe('deadlines', () => {
  it.each<[string, Partial<Audit>, string, boolean, boolean]>([
    ['on its due date', {}, '2026-12-22', false, false],
    ['the day after', {}, '2026-12-23', true, false],
    ['nudged already', { nudgedOn: '2026-12-23' }, '2026-12-24', false, false],
    // 22 December + 5 working days, past Christmas Day and Boxing Day (kept on Monday 28th): 31st.
    ['five working days on', { nudgedOn: '2026-12-23' }, '2026-12-31', false, true],
    ['the working day before that', { nudgedOn: '2026-12-23' }, '2026-12-30', false, false],
    ['submitted', { status: 'submitted' }, '2027-01-20', false, false],
  ])('an audit due 22 December, %s: nudge %s, manager %s', (_, extra, today, nudge, manager) => {
    const audit = anAudit('C1', extra);
    expect(auditsToNudge([audit], today)).toHaveLength(nudge ? 1 : 0);
    expect(auditsLateForManager([audit], today, calendar, DEFAULT_PROGRAMME)).toHaveLength(manager ? 1 : 0);
  });
});

describe('actions', () => {
  const audit = submitted('C1', {
    actions: [
      { id: '1', what: 'Genogram', who: 'practitioner', by: '2027-01-10', ownerId: 'P1' },
      { id: '2', what: 'Chronology', who: 'practitioner', by: '2026-12-20', ownerId: 'P1' },
      {
        id: '3',
        what: 'Supervision',
        who: 'manager',
        by: '2026-12-20',
        ownerId: 'M1',
        doneAt: '2026-12-19T09:00:00Z',
        doneBy: 'M1',
      },
    ],
  });

  it("are items in their owner's card, soonest first, until done", () => {
    expect(openActionsFor([audit], 'P1', '2027-01-04').map((i) => [i.key, i.dueDate, i.notDoneYet])).toEqual([
      [`audit-action:${audit.id}:2`, '2026-12-20', true],
      [`audit-action:${audit.id}:1`, '2027-01-10', false],
    ]);
    expect(openActionsFor([audit], 'M1', '2027-01-04')).toEqual([]);
    expect(actionsNotDoneByDate([audit], '2027-01-04').map((i) => i.actionId)).toEqual(['2']);
  });

  it.each([
    ['practitioner', 'P1'],
    ['manager', 'M1'],
    ['auditor', 'A1'],
    ['other', 'M1'],
  ] as const)("an action for the %s is %s's", (who, owner) => {
    expect(ownerOfAction(who, { practitionerId: 'P1', managerId: 'M1', auditorId: 'A1' })).toBe(owner);
  });
});

describe('moderation', () => {
  const month = [
    ...Array.from({ length: 25 }, (_, i) => submitted(`A${i}`, { teamId: 'T1' })),
    submitted('B1', { teamId: 'T2' }),
    anAudit('B2', { teamId: 'T3' }),
  ];

  it('chooses a tenth, at least one from each team with a submitted audit, the same each time', () => {
    const chosen = chooseForModeration(month, DEFAULT_PROGRAMME);
    expect(chosen).toHaveLength(3);
    expect(chosen).toContain(month[25]!.id);
    expect(chosen).not.toContain(month[26]!.id);
    expect(chooseForModeration(month, DEFAULT_PROGRAMME)).toEqual(chosen);
    const withOne = month.map((a) =>
      a.id === month[3]!.id ? { ...a, moderation: { moderatorId: 'H1', selectedOn: '2026-12-20' } } : a,
    );
    expect(chooseForModeration(withOne, DEFAULT_PROGRAMME)).toContain(month[3]!.id);
  });

  it('gives it to the least busy moderator who is not the auditor', () => {
    const moderators = [aPerson('H1'), aPerson('M2'), aPerson('Q1')];
    expect(
      pickModerator(
        { auditorId: 'M2' },
        moderators,
        new Map([
          ['H1', 2],
          ['Q1', 1],
        ]),
      ),
    ).toBe('Q1');
    expect(pickModerator({ auditorId: 'H1' }, [aPerson('H1')], new Map())).toBeUndefined();
  });

  it('reports how often the moderator agreed', () => {
    const outcome = (agreed: boolean) => ({
      moderatorId: 'H1',
      selectedOn: '2026-12-20',
      outcome: { agreed, grade: 'good' as const, at: '2026-12-21T10:00:00Z' },
    });
    expect(
      agreementRate([
        submitted('X', { moderation: outcome(true) }),
        submitted('Y', { moderation: outcome(false) }),
        submitted('Z'),
      ]),
    ).toEqual({ moderated: 2, agreed: 1 });
  });
});

describe('auditFindings', () => {
  it('counts audits done of those due, grades, standards most and least met, strengths and actions', () => {
    const audits = [
      submitted('C1', {
        answers: {
          standards: answeredAll({ genogram: { answer: 'no' }, risk: { answer: 'partly' } }),
          reflection: { workingWell: 'Amira is heard.' },
          grade: 'good',
          actions: [],
        },
      }),
      submitted('C2', {
        submittedAt: '2026-12-18T10:00:00.000Z',
        answers: {
          standards: answeredAll({ genogram: { answer: 'no' }, chronology: { answer: 'not-applicable' } }),
          reflection: { workingWell: 'Strong family network.' },
          grade: 'requires-improvement',
          actions: [],
        },
        actions: [{ id: '1', what: 'Genogram', who: 'practitioner', by: '2026-12-20', ownerId: 'P1' }],
      }),
      anAudit('C3'),
      anAudit('C4', { dueDate: '2027-01-20' }),
    ];
    const findings = auditFindings(audits, { from: '2026-12-01', to: '2026-12-31', today: '2026-12-28' });
    expect(findings).toMatchObject({
      due: 3,
      done: 2,
      grades: { outstanding: 0, good: 1, 'requires-improvement': 1, inadequate: 0 },
      strengths: [{ text: 'Strong family network.' }, { text: 'Amira is heard.' }],
      openActions: 1,
      actionsNotDoneByDate: 1,
      notSubmitted: [{ childId: 'C3', dueDate: '2026-12-22' }],
    });
    expect(findings.mostMet.map((t) => t.standard.id)).toEqual(['seen-and-heard', 'chronology']);
    expect(findings.leastMet.map((t) => [t.standard.id, t.metShare])).toEqual([
      ['genogram', 0],
      ['risk', 0.75],
    ]);
  });
});
