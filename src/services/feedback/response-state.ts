/**
 * What the Teams side records about a response: read by the practitioner, and a possible worry
 * acknowledged ("I've got this"). Both are set once; the first person and time stand.
 */
import type { FeedbackResponse } from '../../domain/feedback-types';
import type { FeedbackRepository } from '../../store/feedback-repository';

type Deps = { feedback: FeedbackRepository; now: () => Date };
type Target = { teamId: string; responseId: string; personId: string };

/** The response after the change, or undefined when there is no such response. */
export async function markFeedbackRead(deps: Deps, input: Target): Promise<FeedbackResponse | undefined> {
  const now = deps.now().toISOString();
  return deps.feedback.updateResponse(input.teamId, input.responseId, (r) =>
    r.readAt ? undefined : { ...r, readAt: now, readBy: input.personId },
  );
}

/** Acknowledging a worry also marks the response read: whoever has got it has read it. */
export async function acknowledgeFeedbackWorry(
  deps: Deps,
  input: Target,
): Promise<FeedbackResponse | undefined> {
  const now = deps.now().toISOString();
  return deps.feedback.updateResponse(input.teamId, input.responseId, (r) =>
    r.acknowledgedAt
      ? undefined
      : {
          ...r,
          acknowledgedAt: now,
          acknowledgedBy: input.personId,
          readAt: r.readAt ?? now,
          readBy: r.readBy ?? input.personId,
        },
  );
}
