/**
 * Sends one outbox message to Teams, exactly once as far as Hearth can make it: a message already
 * sent is never sent again; two deliveries of the same queue message cannot both send (the claim is
 * an ETag-guarded write); throttling and passing faults are retried; people who have blocked the
 * bot are marked unreachable so their manager can see it; and the last failure is loud.
 */
import type { Person } from '../domain/types';
import { isStatus } from '../store/repository';
import type { Store } from '../store/store';
import type { OutboxMessage, OutboxQueueMessage } from './outbox';
import type { RateLimiter } from './rate-limiter';
import { backoffMs, classify, SendTimeoutError } from './send-policy';

/** The one thing delivery needs from Teams: send an activity into a stored conversation. */
export interface BotSender {
  send(
    conversationReference: Record<string, unknown>,
    activity: Record<string, unknown>,
  ): Promise<string | undefined>;
}

export interface DeliveryOptions {
  /** Tries within one queue delivery before handing back to the queue. */
  attemptsPerDelivery: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** A send with no answer by then is treated as a passing fault. */
  sendTimeoutMs: number;
  /** A claim older than this is taken to be from a sender that died. */
  staleClaimMs: number;
  /** The queue's dequeue count at which this is the last chance. */
  maxDequeueCount: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  attemptsPerDelivery: 5,
  baseBackoffMs: 500,
  maxBackoffMs: 8_000,
  sendTimeoutMs: 15_000,
  staleClaimMs: 120_000,
  maxDequeueCount: 5,
};

export interface DeliveryDeps {
  store: Store;
  sender: BotSender;
  limiter: RateLimiter;
  render(message: OutboxMessage, person: Person): Record<string, unknown>;
  now(): Date;
  sleep(ms: number): Promise<void>;
  options: DeliveryOptions;
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'unreachable' | 'failed' | 'missing';

/** Thrown to give a message back to the queue for a later try. */
export class RetryLater extends Error {
  override name = 'RetryLater';
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SendTimeoutError(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function deliver(
  deps: DeliveryDeps,
  queued: OutboxQueueMessage,
  dequeueCount: number,
): Promise<DeliveryOutcome> {
  const { store, options } = deps;
  const current = await store.nudges.get(queued.id, queued.practitionerId);
  if (!current) return 'missing';
  if (current.status === 'sent') return 'already-sent';
  if (current.status === 'unreachable' || current.status === 'failed') return current.status;
  const now = deps.now();
  if (current.status === 'sending' && current.sendingSince) {
    const age = now.getTime() - Date.parse(current.sendingSince);
    if (age < options.staleClaimMs) throw new RetryLater(`${current.id} is being sent by another worker`);
  }

  // Claim it: only one worker may hold a message at a time.
  let claimed: OutboxMessage;
  try {
    const { _etag, _ts, ...plain } = current;
    void _ts;
    claimed = { ...plain, status: 'sending', sendingSince: now.toISOString() };
    await store.nudges.replaceIfUnchanged(claimed, _etag);
  } catch (error) {
    if (isStatus(error, 412)) throw new RetryLater(`${current.id} was claimed by another worker`);
    throw error;
  }

  const settle = (change: Partial<OutboxMessage>) =>
    store.nudges.update(claimed.id, claimed.practitionerId, (m) => ({ ...m, ...change }));

  const person = await store.people.get(claimed.practitionerId, claimed.teamId);
  if (!person?.conversationReference || person.reachability === 'unreachable') {
    await settle({
      status: 'unreachable',
      lastError: person ? 'Hearth is not installed in their Teams' : 'person not found',
    });
    return 'unreachable';
  }

  const activity = deps.render(claimed, person);
  let attempts = claimed.attempts;
  let lastError = '';
  for (let tryNo = 1; tryNo <= options.attemptsPerDelivery; tryNo++) {
    attempts += 1;
    await deps.limiter.take();
    try {
      const activityId = await withTimeout(
        deps.sender.send(person.conversationReference, activity),
        options.sendTimeoutMs,
      );
      await settle({
        status: 'sent',
        attempts,
        sentAt: deps.now().toISOString(),
        ...(activityId ? { activityId } : {}),
      });
      return 'sent';
    } catch (error) {
      const failure = classify(error);
      if (failure.kind === 'unreachable') {
        await store.people.update(person.id, person.teamId, (p) => ({ ...p, reachability: 'unreachable' }));
        await settle({ status: 'unreachable', attempts, lastError: failure.reason });
        return 'unreachable';
      }
      if (failure.kind === 'permanent') {
        await settle({ status: 'failed', attempts, lastError: failure.reason });
        return 'failed';
      }
      if (failure.kind === 'throttled') {
        lastError = '429 throttled';
        // The limit is the app's, not this message's: everyone slows down, and this one waits as asked.
        deps.limiter.throttled();
        await deps.sleep(failure.retryAfterMs);
      } else {
        lastError = failure.reason;
        await deps.sleep(backoffMs(tryNo, options.baseBackoffMs, options.maxBackoffMs));
      }
    }
  }

  if (dequeueCount >= options.maxDequeueCount) {
    await settle({ status: 'failed', attempts, lastError });
    // Thrown so the message lands in the poison queue, where it is watched.
    throw new Error(`${claimed.id}: gave up after ${attempts} attempts (${lastError})`);
  }
  await settle({ status: 'pending', attempts, lastError });
  throw new RetryLater(`${claimed.id}: ${lastError}; the queue will try again`);
}
