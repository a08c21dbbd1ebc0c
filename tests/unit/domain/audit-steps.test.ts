/** An audit's steps: what each reads from its card, and what it refuses, said as problems. */
import { DEFAULT_PROGRAMME } from '../../../src/domain/audit-programme';
import { applyStep, isRealDate } from '../../../src/domain/audit-step-input';
import {
  auditSteps,
  findStep,
  INPUT,
  savedInputs,
  standardsOn,
  stepBeside,
  submitProblems,
} from '../../../src/domain/audit-steps';
import { answeredAll, anAudit } from '../../support/audits';

const limits = { commentMaxLength: 1000, today: '2026-12-07' };
const audit = anAudit('C1');
const step = (id: string) => findStep(audit, id)!;

describe('the steps', () => {
  it('are the facts, the ten standards three at a time, reflection, grade, actions and a check', () => {
    expect(auditSteps(DEFAULT_PROGRAMME.standards).map((s) => s.id)).toEqual([
      'facts',
      'standards-1',
      'standards-2',
      'standards-3',
      'standards-4',
      'reflection',
      'grade',
      'actions',
      'check',
    ]);
    expect(standardsOn(audit, step('standards-4')).map((s) => [s.standard.id, s.position])).toEqual([
      ['risk', 10],
    ]);
    expect(stepBeside(audit, 'facts', -1).id).toBe('facts');
    expect(stepBeside(audit, 'check', 1).id).toBe('check');
    expect(stepBeside(audit, 'standards-4', 1).id).toBe('reflection');
    expect(findStep(audit, 'standards-9')).toBeUndefined();
  });
});

describe('applyStep', () => {
  it('reads the facts confirmed, or corrected', () => {
    expect(applyStep(audit, step('facts'), { factsRight: 'true' }, limits)).toEqual({
      ok: true,
      answers: expect.objectContaining({ facts: { right: true } }),
    });
    const corrected = applyStep(
      audit,
      step('facts'),
      { factsRight: 'false', factsCorrection: ' Seen 3 Dec ' },
      limits,
    );
    expect(corrected.ok && corrected.answers.facts).toEqual({ right: false, correction: 'Seen 3 Dec' });
  });

  it('reads standards, keeping answers from other steps', () => {
    const before = {
      ...audit,
      answers: { ...audit.answers, standards: { risk: { answer: 'no' as const } } },
    };
    const result = applyStep(
      before,
      step('standards-1'),
      {
        [INPUT.answer('seen-and-heard')]: 'yes',
        [INPUT.comment('seen-and-heard')]: 'Seen alone twice.',
        [INPUT.answer('chronology')]: 'partly',
      },
      limits,
    );
    expect(result.ok && result.answers.standards).toEqual({
      risk: { answer: 'no' },
      'seen-and-heard': { answer: 'yes', comment: 'Seen alone twice.' },
      chronology: { answer: 'partly' },
      genogram: {},
    });
  });

  it.each<[string, string, Record<string, string>, unknown]>([
    [
      'facts neither confirmed nor corrected',
      'facts',
      { factsRight: 'false' },
      { code: 'facts-unconfirmed' },
    ],
    [
      'an over-long comment',
      'standards-1',
      { [INPUT.comment('chronology')]: 'x'.repeat(1001) },
      { code: 'too-long', at: { field: 'standard-comment', position: 2 }, limit: 1000, length: 1001 },
    ],
    [
      'an answer that is not a choice',
      'standards-2',
      { [INPUT.answer('identity')]: 'maybe' },
      { code: 'not-a-choice', at: { field: 'standard-answer', position: 6 } },
    ],
    [
      'an over-long reflection',
      'reflection',
      { worried: 'y'.repeat(2000) },
      { code: 'too-long', at: { field: 'worried' }, limit: 1000, length: 2000 },
    ],
    [
      'a grade that is not one',
      'grade',
      { grade: 'superb' },
      { code: 'not-a-choice', at: { field: 'grade' } },
    ],
    [
      'a grade without the standards answered',
      'grade',
      { grade: 'good' },
      { code: 'grade-needs-standards', positions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    ],
    [
      'an action with no date',
      'actions',
      { action1What: 'Update the chronology', action1Who: 'practitioner' },
      { code: 'needed', at: { field: 'action-by', row: 1 } },
    ],
    [
      'an action with no words',
      'actions',
      { action2By: '2027-01-10', action2Who: 'manager' },
      { code: 'needed', at: { field: 'action-what', row: 2 } },
    ],
    [
      'an action dated in the past',
      'actions',
      { action1What: 'Genogram', action1By: '2026-12-01' },
      { code: 'date-passed', at: { field: 'action-by', row: 1 } },
    ],
    [
      'an action dated 30 February',
      'actions',
      { action1What: 'Genogram', action1By: '2027-02-30' },
      { code: 'not-a-date', at: { field: 'action-by', row: 1 } },
    ],
    [
      'an action for someone else, unnamed',
      'actions',
      { action1What: 'School meeting', action1By: '2027-01-10', action1Who: 'other' },
      { code: 'needed', at: { field: 'action-else', row: 1 } },
    ],
    [
      'an action for nobody Hearth knows of',
      'actions',
      { action1What: 'School meeting', action1By: '2027-01-10', action1Who: 'the cat' },
      { code: 'not-a-choice', at: { field: 'action-who', row: 1 } },
    ],
  ])('refuses %s, saving nothing', (_, id, raw, problem) => {
    const result = applyStep(audit, step(id), raw, limits);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toContainEqual(problem);
  });

  it('gives a grade once every required standard has an answer, Not applicable included', () => {
    const answered = {
      ...audit,
      answers: { ...audit.answers, standards: answeredAll({ genogram: { answer: 'not-applicable' } }) },
    };
    const result = applyStep(
      answered,
      step('grade'),
      { grade: 'good', difference: 'Amira is going to school again.' },
      limits,
    );
    expect(result.ok && [result.answers.grade, result.answers.reflection.difference]).toEqual([
      'good',
      'Amira is going to school again.',
    ]);
    const optional = {
      ...audit,
      standards: audit.standards.map((s) => ({ ...s, required: s.id === 'risk' })),
    };
    const risk = {
      ...optional,
      answers: { ...optional.answers, standards: { risk: { answer: 'no' as const } } },
    };
    expect(applyStep(risk, step('grade'), { grade: 'inadequate' }, limits).ok).toBe(true);
  });

  it('reads up to three actions, skipping empty rows, and names someone else', () => {
    const result = applyStep(
      audit,
      step('actions'),
      {
        action1What: 'Update the chronology',
        action1Who: 'practitioner',
        action1By: '2027-01-08',
        action2Who: 'practitioner',
        action3What: 'Ask the school to join the core group',
        action3Who: 'other',
        action3Else: 'Ms Patel, head of year',
        action3By: '2027-01-15',
      },
      limits,
    );
    expect(result.ok && result.answers.actions).toEqual([
      { what: 'Update the chronology', who: 'practitioner', by: '2027-01-08' },
      {
        what: 'Ask the school to join the core group',
        who: 'other',
        whoElse: 'Ms Patel, head of year',
        by: '2027-01-15',
      },
    ]);
  });

  it('gives back what was saved, as the card shows it', () => {
    const saved = {
      ...audit,
      answers: { ...audit.answers, grade: 'good' as const, reflection: { difference: 'More settled.' } },
    };
    expect(savedInputs(saved, step('grade'))).toEqual({ grade: 'good', difference: 'More settled.' });
  });
});

describe('submitProblems', () => {
  it('asks for every required standard, a grade and what is working well', () => {
    expect(submitProblems(audit)).toEqual([
      { code: 'grade-needs-standards', positions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
      { code: 'needs-grade' },
      { code: 'needs-working-well' },
    ]);
    const ready = {
      ...audit,
      answers: {
        ...audit.answers,
        standards: answeredAll(),
        grade: 'good' as const,
        reflection: { workingWell: 'Amira trusts her worker.' },
      },
    };
    expect(submitProblems(ready)).toEqual([]);
  });
});

it.each([
  ['2027-02-28', true],
  ['2028-02-29', true],
  ['2027-02-29', false],
  ['2027-13-01', false],
  ['27-01-01', false],
])('%s is a real date: %s', (date, real) => {
  expect(isRealDate(date)).toBe(real);
});
