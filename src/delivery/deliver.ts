/**
 * Delivers one outbox message to Teams, at least once. One sender at a time holds a message (an
 * ETag-guarded claim that runs out after `claimMs`); throttling and passing faults are retried,
 * short waits here and long ones back on the queue, until the message's day has passed, when it
 * becomes `stale`. Nothing is ever given up on early, and the last word is always written down:
 * `sent`, `unreachable` (blocked, or Hearth not installed), `failed` (Teams refused the message
 * itself: 400, 413) or `stale`, each visible in the outbox and the activity log.
 *
 * Duplicates: when Teams may have taken a send without Hearth hearing back (an answer lost, a
 * sender stopped between Teams taking a card and "sent" being written), the next successful send
 * may show the card twice. Such sends are recorded as `delivery.possibly-duplicated`. In every
 * other case a message is sent once: a claim is only taken over after it has run out, and a
 * sender never starts a send it could not finish within its claim.
 */
import { londonDate } from '../domain/dates';
import { isPastItsDay, SETTLED_STATUSES } from '../domain/outbox';
import { reserveConversation } from './conversation-window';
import { claimMessage, claimTimeLeft, markStale } from './delivery-claim';
import type { DeliveryDeps, DeliveryResult } from './delivery-types';
import type { OutboxQueueMessage } from './outbox-queue';
import { sendClaimed } from './send-attempts';

export type { BotSender, DeliveryDeps, DeliveryLog, DeliveryOptions, DeliveryResult } from './delivery-types';
export { DEFAULT_DELIVERY_OPTIONS, DELIVERY_LOG } from './delivery-types';

/** A queue message that comes back before the send time waits again, unless it is nearly due. */
const EARLY_MS = 1000;

export async function deliver(deps: DeliveryDeps, queued: OutboxQueueMessage): Promise<DeliveryResult> {
  const current = await deps.store.outbox.get(queued.id, queued.recipientId);
  if (!current) return { outcome: 'missing' };
  if (current.status === 'sent') return { outcome: 'already-sent' };
  if (SETTLED_STATUSES.has(current.status))
    return { outcome: current.status as 'failed' | 'unreachable' | 'stale' };
  const now = deps.now();
  // Someone else is sending it: come back once their claim has run out, whatever happens to them.
  const held = claimTimeLeft(current, now.getTime(), deps.options.claimMs);
  if (held > 0) return { outcome: 'deferred', retryInMs: held + 1000, reason: 'another sender holds it' };
  if (isPastItsDay(current, londonDate(now))) {
    await markStale(deps, current);
    return { outcome: 'stale' };
  }
  const early = Date.parse(current.sendAt) - now.getTime();
  if (early > EARLY_MS) return { outcome: 'deferred', retryInMs: early, reason: 'not due yet' };
  // Three round trips at once: the claim, the person, and a first moment in their chat (which is
  // simply not used if the claim goes to another sender).
  const [claim, person, reservation] = await Promise.all([
    claimMessage(deps, current),
    deps.store.people.get(current.recipientId, current.teamId),
    reserveConversation(
      deps.store.outbox.container,
      current.recipientId,
      () => deps.now().getTime(),
      deps.options.conversationSlackMs,
    ),
  ]);
  if (!claim) return { outcome: 'deferred', retryInMs: 1000, reason: 'another sender claimed it first' };
  return sendClaimed(deps, claim, person, reservation);
}
