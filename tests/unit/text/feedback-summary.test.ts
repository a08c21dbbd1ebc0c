/** The digest's "What families told us", in words. */
import type { FeedbackSummary } from '../../../src/domain/feedback-summary';
import { feedbackSummarySentences } from '../../../src/text/feedback-summary';
import { checkLanguage } from '../../../src/text/language-check';

const base: FeedbackSummary = {
  weekStart: '2026-11-23',
  weekEnd: '2026-11-29',
  asOf: '2026-11-30',
  thisWeek: { kind: 'count', count: 6 },
  last12Weeks: { kind: 'count', count: 40 },
  positive: { kind: 'share', positive: 32, answered: 40, percent: 80 },
  quotes: [],
  unread: 0,
  unacknowledgedWorries: 0,
};

describe('feedbackSummarySentences', () => {
  it('says the counts and the share with the number behind it', () => {
    expect(feedbackSummarySentences(base)).toEqual([
      '6 families answered our questions this week.',
      '40 families answered our questions in the last 12 weeks.',
      '32 of the 40 families who rated our service in the last 12 weeks (80%) said it was very good or good.',
    ]);
  });

  it('says "fewer than 5" and holds the share back when few families answered', () => {
    const sentences = feedbackSummarySentences({
      ...base,
      thisWeek: { kind: 'fewer-than-5' },
      last12Weeks: { kind: 'fewer-than-5' },
      positive: { kind: 'suppressed' },
    });
    expect(sentences[0]).toBe('Fewer than 5 families answered our questions this week.');
    expect(sentences.join(' ')).not.toMatch(/\d+%/);
    expect(sentences[2]).toMatch(/no family can be picked out/);
  });

  it('quotes words as typed, shortening long ones, and counts what is still unread', () => {
    const sentences = feedbackSummarySentences({
      ...base,
      quotes: [
        { responseId: 'r1', questionId: 'good', audience: 'parent', text: 'Sam [listened](https://x)' },
        { responseId: 'r2', questionId: 'tell', audience: 'child', text: 'x'.repeat(400) },
      ],
      unread: 3,
      unacknowledgedWorries: 1,
    });
    expect(sentences).toContain('A parent or carer said: “Sam [listened](https://x)”');
    expect(sentences.find((s) => s.startsWith('A child said'))).toHaveLength(
      'A child said: “'.length + 300 + 2,
    );
    expect(sentences).toContain('3 answers from families have not been read yet.');
    expect(sentences).toContain(
      '1 answer that may be a worry is still waiting for someone to say “I’ve got this”.',
    );
  });

  it('passes the language check', () => {
    const all = feedbackSummarySentences({ ...base, unread: 1, unacknowledgedWorries: 2 });
    for (const s of all) expect(checkLanguage(s)).toEqual([]);
  });
});
