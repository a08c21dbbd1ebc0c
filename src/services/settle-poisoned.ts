/**
 * A message the queue gave up on (its handling failed five times in a row: the store out of reach,
 * say) is never dropped. While its day lasts it goes back on the send queue after a wait; once its
 * day has passed it is marked stale. Either way the activity log says so, by id, and the caller
 * logs an error.
 */
import { randomUUID } from 'node:crypto';
import { londonDate } from '../domain/dates';
import { isPastItsDay, SETTLED_STATUSES } from '../domain/outbox';
import type { DeliveryLog } from '../delivery/deliver';
import { claimTimeLeft, markStale, recordDelivery } from '../delivery/delivery-claim';
import type { OutboxQueueMessage } from '../delivery/outbox-queue';
import { requeue } from '../delivery/outbox-queue';
import type { Deps } from './deps';

/** How long a poisoned message waits before it is tried again. */
export const POISON_RETURN_MS = 5 * 60_000;

export interface PoisonOutcome {
  id: string;
  recipientId: string;
  /** The outbox status after settling, or `missing`. */
  status: string;
  /** Put back on the send queue for another try. */
  returned: boolean;
}

export async function settlePoisoned(
  deps: Pick<Deps, 'store' | 'queues' | 'now' | 'deliveryOptions'>,
  queued: OutboxQueueMessage,
  log: DeliveryLog,
): Promise<PoisonOutcome> {
  const { id, recipientId } = queued;
  const stored = await deps.store.outbox.get(id, recipientId);
  if (!stored) return { id, recipientId, status: 'missing', returned: false };
  if (SETTLED_STATUSES.has(stored.status)) return { id, recipientId, status: stored.status, returned: false };
  const now = deps.now();
  const held = claimTimeLeft(stored, now.getTime(), deps.deliveryOptions.claimMs);
  if (held === 0 && isPastItsDay(stored, londonDate(now))) {
    await markStale({ store: deps.store, now: deps.now, log }, stored);
    return { id, recipientId, status: 'stale', returned: false };
  }
  const wait = Math.max(held + 1000, Math.min(POISON_RETURN_MS, deps.deliveryOptions.maxRetryIntervalMs));
  await requeue(deps.queues, queued, wait);
  await recordDelivery({ store: deps.store, now: deps.now }, stored, 'delivery.returned-to-queue', {
    waitSeconds: Math.ceil(wait / 1000),
  });
  return { id, recipientId, status: stored.status, returned: true };
}

/** A poisoned message that is not an outbox message at all: logged for the admins by invocation. */
export async function recordUnreadable(
  deps: Pick<Deps, 'store' | 'now'>,
  invocationId: string,
): Promise<void> {
  await deps.store.activity.upsert({
    id: randomUUID(),
    teamId: 'unknown',
    at: deps.now().toISOString(),
    actor: 'delivery',
    action: 'delivery.unreadable',
    details: { invocationId },
  });
}
