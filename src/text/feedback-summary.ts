/**
 * The digest's "What families told us" in words, from the pure summary in
 * src/domain/feedback-summary.ts. Plain text: the digest card escapes every line it shows.
 */
import type { FeedbackSummary, ResponseCount } from '../domain/feedback-summary';
import { SUPPRESS_BELOW } from '../domain/feedback-summary';
import type { Audience } from '../domain/feedback-types';

/** Longer words are cut here for the card; the full answer is on the practitioner's own card. */
export const QUOTE_MAX_CHARACTERS = 300;

const WHO: Record<Audience, string> = {
  parent: 'A parent or carer',
  'young-person': 'A young person',
  child: 'A child',
};

function answered(count: ResponseCount, when: string): string {
  switch (count.kind) {
    case 'none':
      return `No families answered our questions ${when}.`;
    case 'fewer-than-5':
      return `Fewer than ${SUPPRESS_BELOW} families answered our questions ${when}.`;
    case 'count':
      return `${count.count} families answered our questions ${when}.`;
  }
}

function shorten(text: string): string {
  const chars = Array.from(text.trim());
  return chars.length <= QUOTE_MAX_CHARACTERS
    ? chars.join('')
    : `${chars.slice(0, QUOTE_MAX_CHARACTERS).join('').trimEnd()}…`;
}

export function feedbackSummarySentences(summary: FeedbackSummary): string[] {
  const sentences = [
    answered(summary.thisWeek, 'this week'),
    answered(summary.last12Weeks, 'in the last 12 weeks'),
  ];
  const share = summary.positive;
  if (share.kind === 'share') {
    sentences.push(
      `${share.positive} of the ${share.answered} families who rated our service in the last 12 weeks (${share.percent}%) said it was very good or good.`,
    );
  } else if (share.kind === 'suppressed') {
    sentences.push(
      `How families rated our service shows once ${SUPPRESS_BELOW} or more have answered, so that no family can be picked out.`,
    );
  }
  for (const quote of summary.quotes) sentences.push(`${WHO[quote.audience]} said: “${shorten(quote.text)}”`);
  if (summary.unread > 0) {
    sentences.push(
      summary.unread === 1
        ? '1 answer from a family has not been read yet.'
        : `${summary.unread} answers from families have not been read yet.`,
    );
  }
  if (summary.unacknowledgedWorries > 0) {
    sentences.push(
      summary.unacknowledgedWorries === 1
        ? '1 answer that may be a worry is still waiting for someone to say “I’ve got this”.'
        : `${summary.unacknowledgedWorries} answers that may be a worry are still waiting for someone to say “I’ve got this”.`,
    );
  }
  return sentences;
}
