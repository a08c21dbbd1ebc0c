/**
 * Finds the link a family's token opens, and whether it can still be answered. A malformed token
 * never reaches the store.
 */
import type { LinkState } from '../../domain/feedback-links';
import { isWellFormedToken, linkState } from '../../domain/feedback-links';
import type { FeedbackLink } from '../../domain/feedback-types';
import type { FeedbackRepository } from '../../store/feedback-repository';
import { hashToken } from './tokens';

export type OpenedLink = { state: 'ok'; link: FeedbackLink } | { state: Exclude<LinkState, 'ok'> };

export async function openFeedbackLink(
  deps: { feedback: FeedbackRepository; now: () => Date },
  token: string,
): Promise<OpenedLink> {
  if (!isWellFormedToken(token)) return { state: 'unknown' };
  const link = await deps.feedback.findLinkByTokenHash(hashToken(token));
  const state = linkState(link, deps.now());
  return state === 'ok' && link ? { state, link } : { state: state === 'ok' ? 'unknown' : state };
}
