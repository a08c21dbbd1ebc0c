/**
 * Queue trigger on hearth-outbox: sends one planned message to Teams. A message that cannot be
 * read is an error that lands in the poison queue, which outbox-poison watches.
 */
import { deliver } from '../../delivery/deliver';
import { outboxQueueMessageSchema } from '../../delivery/outbox';
import { outboxActivity } from '../../delivery/activities';
import { QUEUE_NAMES } from '../../delivery/queues';
import type { QueueFunction } from '../function-types';
import { services } from '../services';

export const sendOutboxFunction: QueueFunction = {
  kind: 'queue',
  name: 'send-outbox',
  queueName: QUEUE_NAMES.outbox,
  async handler(message, context) {
    const parsed = outboxQueueMessageSchema.safeParse(message);
    if (!parsed.success)
      throw new Error(
        `send-outbox: not an outbox message (${parsed.error.issues[0]?.message ?? 'unreadable'})`,
      );
    const s = await services();
    const dequeueCount = Number(context.triggerMetadata?.dequeueCount ?? 1);
    const outcome = await deliver(
      {
        store: s.store,
        sender: s.sender,
        limiter: s.limiter,
        render: (m, person) => outboxActivity(m, person, s.config.caseRecordUrlTemplate),
        now: s.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        options: s.deliveryOptions,
      },
      parsed.data,
      dequeueCount,
    );
    context.log('send-outbox: delivered', { id: parsed.data.id, outcome });
  },
};
