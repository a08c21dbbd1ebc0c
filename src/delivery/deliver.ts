/**
 * Sends one outbox message to Teams, exactly once as far as Hearth can make it: a message already
 * sent is never sent again; two deliveries of the same queue message cannot both send (the claim is
 * an ETag-guarded write); throttling and passing faults are retried; people who have blocked the
 * bot are marked unreachable so their manager can see it; and the last failure is loud.
 */
import type { OutboxMessage } from '../domain/outbox';
import type { Person } from '../domain/types';
import type { Stored } from '../store/repository';
import { isStatus } from '../store/repository';
import type { Store } from '../store/store';
import type { OutboxQueueMessage } from './outbox-queue';
import { MAX_DEQUEUE_COUNT } from './queues';
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
  maxDequeueCount: MAX_DEQUEUE_COUNT,
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
  const current = await deps.store.outbox.get(queued.id, queued.recipientId);
  if (!current) return 'missing';
  if (current.status === 'sent') return 'already-sent';
  if (current.status === 'unreachable' || current.status === 'failed') return current.status;
  const claimed = await claim(deps, current);
  const settle = (change: Partial<OutboxMessage>) =>
    deps.store.outbox.update(claimed.id, claimed.recipientId, (m) => ({ ...m, ...change }));

  const person = await deps.store.people.get(claimed.recipientId, claimed.teamId);
  if (!person?.conversationReference || person.reachability === 'unreachable') {
    await settle({
      status: 'unreachable',
      lastError: person ? 'Hearth is not installed in their Teams' : 'person not found',
    });
    return 'unreachable';
  }

  const result = await sendWithRetries(deps, claimed, person, person.conversationReference, settle);
  if (result.outcome) return result.outcome;
  if (dequeueCount >= deps.options.maxDequeueCount) {
    await settle({ status: 'failed', attempts: result.attempts, lastError: result.lastError });
    // Thrown so the message lands in the poison queue, where it is watched.
    throw new Error(`${claimed.id}: gave up after ${result.attempts} attempts (${result.lastError})`);
  }
  await settle({ status: 'pending', attempts: result.attempts, lastError: result.lastError });
  throw new RetryLater(`${claimed.id}: ${result.lastError}; the queue will try again`);
}

/** Claims the message for this worker: only one worker may hold a message at a time. */
async function claim(deps: DeliveryDeps, current: OutboxMessage & Stored): Promise<OutboxMessage> {
  const now = deps.now();
  if (current.status === 'sending' && current.sendingSince) {
    const age = now.getTime() - Date.parse(current.sendingSince);
    if (age < deps.options.staleClaimMs)
      throw new RetryLater(`${current.id} is being sent by another worker`);
  }
  const { _etag, _ts, ...plain } = current;
  void _ts;
  const claimed: OutboxMessage = { ...plain, status: 'sending', sendingSince: now.toISOString() };
  try {
    await deps.store.outbox.replaceIfUnchanged(claimed, _etag);
  } catch (error) {
    if (isStatus(error, 412)) throw new RetryLater(`${current.id} was claimed by another worker`);
    throw error;
  }
  return claimed;
}

type Settle = (change: Partial<OutboxMessage>) => Promise<unknown>;

/** Tries to send within this delivery: an outcome when settled, else what the last try met. */
async function sendWithRetries(
  deps: DeliveryDeps,
  claimed: OutboxMessage,
  person: Person,
  reference: Record<string, unknown>,
  settle: Settle,
): Promise<{ outcome?: DeliveryOutcome; attempts: number; lastError: string }> {
  const { options } = deps;
  const activity = deps.render(claimed, person);
  let attempts = claimed.attempts;
  let lastError = '';
  for (let tryNo = 1; tryNo <= options.attemptsPerDelivery; tryNo++) {
    attempts += 1;
    await deps.limiter.take();
    try {
      const activityId = await withTimeout(deps.sender.send(reference, activity), options.sendTimeoutMs);
      await settle({
        status: 'sent',
        attempts,
        sentAt: deps.now().toISOString(),
        ...(activityId ? { activityId } : {}),
      });
      return { outcome: 'sent', attempts, lastError };
    } catch (error) {
      const failure = classify(error);
      if (failure.kind === 'unreachable') {
        await deps.store.people.update(person.id, person.teamId, (p) => ({
          ...p,
          reachability: 'unreachable',
        }));
        await settle({ status: 'unreachable', attempts, lastError: failure.reason });
        return { outcome: 'unreachable', attempts, lastError };
      }
      if (failure.kind === 'permanent') {
        await settle({ status: 'failed', attempts, lastError: failure.reason });
        return { outcome: 'failed', attempts, lastError };
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
  return { attempts, lastError };
}
