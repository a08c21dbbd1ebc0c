/**
 * Queue trigger on hearth-outbox: sends one planned message to Teams. A message that cannot be
 * read is an error that lands in the poison queue, which outbox-poison watches.
 */
import { outboxQueueMessageSchema } from '../../delivery/outbox-queue';
import { QUEUE_NAMES } from '../../delivery/queues';
import { sendMessage } from '../../services/send-message';
import type { QueueFunction } from '../function-types';
import type { ServicesProvider } from '../root';

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
      const dequeueCount = Number(context.triggerMetadata?.dequeueCount ?? 1);
      const outcome = await sendMessage(await services(), parsed.data, dequeueCount);
      context.log('send-outbox: delivered', { id: parsed.data.id, outcome });
    },
  };
}
