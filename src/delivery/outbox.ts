/**
 * The outbox: one document per planned message (a morning bundle or a timely nudge), with a
 * deterministic id, so planning twice never sends twice. Partitioned by practitioner.
 */
import { z } from 'zod/v4';
import type { TeamDigest } from '../domain/digest';
import type { RollUp } from '../domain/digest-access';
import type { MorningBundle, Nudge } from '../domain/planner';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'unreachable'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxMessage {
  id: string;
  practitionerId: string;
  teamId: string;
  /** London date the message belongs to. */
  date: string;
  /** The morning card, a timely nudge, a manager's digest or roll-up, or a kind word from a manager. */
  kind: 'morning' | 'nudge' | 'digest' | 'rollup' | 'word';
  status: OutboxStatus;
  attempts: number;
  /** A short reason, never message content. */
  lastError?: string;
  createdAt: string;
  /** When it should go (nudges wait for their time). */
  sendAt: string;
  sendingSince?: string;
  sentAt?: string;
  /** The Teams activity id, so the card can be updated in place later. */
  activityId?: string;
  bundle?: MorningBundle;
  /** What the practitioner recorded from this card, by item key: shown on the card in place. */
  updates?: Record<string, string>;
  nudge?: Nudge;
  digest?: TeamDigest;
  rollup?: { weekStart: string; view: RollUp };
  /** A thank-you or an offer of help, from a manager to a practitioner. */
  word?: { title: string; text: string; preview: string; childId?: string };
}

/** What the queue carries: just enough to find the outbox document. */
export const outboxQueueMessageSchema = z.strictObject({
  id: z.string().min(1).max(300),
  practitionerId: z.string().min(1).max(128),
});
export type OutboxQueueMessage = z.infer<typeof outboxQueueMessageSchema>;
