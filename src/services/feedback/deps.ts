/**
 * What the family feedback use cases need, passed in explicitly: the repository, the clock, and
 * the hook that runs after a family sends their answers (the lead's Teams side wires it to the
 * practitioner's card and, for a possible worry, the alert cards through the outbox).
 */
import type { FeedbackResponse, Screening } from '../../domain/feedback-types';
import type { FeedbackRepository } from '../../store/feedback-repository';

/**
 * Awaited after a response is stored and its link closed. It may run more than once for one
 * response (a retry after a crash), so what it does must be idempotent, for example outbox
 * messages with ids made from `response.id`.
 */
export type FeedbackSubmittedHook = (response: FeedbackResponse, screening: Screening) => Promise<void>;

/** Until the Teams side is wired in, nothing happens after a submit beyond storing it. */
export const doNothingOnSubmitted: FeedbackSubmittedHook = () => Promise.resolve();

export interface FeedbackDeps {
  feedback: FeedbackRepository;
  now: () => Date;
  onSubmitted: FeedbackSubmittedHook;
  /** Ids only, never answers. */
  log?: (message: string, details: Record<string, string | number | boolean>) => void;
}
