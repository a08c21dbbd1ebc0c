/**
 * Only the person a card is for may act on it. The card's outbox id says whose it is; the person
 * pressing is matched by their Entra object id. Anyone else is refused and nothing changes.
 */
import type { MessageKind, OutboxMessage } from '../domain/outbox';
import { ownerOfMessage } from '../domain/outbox';
import type { Person } from '../domain/types';
import type { Store } from '../store/store';
import type { Refusal } from './card-outcome';

export async function ownCard(
  store: Store,
  cardId: string,
  actor: Person | undefined,
  kinds: readonly MessageKind[],
): Promise<{ actor: Person; message: OutboxMessage } | { refused: Refusal }> {
  const ownerId = ownerOfMessage(cardId, kinds);
  if (!ownerId || !actor || actor.id !== ownerId) return { refused: 'not-your-card' };
  const message = await store.outbox.get(cardId, ownerId);
  return message ? { actor, message } : { refused: 'card-gone' };
}
