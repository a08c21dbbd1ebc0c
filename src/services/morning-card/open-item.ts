/**
 * A practitioner opens an item's Update form, or goes back to the morning card.
 */
import type { Deps } from '../deps';
import type { CardOutcome } from '../card-outcome';
import type { CardPress } from './locate-item';
import { locateItem } from './locate-item';
import { prepare } from './prepare';

export async function openItem(deps: Pick<Deps, 'store'>, press: CardPress): Promise<CardOutcome> {
  const located = await prepare(deps.store, press, { repeatable: false, checkElsewhere: true });
  if ('outcome' in located) return located.outcome;
  return { show: 'item-form', message: located.message, item: located.item };
}

export async function showMorningCard(deps: Pick<Deps, 'store'>, press: CardPress): Promise<CardOutcome> {
  const located = await locateItem(deps.store, { ...press, item: undefined });
  return 'outcome' in located
    ? located.outcome
    : { show: 'morning', message: located.message, owner: located.actor };
}
