/**
 * Sends one queued outbox message to Teams: renders its card as the recipient will see it and
 * hands it to delivery, which claims, sends within the shared rate, and settles it. A message put
 * off (throttled for long, an outage, a credential fault) goes back on the queue, hidden until its
 * next try, rather than keeping a function asleep.
 */
import { londonDate } from '../domain/dates';
import { outboxActivity } from '../cards/teams-activity';
import type { DeliveryLog, DeliveryResult } from '../delivery/deliver';
import { deliver } from '../delivery/deliver';
import type { OutboxQueueMessage } from '../delivery/outbox-queue';
import { requeue } from '../delivery/outbox-queue';
import type { Deps } from './deps';

export type SendDeps = Pick<
  Deps,
  'store' | 'queues' | 'sender' | 'limiter' | 'deliveryOptions' | 'config' | 'now'
>;

export async function sendMessage(
  deps: SendDeps,
  queued: OutboxQueueMessage,
  log: DeliveryLog,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<DeliveryResult> {
  const result = await deliver(
    {
      store: deps.store,
      sender: deps.sender,
      limiter: deps.limiter,
      render: (message, person) =>
        outboxActivity(message, person, deps.config.caseRecordUrlTemplate, londonDate(deps.now())),
      now: deps.now,
      sleep,
      options: deps.deliveryOptions,
      log,
    },
    queued,
  );
  if (result.outcome === 'deferred') await requeue(deps.queues, queued, result.retryInMs);
  return result;
}
