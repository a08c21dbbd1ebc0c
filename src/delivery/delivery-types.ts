/**
 * What delivery is made of: the sender, the options, the dependencies and the result. Kept apart
 * from deliver.ts so the parts of delivery can share them without importing each other.
 */
import type { OutboxMessage } from '../domain/outbox';
import type { Person } from '../domain/types';
import type { Store } from '../store/store';
import type { RateLimiter } from './rate-limiter';

/** The one thing delivery needs from Teams: send an activity into a stored conversation. */
export interface BotSender {
  send(
    conversationReference: Record<string, unknown>,
    activity: Record<string, unknown>,
  ): Promise<string | undefined>;
}

export interface DeliveryOptions {
  /** Tries within one delivery before the message goes back to the queue. */
  attemptsPerDelivery: number;
  /** The first backoff after a passing fault; it doubles with each try. */
  baseBackoffMs: number;
  /** The longest wait made inside a function; anything longer goes back to the queue, hidden. */
  maxInlineWaitMs: number;
  /** The longest time between tries (backoff and Retry-After are both capped by it). */
  maxRetryIntervalMs: number;
  /** A send with no answer by then is treated as a passing fault that may have reached Teams. */
  sendTimeoutMs: number;
  /** How long a claim lasts; after that another sender may take the message over. */
  claimMs: number;
  /** Room left at the end of a claim for writing the outcome, and for clocks that disagree a little. */
  claimMarginMs: number;
  /** Longest time from reserving a moment in a person's chat to the send beginning. */
  conversationSlackMs: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  attemptsPerDelivery: 5,
  baseBackoffMs: 1000,
  maxInlineWaitMs: 5000,
  maxRetryIntervalMs: 600_000,
  sendTimeoutMs: 15_000,
  claimMs: 60_000,
  claimMarginMs: 5000,
  conversationSlackMs: 5000,
};

/** Errors and warnings for the operators, by id only. */
export type DeliveryLog = (
  level: 'warn' | 'error',
  message: string,
  details: Record<string, string | number | boolean>,
) => void;

export interface DeliveryDeps {
  store: Store;
  sender: BotSender;
  limiter: RateLimiter;
  render(message: OutboxMessage, person: Person): Record<string, unknown>;
  now(): Date;
  sleep(ms: number): Promise<void>;
  options: DeliveryOptions;
  log: DeliveryLog;
}

export type DeliveryResult =
  | { outcome: 'sent' | 'already-sent' | 'unreachable' | 'failed' | 'stale' | 'missing' }
  /** Put off: the caller puts the message back on the queue, hidden for `retryInMs`. */
  | { outcome: 'deferred'; retryInMs: number; reason: string };

/**
 * How delivery's errors and warnings begin: the alerts in infra/app/alerts.bicep search the logs
 * for these words (a test keeps the two in step).
 */
export const DELIVERY_LOG = {
  credentials: 'delivery: credential or permission fault',
  stale: 'delivery: not delivered before its day ended, now stale',
  refused: 'delivery: Teams refused the message',
  cardNotMade: 'delivery: the card could not be made',
} as const;
