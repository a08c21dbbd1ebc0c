/**
 * What families told a team, for the weekly digest's "What families told us": how many answered
 * this week and in the last 12 weeks, the share saying Very good or Good with the count behind
 * it, and the words of families who said they may be shared. Figures below 5 responses are
 * suppressed so that no family can be picked out. Numbers and quotes only: src/text words them.
 */
import { londonDate, addDays } from './dates';
import { OPTION_SETS, QUESTIONS } from './feedback-questions';
import type { Audience, FeedbackResponse } from './feedback-types';
import type { IsoDate } from './types';

export const SUPPRESS_BELOW = 5;
export const SUMMARY_WEEKS = 12;
export const MAX_QUOTES = 3;

export type ResponseCount = { kind: 'none' } | { kind: 'fewer-than-5' } | { kind: 'count'; count: number };

export type PositiveShare =
  | { kind: 'none' }
  | { kind: 'suppressed' }
  /** `answered` counts every headline answer, "Don't know" included, as the Friends and Family Test does. */
  | { kind: 'share'; positive: number; answered: number; percent: number };

export interface FeedbackQuote {
  responseId: string;
  questionId: string;
  audience: Audience;
  /** Exactly as the family typed it. */
  text: string;
}

export interface FeedbackSummary {
  weekStart: IsoDate;
  weekEnd: IsoDate;
  asOf: IsoDate;
  thisWeek: ResponseCount;
  last12Weeks: ResponseCount;
  /** Over the last 12 weeks (this week included). */
  positive: PositiveShare;
  /** This week's words from families who ticked the box; never from an answer flagged as a worry. */
  quotes: FeedbackQuote[];
  /** Answers nobody has marked read yet, and possible worries nobody has said "I've got this" to. */
  unread: number;
  unacknowledgedWorries: number;
}

function count(n: number): ResponseCount {
  if (n === 0) return { kind: 'none' };
  return n < SUPPRESS_BELOW ? { kind: 'fewer-than-5' } : { kind: 'count', count: n };
}

function isPositive(response: FeedbackResponse): boolean | undefined {
  const headline = QUESTIONS[response.audience].find((q) => q.kind === 'choice' && q.headline);
  if (!headline || headline.kind !== 'choice') return undefined;
  const answer = response.answers[headline.id];
  if (typeof answer !== 'string') return undefined;
  const options = OPTION_SETS[headline.options] as readonly { id: string; positive?: boolean }[];
  return options.some((o) => o.id === answer && o.positive === true);
}

function quotesFrom(responses: readonly FeedbackResponse[]): FeedbackQuote[] {
  const quotes: FeedbackQuote[] = [];
  const newestFirst = [...responses].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  for (const r of newestFirst) {
    if (!r.shareWords || r.screening.possibleWorry) continue;
    for (const q of QUESTIONS[r.audience]) {
      const text = r.answers[q.id];
      if (q.kind === 'text' && typeof text === 'string' && text.trim() !== '')
        quotes.push({ responseId: r.id, questionId: q.id, audience: r.audience, text });
    }
  }
  return quotes.slice(0, MAX_QUOTES);
}

/**
 * `weekStart` is the Monday of the week reviewed; `asOf` the day the digest is made. Responses
 * after `asOf` are not counted.
 */
export function feedbackSummary(
  responses: readonly FeedbackResponse[],
  weekStart: IsoDate,
  asOf: IsoDate,
): FeedbackSummary {
  const weekEnd = addDays(weekStart, 6);
  const windowStart = addDays(weekStart, -7 * (SUMMARY_WEEKS - 1));
  const known = responses.filter((r) => londonDate(new Date(r.submittedAt)) <= asOf);
  const dayOf = (r: FeedbackResponse) => londonDate(new Date(r.submittedAt));
  const thisWeek = known.filter((r) => dayOf(r) >= weekStart && dayOf(r) <= weekEnd);
  const window = known.filter((r) => dayOf(r) >= windowStart && dayOf(r) <= weekEnd);

  const rated = window.map(isPositive).filter((p): p is boolean => p !== undefined);
  const positives = rated.filter(Boolean).length;
  const positive: PositiveShare =
    window.length === 0
      ? { kind: 'none' }
      : window.length < SUPPRESS_BELOW || rated.length < SUPPRESS_BELOW
        ? { kind: 'suppressed' }
        : {
            kind: 'share',
            positive: positives,
            answered: rated.length,
            percent: Math.round((100 * positives) / rated.length),
          };

  return {
    weekStart,
    weekEnd,
    asOf,
    thisWeek: count(thisWeek.length),
    last12Weeks: count(window.length),
    positive,
    quotes: quotesFrom(thisWeek),
    unread: known.filter((r) => !r.readAt).length,
    unacknowledgedWorries: known.filter((r) => r.screening.possibleWorry && !r.acknowledgedAt).length,
  };
}
