/**
 * The outbox, not the queue, is the record of what must still be sent. This sweep finds unsent
 * messages that no queue message will bring back (a crash between writing the outbox and queueing,
 * a queue message lost, a sender that died holding one) and queues them again; and it marks stale
 * those whose day has passed, so that none is left waiting for ever. It runs with the morning
 * planner, every 15 minutes.
 */
import { londonDate } from '../domain/dates';
import { isPastItsDay } from '../domain/outbox';
import type { DeliveryLog } from '../delivery/deliver';
import { claimTimeLeft, markStale } from '../delivery/delivery-claim';
import { requeue } from '../delivery/outbox-queue';
import { mapLimit } from '../util/map-limit';
import type { Deps } from './deps';

/** A message this long past its next try is taken to have no queue message bringing it. */
export const SWEEP_GRACE_MS = 10 * 60_000;

export interface SweepResult {
  requeued: number;
  stale: number;
}

export async function sweepOutbox(
  deps: Pick<Deps, 'store' | 'queues' | 'deliveryOptions'>,
  now: Date,
  log: DeliveryLog,
): Promise<SweepResult> {
  const unsettled = await deps.store.outbox.query("c.status = 'pending' OR c.status = 'sending'");
  const today = londonDate(now);
  const result: SweepResult = { requeued: 0, stale: 0 };
  await mapLimit(unsettled, 16, async (message) => {
    if (claimTimeLeft(message, now.getTime(), deps.deliveryOptions.claimMs) > 0) return;
    if (isPastItsDay(message, today)) {
      if (await markStale({ store: deps.store, now: () => now, log }, message)) result.stale += 1;
      return;
    }
    const due = Date.parse(message.nextTryAt ?? message.sendAt);
    if (due > now.getTime() - SWEEP_GRACE_MS) return;
    await requeue(deps.queues, message, 0);
    result.requeued += 1;
  });
  return result;
}
