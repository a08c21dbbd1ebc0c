/**
 * The steps every morning card button shares before it records anything: find the card and item,
 * and stop if the item was already recorded from this card or, for seen and booked, elsewhere
 * since the card was made; in those cases the card is shown as it now stands, saying what was
 * already recorded.
 */
import type { Store } from '../../store/store';
import type { CardOutcome } from '../card-outcome';
import type { CardPress, Located } from './locate-item';
import { changedSince, locateItem, noteOnCard } from './locate-item';

export interface PrepareOptions {
  /** A reminder may replace an earlier reminder (never something recorded). */
  snooze: boolean;
  /** Look for a visit or booking recorded elsewhere since the card was made. */
  checkElsewhere: boolean;
}

export async function prepare(
  store: Store,
  press: CardPress,
  options: PrepareOptions,
): Promise<Located | { outcome: CardOutcome }> {
  const located = await locateItem(store, press);
  if ('outcome' in located) return located;
  const { actor, message, item } = located;
  const recorded = message.updates?.[item.key];
  if (recorded && !(options.snooze && recorded.kind === 'snoozed'))
    return { outcome: { show: 'morning', message, owner: actor, already: item.key } };
  if (options.checkElsewhere) {
    const changed = await changedSince(store, located);
    if (changed) {
      const updated = await noteOnCard(store, message, item.key, changed);
      return { outcome: { show: 'morning', message: updated, owner: actor } };
    }
  }
  return located;
}
