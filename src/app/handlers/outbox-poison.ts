/**
 * Queue trigger on hearth-outbox-poison: a message the sender gave up on is never silent. It is
 * settled as failed, written to the activity log for the team's manager and the admins, and logged
 * as an error, all by id.
 */
import { outboxQueueMessageSchema } from '../../delivery/outbox-queue';
import { poisonQueueName, QUEUE_NAMES } from '../../delivery/queues';
import { recordUnreadable, settlePoisoned } from '../../services/settle-poisoned';
import type { QueueFunction } from '../function-types';
import type { ServicesProvider } from '../root';

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
      const outcome = await settlePoisoned(s, parsed.data);
      context.error('outbox-poison: gave up sending', outcome);
    },
  };
}
