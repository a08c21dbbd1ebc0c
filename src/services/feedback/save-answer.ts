/**
 * Keeps one answer in the link's draft, server-side, so a family can go one question a page
 * without JavaScript or cookies. The write is ETag-safe, and re-checks that the link is still open
 * at the moment of writing, so a draft never lands on a link that was just sent or revoked.
 */
import type { LinkState } from '../../domain/feedback-links';
import { linkState } from '../../domain/feedback-links';
import type { AnswerProblem } from '../../domain/feedback-questions';
import { checkAnswer, findQuestion } from '../../domain/feedback-questions';
import type { AnswerValue, FeedbackLink } from '../../domain/feedback-types';
import type { FeedbackRepository } from '../../store/feedback-repository';
import { openFeedbackLink } from './open-link';

export type SaveOutcome =
  | { state: 'saved'; link: FeedbackLink }
  | { state: 'invalid'; link: FeedbackLink; problem: AnswerProblem }
  | { state: 'no-such-question'; link: FeedbackLink }
  | { state: Exclude<LinkState, 'ok'> };

export async function saveFeedbackAnswer(
  deps: { feedback: FeedbackRepository; now: () => Date },
  input: { token: string; questionId: string; value: AnswerValue | undefined },
): Promise<SaveOutcome> {
  const opened = await openFeedbackLink(deps, input.token);
  if (opened.state !== 'ok') return opened;
  return saveAnswerOnLink(deps, opened.link, input, opened.etag);
}

/** The same, for a caller that has just opened the link (the pages, which need its audience first). */
export async function saveAnswerOnLink(
  deps: { feedback: FeedbackRepository; now: () => Date },
  link: FeedbackLink,
  input: { questionId: string; value: AnswerValue | undefined },
  /** The ETag the link was read with: the write then needs no second read unless someone raced it. */
  etag?: string,
): Promise<SaveOutcome> {
  const question = findQuestion(link.audience, input.questionId);
  if (!question) return { state: 'no-such-question', link };
  const problem = checkAnswer(question, input.value);
  if (problem) return { state: 'invalid', link, problem };

  let closed: Exclude<LinkState, 'ok'> | undefined;
  const now = deps.now();
  const change = (current: FeedbackLink): FeedbackLink | undefined => {
    const state = linkState(current, now);
    if (state !== 'ok') {
      closed = state;
      return undefined;
    }
    const answers = { ...(current.draft?.answers ?? {}) };
    if (input.value === undefined) delete answers[question.id];
    else answers[question.id] = input.value;
    return { ...current, draft: { answers, updatedAt: now.toISOString() } };
  };
  if (etag) {
    const next = change(link);
    if (!next) return { state: closed ?? 'unknown' };
    const written = await deps.feedback.replaceLinkIfUnchanged(next, etag);
    if (written) return { state: 'saved', link: written };
  }
  const saved = await deps.feedback.updateLink(link.teamId, link.id, change);
  if (closed) return { state: closed };
  if (!saved) return { state: 'unknown' };
  return { state: 'saved', link: saved };
}
