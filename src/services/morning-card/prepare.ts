/**
 * The steps every morning card button shares before it records anything: find the card and item,
 * and stop if the item was already recorded from this card or, for seen and booked, elsewhere
 * since the card was made; in those cases the card is shown as it now stands.
 */
import type { Store } from '../../store/store';
import type { CardOutcome } from '../card-outcome';
import type { CardPress, Located } from './locate-item';
import { changedSince, locateItem, noteOnCard } from './locate-item';

export async function prepare(
  store: Store,
  press: CardPress,
  options: { repeatable: boolean; checkElsewhere: boolean },
): Promise<Located | { outcome: CardOutcome }> {
  const located = await locateItem(store, press);
  if ('outcome' in located) return located;
  const { actor, message, item } = located;
  if (message.updates?.[item.key] && !options.repeatable)
    return { outcome: { show: 'morning', message, owner: actor } };
  if (options.checkElsewhere) {
    const changed = await changedSince(store, located);
    if (changed) {
      const updated = await noteOnCard(store, message, item.key, changed);
      return { outcome: { show: 'morning', message: updated, owner: actor } };
    }
  }
  return located;
}
