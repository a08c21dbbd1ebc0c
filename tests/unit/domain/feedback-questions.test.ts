/** The question sets and the rule for a good answer. */
import { QUESTIONS, checkAnswer, findQuestion, missingAnswers } from '../../../src/domain/feedback-questions';
import { AUDIENCES } from '../../../src/domain/feedback-types';

describe('question sets', () => {
  it.each(AUDIENCES)('%s: ids are short enough for a path under 40 characters', (audience) => {
    for (const q of QUESTIONS[audience]) expect(`/api/f/${'x'.repeat(22)}/${q.id}`.length).toBeLessThan(40);
  });

  it('asks young people and children whether anything makes them feel unsafe, and parents not', () => {
    expect(findQuestion('young-person', 'unsafe')).toBeDefined();
    expect(findQuestion('child', 'unsafe')).toBeDefined();
    expect(findQuestion('parent', 'unsafe')).toBeUndefined();
  });

  it('gives a child 3 questions with faces, the unsafe question, and room to say more', () => {
    const child = QUESTIONS.child;
    expect(child.filter((q) => q.kind === 'choice' && q.id !== 'unsafe')).toHaveLength(3);
    expect(child.map((q) => q.id)).toEqual(['overall', 'listened', 'explained', 'unsafe', 'tell', 'share']);
  });

  it('lists the required questions not answered yet, in page order', () => {
    expect(missingAnswers('parent', { overall: 'good', fair: 'yes' })).toEqual([
      'listened',
      'explained',
      'next',
    ]);
  });
});

describe('checkAnswer', () => {
  const overall = findQuestion('parent', 'overall')!;
  const good = findQuestion('parent', 'good')!;
  const share = findQuestion('parent', 'share')!;
  it.each([
    [overall, 'good', undefined],
    [overall, 'excellent', { kind: 'choose' }],
    [overall, undefined, { kind: 'choose' }],
    [good, '', undefined],
    [good, 'x'.repeat(5000), undefined],
    [good, 'x'.repeat(5001), { kind: 'too-long', length: 5001, max: 5000 }],
    [good, true, { kind: 'choose' }],
    [share, true, undefined],
    [share, 'yes', { kind: 'choose' }],
  ])('%#: %j', (question, value, problem) => {
    expect(checkAnswer(question, value)).toEqual(problem);
  });
});
