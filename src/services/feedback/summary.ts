/**
 * Loads a team's responses and makes the digest's "What families told us" view model, and its
 * sentences, for the week reviewed.
 */
import { addDays, londonInstant } from '../../domain/dates';
import type { FeedbackSummary } from '../../domain/feedback-summary';
import { SUMMARY_WEEKS, feedbackSummary } from '../../domain/feedback-summary';
import type { IsoDate } from '../../domain/types';
import type { FeedbackRepository } from '../../store/feedback-repository';
import { feedbackSummarySentences } from '../../text/feedback-summary';

export async function loadFeedbackSummary(
  deps: { feedback: FeedbackRepository },
  input: { teamId: string; weekStart: IsoDate; asOf: IsoDate },
): Promise<{ summary: FeedbackSummary; sentences: string[] }> {
  // A day early, so a London date just after midnight in summer is not missed; the pure summary
  // then counts by London date exactly.
  const since = londonInstant(addDays(input.weekStart, -7 * (SUMMARY_WEEKS - 1) - 1), '00:00');
  const responses = await deps.feedback.responsesForSummary(input.teamId, since.toISOString());
  const summary = feedbackSummary(responses, input.weekStart, input.asOf);
  return { summary, sentences: feedbackSummarySentences(summary) };
}
