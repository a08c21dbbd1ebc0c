/**
 * The team's "What families told us" view model: counts for this week and 12 weeks, the share
 * answering Very good or Good with the count behind it, suppression below 5, quotes only with
 * consent, and what is still unread or unacknowledged.
 */
import { feedbackSummary } from '../../../src/domain/feedback-summary';
import type { FeedbackResponse } from '../../../src/domain/feedback-types';

let n = 0;
function response(submittedAt: string, overrides: Partial<FeedbackResponse> = {}): FeedbackResponse {
  n++;
  return {
    id: `response-${n}`,
    linkId: `link-${n}`,
    teamId: 'team-1',
    childId: `c${n}`,
    practitionerId: 'p1',
    audience: 'parent',
    linkLanguage: 'en',
    language: 'en',
    submittedAt,
    answers: { overall: 'good' },
    shareWords: false,
    screening: { possibleWorry: false, flags: [] },
    readAt: submittedAt,
    acknowledgedAt: undefined,
    ...overrides,
  };
}

const WEEK = '2026-11-23';
const AS_OF = '2026-11-30';

describe('feedbackSummary', () => {
  it('counts this week and the last 12 weeks by London date, and not after the digest day', () => {
    const responses = [
      response('2026-11-22T23:30:00Z'), // Sunday night: the week before
      response('2026-11-23T00:30:00Z'),
      response('2026-11-29T23:59:00Z'),
      response('2026-09-07T10:00:00Z'), // the first Monday of the 12 weeks
      response('2026-08-31T10:00:00Z'), // 13 weeks back: outside
      response('2026-12-01T10:00:00Z'), // after the digest day
      ...[1, 2, 3].map(() => response('2026-11-25T10:00:00Z')),
    ];
    const summary = feedbackSummary(responses, WEEK, AS_OF);
    expect(summary.thisWeek).toEqual({ kind: 'count', count: 5 });
    expect(summary.last12Weeks).toEqual({ kind: 'count', count: 7 });
    expect(summary.positive).toEqual({ kind: 'share', positive: 7, answered: 7, percent: 100 });
  });

  it.each([
    [0, { kind: 'none' }],
    [1, { kind: 'fewer-than-5' }],
    [4, { kind: 'fewer-than-5' }],
    [5, { kind: 'count', count: 5 }],
  ])('says %i responses this week as %j', (count, expected) => {
    const responses = Array.from({ length: count }, () => response('2026-11-25T10:00:00Z'));
    expect(feedbackSummary(responses, WEEK, AS_OF).thisWeek).toEqual(expected);
  });

  it('gives the share answering Very good or Good over every headline answer, Don’t know included', () => {
    const answers = ['very-good', 'good', 'good', 'neither', 'poor', 'dont-know'];
    const responses = answers.map((overall) => response('2026-11-10T10:00:00Z', { answers: { overall } }));
    responses.push(response('2026-11-11T10:00:00Z', { audience: 'child', answers: { overall: 'good' } }));
    responses.push(response('2026-11-11T10:00:00Z', { audience: 'child', answers: { overall: 'ok' } }));
    expect(feedbackSummary(responses, WEEK, AS_OF).positive).toEqual({
      kind: 'share',
      positive: 4,
      answered: 8,
      percent: 50,
    });
  });

  it('quotes this week’s words only where the family ticked the box, never a possible worry', () => {
    const responses = [
      response('2026-11-24T10:00:00Z', {
        shareWords: true,
        answers: { overall: 'good', good: 'Kind and on time' },
      }),
      response('2026-11-24T11:00:00Z', {
        shareWords: false,
        answers: { overall: 'good', good: 'Not for sharing' },
      }),
      response('2026-11-24T12:00:00Z', {
        shareWords: true,
        answers: { overall: 'poor', better: 'he hits me' },
        screening: {
          possibleWorry: true,
          flags: [{ questionId: 'better', reason: 'phrase', matched: ['hits me'] }],
        },
      }),
      response('2026-11-10T10:00:00Z', {
        shareWords: true,
        answers: { overall: 'good', good: 'Last month' },
      }),
    ];
    const quotes = feedbackSummary(responses, WEEK, AS_OF).quotes;
    expect(quotes.map((q) => q.text)).toEqual(['Kind and on time']);
  });

  it('counts answers still unread and worries nobody has acknowledged, however old', () => {
    const responses = [
      response('2026-05-01T10:00:00Z', { readAt: undefined }),
      response('2026-11-24T10:00:00Z', {
        screening: { possibleWorry: true, flags: [] },
        acknowledgedAt: undefined,
      }),
      response('2026-11-24T10:00:00Z', {
        screening: { possibleWorry: true, flags: [] },
        acknowledgedAt: '2026-11-24T10:05:00Z',
      }),
    ];
    const summary = feedbackSummary(responses, WEEK, AS_OF);
    expect(summary.unread).toBe(1);
    expect(summary.unacknowledgedWorries).toBe(1);
  });
});
