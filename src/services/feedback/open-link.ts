/**
 * Finds the link a family's token opens, and whether it can still be answered. A malformed token
 * never reaches the store.
 */
import type { LinkState } from '../../domain/feedback-links';
import { isWellFormedToken, linkState } from '../../domain/feedback-links';
import type { FeedbackLink } from '../../domain/feedback-types';
import type { FeedbackRepository } from '../../store/feedback-repository';
import { hashToken } from './tokens';

export type OpenedLink =
  | { state: 'ok'; link: FeedbackLink; /** As read, for a write that needs no second read. */ etag: string }
  | { state: Exclude<LinkState, 'ok'> };

export async function openFeedbackLink(
  deps: { feedback: FeedbackRepository; now: () => Date },
  token: string,
): Promise<OpenedLink> {
  if (!isWellFormedToken(token)) return { state: 'unknown' };
  const found = await deps.feedback.findLinkByTokenHash(hashToken(token));
  const state = linkState(found?.link, deps.now());
  if (state !== 'ok') return { state };
  return found ? { state, link: found.link, etag: found.etag } : { state: 'unknown' };
}
