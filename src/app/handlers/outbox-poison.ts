/**
 * Queue trigger on hearth-outbox-poison: a message whose handling kept failing is never silent and
 * never dropped. It goes back on the send queue after a wait (or is marked stale once its day has
 * passed), is written to the activity log, and is logged as an error, all by id.
 */
import { outboxQueueMessageSchema } from '../../delivery/outbox-queue';
import { poisonQueueName, QUEUE_NAMES } from '../../delivery/queues';
import { recordUnreadable, settlePoisoned } from '../../services/settle-poisoned';
import type { QueueFunction } from '../function-types';
import type { ServicesProvider } from '../root';
import { deliveryLog } from './send-outbox';

export function outboxPoisonFunction(services: ServicesProvider): QueueFunction {
  return {
    kind: 'queue',
    name: 'outbox-poison',
    queueName: poisonQueueName(QUEUE_NAMES.outbox),
    async handler(message, context) {
      const s = await services();
      const parsed = outboxQueueMessageSchema.safeParse(message);
      if (!parsed.success) {
        context.error('outbox-poison: a message that is not an outbox message', {
          invocationId: context.invocationId,
        });
        await recordUnreadable(s, context.invocationId);
        return;
      }
      const outcome = await settlePoisoned(s, parsed.data, deliveryLog(context));
      context.error('outbox-poison: sending kept failing', outcome);
    },
  };
}
