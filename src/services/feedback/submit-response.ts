/**
 * A family sends their answers: the response is stored with their words exactly as typed (one per
 * link, even if two sends race), the link is closed, the answers are screened, and the submitted
 * hook is awaited. If the hook fails the family still sees their thank-you: the response keeps no
 * `notifiedAt`, so `unnotifiedResponses()` finds it for a retry.
 */
import type { LinkState } from '../../domain/feedback-links';
import { missingAnswers } from '../../domain/feedback-questions';
import { screenAnswers } from '../../domain/feedback-screening';
import type { FeedbackLink, FeedbackResponse, Language, Screening } from '../../domain/feedback-types';
import { withoutSystemFields } from '../../store/repository';
import type { FeedbackDeps } from './deps';
import { openFeedbackLink } from './open-link';

export type SubmitOutcome =
  | { state: 'submitted'; response: FeedbackResponse; screening: Screening }
  | { state: 'incomplete'; link: FeedbackLink; missing: string[] }
  | { state: Exclude<LinkState, 'ok'> };

export const responseIdFor = (linkId: string) => `response-${linkId}`;

/** A response whose hook has not finished after this long was left by a crash, not a double click. */
export const RECOVER_AFTER_MS = 2 * 60 * 1000;

export async function submitFeedback(
  deps: FeedbackDeps,
  input: { token: string; language: Language },
): Promise<SubmitOutcome> {
  const opened = await openFeedbackLink(deps, input.token);
  if (opened.state !== 'ok') return opened;
  const { link } = opened;
  const answers = link.draft?.answers ?? {};
  const missing = missingAnswers(link.audience, answers);
  if (missing.length > 0) return { state: 'incomplete', link, missing };

  const screening = screenAnswers({ audience: link.audience, language: input.language, answers });
  const now = deps.now().toISOString();
  const response: FeedbackResponse = {
    id: responseIdFor(link.id),
    linkId: link.id,
    teamId: link.teamId,
    childId: link.childId,
    practitionerId: link.practitionerId,
    audience: link.audience,
    linkLanguage: link.language,
    language: input.language,
    submittedAt: now,
    answers,
    shareWords: answers.share === true,
    screening,
  };
  const created = await deps.feedback.createResponse(response);
  await closeLink(deps, link, now);
  if (!created) {
    // Another send for this link won. If it was long ago and its hook never finished (a crash),
    // finish it now; a send still in progress (a double click) is left to finish its own.
    const existing = await deps.feedback.getResponse(link.teamId, response.id);
    const age = deps.now().getTime() - Date.parse(existing?.submittedAt ?? now);
    if (existing && !existing.notifiedAt && age > RECOVER_AFTER_MS) {
      const stored = withoutSystemFields<FeedbackResponse>(existing);
      await notify(deps, stored, stored.screening);
    }
    return { state: 'used' };
  }
  deps.log?.('feedback: response stored', {
    responseId: response.id,
    teamId: response.teamId,
    possibleWorry: screening.possibleWorry,
  });
  await notify(deps, response, screening);
  return { state: 'submitted', response, screening };
}

async function closeLink(deps: FeedbackDeps, link: FeedbackLink, now: string): Promise<void> {
  await deps.feedback.updateLink(link.teamId, link.id, (current) => {
    if (current.usedAt) return undefined;
    const { draft: _sent, ...rest } = current;
    return { ...rest, usedAt: now, responseId: responseIdFor(link.id) };
  });
}

async function notify(deps: FeedbackDeps, response: FeedbackResponse, screening: Screening): Promise<void> {
  try {
    await deps.onSubmitted(response, screening);
  } catch (error) {
    deps.log?.('feedback: submitted hook failed; the response waits for a retry', {
      responseId: response.id,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return;
  }
  await deps.feedback.updateResponse(response.teamId, response.id, (current) =>
    current.notifiedAt ? undefined : { ...current, notifiedAt: deps.now().toISOString() },
  );
}
