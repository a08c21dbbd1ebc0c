/**
 * A practitioner opens an item's Update form, or goes back to the morning card.
 */
import { londonDate } from '../../domain/dates';
import type { Deps } from '../deps';
import type { FormProblem } from '../../text/teams/item-form';
import type { CardOutcome, FormValues } from '../card-outcome';
import { itemForm } from './form-checks';
import type { CardPress } from './locate-item';
import { locateItem } from './locate-item';
import { prepare } from './prepare';
import { withCurrentCount } from './seen-count';

export async function openItem(
  deps: Pick<Deps, 'store' | 'now' | 'calendar'>,
  press: CardPress,
): Promise<CardOutcome> {
  const located = await prepare(deps.store, press, { snooze: false, checkElsewhere: true });
  if ('outcome' in located) return located.outcome;
  return itemForm(located, londonDate(deps.now()), deps.calendar);
}

/** The item's form again, saying what to fix and holding what was typed: nothing is recorded. */
export async function refuseForm(
  deps: Pick<Deps, 'store' | 'now' | 'calendar'>,
  press: CardPress,
  problem: FormProblem,
  typed: FormValues,
): Promise<CardOutcome> {
  const located = await prepare(deps.store, press, { snooze: true, checkElsewhere: false });
  if ('outcome' in located) return located.outcome;
  return itemForm(located, londonDate(deps.now()), deps.calendar, { problem, typed });
}

export async function showMorningCard(
  deps: Pick<Deps, 'store' | 'now'>,
  press: CardPress,
): Promise<CardOutcome> {
  const located = await locateItem(deps.store, { ...press, item: undefined });
  const outcome: CardOutcome =
    'outcome' in located
      ? located.outcome
      : { show: 'morning', message: located.message, owner: located.actor };
  return 'show' in outcome && outcome.show === 'morning'
    ? { ...outcome, message: await withCurrentCount(deps, outcome.message) }
    : outcome;
}
