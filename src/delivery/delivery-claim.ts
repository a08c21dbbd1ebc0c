/**
 * Holding a message while it is sent, and writing down what became of it. A claim is an
 * ETag-guarded write of `sending` with its start time; it runs out after `claimMs`, and only then
 * may another sender take the message over (a sender that died leaves it behind). Taking over
 * marks the message `mayHaveSent`: the sender that died may have reached Teams first.
 *
 * What happened is written to the activity log by id, under a deterministic id per message and
 * event, so writing it twice changes nothing.
 */
import type { OutboxMessage } from '../domain/outbox';
import { SETTLED_STATUSES } from '../domain/outbox';
import type { Stored } from '../store/repository';
import { isStatus, withoutSystemFields } from '../store/repository';
import type { Store } from '../store/store';
import type { DeliveryDeps } from './delivery-types';
import { DELIVERY_LOG } from './delivery-types';

export interface Claim {
  /** The message as claimed, then as last written by this sender. */
  message: OutboxMessage;
  etag: string;
  /** When the claim began (epoch ms). */
  since: number;
}

/** Milliseconds left on another sender's claim; 0 when there is none or it has run out. */
export function claimTimeLeft(message: OutboxMessage, now: number, claimMs: number): number {
  if (message.status !== 'sending' || !message.sendingSince) return 0;
  return Math.max(0, Date.parse(message.sendingSince) + claimMs - now);
}

/** Claims the message for this sender; undefined when another sender got there first. */
export async function claimMessage(
  deps: Pick<DeliveryDeps, 'store' | 'now'>,
  current: OutboxMessage & Stored,
): Promise<Claim | undefined> {
  const now = deps.now();
  const takingOver = current.status === 'sending';
  const message: OutboxMessage = {
    ...withoutSystemFields<OutboxMessage>(current),
    status: 'sending',
    sendingSince: now.toISOString(),
    ...(takingOver ? { mayHaveSent: true } : {}),
  };
  try {
    const saved = await deps.store.outbox.replaceIfUnchanged(message, current._etag);
    return { message, etag: saved._etag, since: now.getTime() };
  } catch (error) {
    if (isStatus(error, 412)) return undefined;
    throw error;
  }
}

/**
 * Writes what became of a claimed message. Returns false when someone else had changed it since
 * (only another sender, after this claim ran out): a `sent` is written all the same, since Teams
 * has the message; anything else is left to the sender that holds it now.
 */
export async function settle(
  deps: Pick<DeliveryDeps, 'store'>,
  claim: Claim,
  change: Partial<OutboxMessage>,
): Promise<boolean> {
  const next: OutboxMessage = { ...claim.message, ...change };
  try {
    const saved = await deps.store.outbox.replaceIfUnchanged(next, claim.etag);
    claim.message = next;
    claim.etag = saved._etag;
    return true;
  } catch (error) {
    if (!isStatus(error, 412)) throw error;
  }
  const mine = claim.message.sendingSince;
  await deps.store.outbox.update(next.id, next.recipientId, (m) =>
    (m.status === 'sending' && m.sendingSince === mine) || (change.status === 'sent' && m.status !== 'sent')
      ? { ...m, ...change }
      : undefined,
  );
  return false;
}

export type DeliveryAction =
  'delivery.stale' | 'delivery.failed' | 'delivery.possibly-duplicated' | 'delivery.returned-to-queue';

/** One line in the activity log about a message, ids and codes only. */
export async function recordDelivery(
  deps: { store: Store; now(): Date },
  message: OutboxMessage,
  action: DeliveryAction,
  details: Record<string, string | number | boolean> = {},
): Promise<void> {
  await deps.store.activity.upsert({
    id: `${message.id}:${action}`,
    teamId: message.teamId,
    at: deps.now().toISOString(),
    actor: 'delivery',
    action,
    details: {
      outboxId: message.id,
      recipientId: message.recipientId,
      date: message.date,
      kind: message.kind,
      attempts: message.attempts,
      ...(message.lastError ? { lastError: message.lastError } : {}),
      ...details,
    },
  });
}

/**
 * Marks a message whose day has passed as stale, and says so in the activity log and the logs.
 * Returns false when it had been settled meanwhile.
 */
export async function markStale(
  deps: Pick<DeliveryDeps, 'store' | 'now' | 'log'>,
  message: OutboxMessage,
): Promise<boolean> {
  let changed = false;
  const updated = await deps.store.outbox.update(message.id, message.recipientId, (m) => {
    changed = !SETTLED_STATUSES.has(m.status);
    if (!changed) return undefined;
    const { sendingSince: _claim, nextTryAt: _next, ...rest } = m;
    return { ...rest, status: 'stale' };
  });
  if (!updated || !changed) return false;
  const stale = withoutSystemFields<OutboxMessage>(updated);
  await recordDelivery(deps, stale, 'delivery.stale');
  deps.log('warn', DELIVERY_LOG.stale, {
    outboxId: stale.id,
    recipientId: stale.recipientId,
    attempts: stale.attempts,
    lastError: stale.lastError ?? 'none',
  });
  return true;
}
