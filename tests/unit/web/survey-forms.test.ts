/** The forms' schema: every field limited, options from the page only, the limit said in characters. */
import { findQuestion } from '../../../src/domain/feedback-questions';
import { parseAnswerForm, parseSendForm } from '../../../src/web/survey-forms';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const overall = findQuestion('parent', 'overall')!;
const better = findQuestion('parent', 'better')!;
const share = findQuestion('parent', 'share')!;

describe('parseAnswerForm', () => {
  it.each([
    ['a known option', overall, { csrf: 'c', answer: 'good' }, { ok: true, value: 'good' }],
    [
      'an option not on the page',
      overall,
      { csrf: 'c', answer: 'great' },
      { ok: false, problem: { kind: 'choose' } },
    ],
    ['no option', overall, { csrf: 'c' }, { ok: false, problem: { kind: 'choose' } }],
    ['text', better, { csrf: 'c', answer: ' as typed \r\n' }, { ok: true, value: ' as typed \r\n' }],
    ['no text', better, { csrf: 'c' }, { ok: true, value: '' }],
    [
      'text over the limit',
      better,
      { csrf: 'c', answer: 'ä'.repeat(5001) },
      { ok: false, problem: { kind: 'too-long', length: 5001, max: 5000 } },
    ],
    ['a ticked box', share, { csrf: 'c', share: 'yes' }, { ok: true, value: true }],
    ['an unticked box', share, { csrf: 'c' }, { ok: true, value: false }],
    [
      'a box with another value',
      share,
      { csrf: 'c', share: 'please' },
      { ok: false, problem: { kind: 'choose' } },
    ],
  ])('%s', (_, question, fields, expected) => {
    expect(parseAnswerForm(question, form(fields))).toMatchObject(expected);
  });

  it('drops a CSRF field longer than any real token, so the form is refused', () => {
    expect(parseAnswerForm(overall, form({ csrf: 'x'.repeat(500), answer: 'good' })).csrf).toBeUndefined();
    expect(parseSendForm(form({ csrf: 'x'.repeat(500) })).csrf).toBeUndefined();
  });

  it('takes the first of repeated fields, as a browser sends only one', () => {
    const repeated = new URLSearchParams('csrf=c&answer=good&answer=poor');
    expect(parseAnswerForm(overall, repeated)).toMatchObject({ ok: true, value: 'good' });
  });
});
