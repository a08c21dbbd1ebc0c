/**
 * Queue trigger on hearth-outbox-poison: a message the sender gave up on is never silent. It is
 * marked failed in the outbox (if the sender could not say so itself), written to the activity log
 * for the team's manager and the admins, and logged as an error, all by id.
 */
import { randomUUID } from 'node:crypto';
import { outboxQueueMessageSchema } from '../../delivery/outbox';
import { poisonQueueName, QUEUE_NAMES } from '../../delivery/queues';
import type { QueueFunction } from '../function-types';
import { services } from '../services';

const SETTLED = new Set(['sent', 'failed', 'unreachable']);

export const outboxPoisonFunction: QueueFunction = {
  kind: 'queue',
  name: 'outbox-poison',
  queueName: poisonQueueName(QUEUE_NAMES.outbox),
  async handler(message, context) {
    const s = await services();
    const at = s.now().toISOString();
    const parsed = outboxQueueMessageSchema.safeParse(message);
    if (!parsed.success) {
      context.error('outbox-poison: a message that is not an outbox message', {
        invocationId: context.invocationId,
      });
      await s.store.activity.upsert({
        id: randomUUID(),
        teamId: 'unknown',
        at,
        actor: 'delivery',
        action: 'delivery.unreadable',
        details: { invocationId: context.invocationId },
      });
      return;
    }
    const { id, practitionerId } = parsed.data;
    const outbox = await s.store.nudges.get(id, practitionerId);
    if (outbox && !SETTLED.has(outbox.status)) {
      await s.store.nudges.update(id, practitionerId, (m) =>
        SETTLED.has(m.status) ? m : { ...m, status: 'failed', lastError: m.lastError ?? 'gave up' },
      );
    }
    context.error('outbox-poison: gave up sending', {
      id,
      practitionerId,
      status: outbox?.status ?? 'missing',
    });
    await s.store.activity.upsert({
      id: randomUUID(),
      teamId: outbox?.teamId ?? 'unknown',
      at,
      actor: 'delivery',
      action: 'delivery.failed',
      details: { outboxId: id, practitionerId, attempts: outbox?.attempts ?? 0 },
    });
  },
};
