/**
 * Sends one queued outbox message to Teams: renders its card as the recipient will see it and
 * hands it to delivery, which claims, sends within the shared rate limit, and settles it.
 */
import { londonDate } from '../domain/dates';
import { outboxActivity } from '../cards/teams-activity';
import type { DeliveryOutcome } from '../delivery/deliver';
import { deliver } from '../delivery/deliver';
import type { OutboxQueueMessage } from '../delivery/outbox-queue';
import type { Deps } from './deps';

export function sendMessage(
  deps: Pick<Deps, 'store' | 'sender' | 'limiter' | 'deliveryOptions' | 'config' | 'now'>,
  queued: OutboxQueueMessage,
  dequeueCount: number,
): Promise<DeliveryOutcome> {
  return deliver(
    {
      store: deps.store,
      sender: deps.sender,
      limiter: deps.limiter,
      render: (message, person) =>
        outboxActivity(message, person, deps.config.caseRecordUrlTemplate, londonDate(deps.now())),
      now: deps.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      options: deps.deliveryOptions,
    },
    queued,
    dequeueCount,
  );
}
