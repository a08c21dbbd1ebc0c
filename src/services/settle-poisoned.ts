/**
 * A message the sender gave up on is never silent: it is marked failed in the outbox (if the sender
 * could not say so itself) and written to the activity log for the team's manager and the admins,
 * all by id. The caller logs the error.
 */
import { randomUUID } from 'node:crypto';
import type { OutboxQueueMessage } from '../delivery/outbox-queue';
import type { Deps } from './deps';

const SETTLED = new Set(['sent', 'failed', 'unreachable']);

export interface PoisonOutcome {
  id: string;
  recipientId: string;
  /** The outbox status after settling, or `missing`. */
  status: string;
}

export async function settlePoisoned(
  deps: Pick<Deps, 'store' | 'now'>,
  queued: OutboxQueueMessage,
): Promise<PoisonOutcome> {
  const { id, recipientId } = queued;
  const stored = await deps.store.outbox.get(id, recipientId);
  const settled =
    stored && !SETTLED.has(stored.status)
      ? await deps.store.outbox.update(id, recipientId, (m) =>
          SETTLED.has(m.status) ? m : { ...m, status: 'failed', lastError: m.lastError ?? 'gave up' },
        )
      : stored;
  await deps.store.activity.upsert({
    id: randomUUID(),
    teamId: stored?.teamId ?? 'unknown',
    at: deps.now().toISOString(),
    actor: 'delivery',
    action: 'delivery.failed',
    details: { outboxId: id, recipientId, attempts: stored?.attempts ?? 0 },
  });
  return { id, recipientId, status: settled?.status ?? 'missing' };
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
