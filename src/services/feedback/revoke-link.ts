/**
 * A practitioner takes a link back (sent to the wrong number, a family asked to stop). Any answers
 * saved so far are dropped with it; a response already sent stays.
 */
import { linkState } from '../../domain/feedback-links';
import type { FeedbackRepository } from '../../store/feedback-repository';

export type RevokeOutcome = 'revoked' | 'already-closed' | 'not-found';

export async function revokeFeedbackLink(
  deps: { feedback: FeedbackRepository; now: () => Date },
  input: { teamId: string; linkId: string; revokedBy: string },
): Promise<RevokeOutcome> {
  const now = deps.now();
  let outcome: RevokeOutcome = 'not-found';
  await deps.feedback.updateLink(input.teamId, input.linkId, (link) => {
    const state = linkState(link, now);
    if (state === 'used' || state === 'revoked') {
      outcome = 'already-closed';
      return undefined;
    }
    outcome = 'revoked';
    const { draft: _dropped, ...rest } = link;
    return { ...rest, revokedAt: now.toISOString(), revokedBy: input.revokedBy };
  });
  return outcome;
}
