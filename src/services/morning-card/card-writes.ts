/**
 * Writes to a card's outbox message that many presses may make at once (a dozen taps on one card, a
 * phone and a laptop together), patiently (src/services/patient-update.ts), so every press gets its
 * answer rather than an error. Claiming an item is one such write: the first press to claim it records; any later one is told
 * what was already recorded, and records nothing.
 */
import type { CardUpdate, OutboxMessage } from '../../domain/outbox';
import type { Store } from '../../store/store';
import { updatePatiently } from '../patient-update';

/** Changes a card's outbox message; the message as it now stands (or as given, if it has gone). */
export async function updateCard(
  store: Store,
  message: OutboxMessage,
  change: (current: OutboxMessage) => OutboxMessage | undefined,
): Promise<OutboxMessage> {
  const { item } = await updatePatiently(store.outbox, message.id, message.recipientId, change);
  return item ?? message;
}

/**
 * Claims an item on a card for one update. `won` is false when something was recorded for it
 * first (by another press): then `message` shows what that was, and nothing should be recorded.
 */
export async function claimItem(
  store: Store,
  message: OutboxMessage,
  key: string,
  update: CardUpdate,
): Promise<{ won: boolean; message: OutboxMessage }> {
  const { item, written } = await updatePatiently(store.outbox, message.id, message.recipientId, (m) =>
    m.updates?.[key] ? undefined : { ...m, updates: { ...(m.updates ?? {}), [key]: update } },
  );
  return { won: written, message: item ?? message };
}

/** Gives a claim back when recording failed, so the card does not say something that did not happen. */
export async function releaseItem(
  store: Store,
  message: OutboxMessage,
  key: string,
  update: CardUpdate,
): Promise<void> {
  await updatePatiently(store.outbox, message.id, message.recipientId, (m) => {
    if (JSON.stringify(m.updates?.[key]) !== JSON.stringify(update)) return undefined;
    const { [key]: _released, ...rest } = m.updates ?? {};
    void _released;
    return { ...m, updates: rest };
  });
}
