/**
 * Queue trigger on hearth-outbox: sends one planned message to Teams, or puts it back on the queue
 * for later. A message that cannot be read is an error that lands in the poison queue, which
 * outbox-poison watches; so does one whose handling kept failing (the store unreachable, say).
 */
import type { InvocationContext } from '@azure/functions';
import type { DeliveryLog } from '../../delivery/deliver';
import { outboxQueueMessageSchema } from '../../delivery/outbox-queue';
import { QUEUE_NAMES } from '../../delivery/queues';
import { sendMessage } from '../../services/send-message';
import type { QueueFunction } from '../function-types';
import type { ServicesProvider } from '../root';

export const deliveryLog =
  (context: InvocationContext): DeliveryLog =>
  (level, message, details) =>
    level === 'error' ? context.error(message, details) : context.warn(message, details);

export function sendOutboxFunction(services: ServicesProvider): QueueFunction {
  return {
    kind: 'queue',
    name: 'send-outbox',
    queueName: QUEUE_NAMES.outbox,
    async handler(message, context) {
      const parsed = outboxQueueMessageSchema.safeParse(message);
      if (!parsed.success)
        throw new Error(
          `send-outbox: not an outbox message (${parsed.error.issues[0]?.message ?? 'unreadable'})`,
        );
      const result = await sendMessage(await services(), parsed.data, deliveryLog(context));
      context.log('send-outbox: delivered', { id: parsed.data.id, ...result });
    },
  };
}
