/**
 * Getting outbox messages to the send queue: each message is written to the outbox under its
 * deterministic id if absent, and only then queued, hidden until its send time. What the queue
 * carries is just enough to find the outbox document.
 */
import { z } from 'zod/v4';
import type { OutboxMessage } from '../domain/outbox';
import type { Store } from '../store/store';
import { mapLimit } from '../util/map-limit';
import type { Queues } from './queues';
import { MAX_QUEUE_DELAY_SECONDS, QUEUE_NAMES } from './queues';

export const outboxQueueMessageSchema = z.strictObject({
  id: z.string().min(1).max(300),
  recipientId: z.string().min(1).max(128),
});
export type OutboxQueueMessage = z.infer<typeof outboxQueueMessageSchema>;

/** Puts an outbox message on the send queue, hidden until its send time. */
export function enqueue(
  queues: Queues,
  m: Pick<OutboxMessage, 'id' | 'recipientId' | 'sendAt'>,
  now: Date,
): Promise<void> {
  const wait = Math.max(0, Math.ceil((Date.parse(m.sendAt) - now.getTime()) / 1000));
  const message: OutboxQueueMessage = { id: m.id, recipientId: m.recipientId };
  return queues.send(QUEUE_NAMES.outbox, message, wait > 0 ? { visibilityTimeoutSeconds: wait } : undefined);
}

/**
 * Puts a message back on the send queue, hidden for `delayMs`: how delivery waits for longer than
 * a function should (a Retry-After of an hour, a long outage's backoff). A new queue message rather
 * than a change to the one being handled, because the Functions host owns that one (it renews and
 * then deletes it by its pop receipt), and the same call works under the local queue runner.
 */
export function requeue(queues: Queues, queued: OutboxQueueMessage, delayMs: number): Promise<void> {
  const seconds = Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(0, Math.ceil(delayMs / 1000)));
  const message: OutboxQueueMessage = { id: queued.id, recipientId: queued.recipientId };
  return queues.send(
    QUEUE_NAMES.outbox,
    message,
    seconds > 0 ? { visibilityTimeoutSeconds: seconds } : undefined,
  );
}

/**
 * Writes each message to the outbox if absent and queues the new ones: a second run (or a second
 * instance) cannot make a second message. Returns how many were queued.
 */
export async function writeAndQueue(
  store: Store,
  queues: Queues,
  messages: readonly OutboxMessage[],
  now: Date,
): Promise<number> {
  let queued = 0;
  await mapLimit(messages, 16, async (message) => {
    if (await store.outbox.createIfAbsent(message)) {
      await enqueue(queues, message, now);
      queued += 1;
    }
  });
  return queued;
}
