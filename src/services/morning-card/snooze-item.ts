/**
 * A practitioner asks to be reminded about an item tomorrow (their next working day as the
 * authority counts them) or on Monday; the item stays off their cards until then. Only reminders
 * that come before the thing is due are offered or kept (form-checks.ts); a later one comes back
 * on the form with the reason. A reminder never replaces something already recorded.
 */
import { londonDate } from '../../domain/dates';
import type { CardUpdate } from '../../domain/outbox';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import { updatePatiently } from '../patient-update';
import type { SnoozeUntil } from './form-checks';
import { itemForm, snoozeChoices, snoozeEnds } from './form-checks';
import type { CardPress } from './locate-item';
import { logCardAction } from './locate-item';
import { prepare } from './prepare';

export type { SnoozeUntil } from './form-checks';

export interface SnoozeInput extends CardPress {
  until: SnoozeUntil;
}

export async function snoozeItem(
  deps: Pick<Deps, 'store' | 'now' | 'calendar'>,
  input: SnoozeInput,
): Promise<CardOutcome> {
  const located = await prepare(deps.store, input, { snooze: true, checkElsewhere: false });
  if ('outcome' in located) return located.outcome;
  const { actor, message, item } = located;
  const now = deps.now();
  const today = londonDate(now);
  if (!snoozeChoices(item, today, deps.calendar).includes(input.until))
    return itemForm(located, today, deps.calendar, { problem: 'reminder-too-late', typed: {} });
  const until = snoozeEnds(input.until, today, deps.calendar);
  const update: CardUpdate = { kind: 'snoozed', until };
  // On the card first, unless something was recorded for the item meanwhile.
  const card = await updatePatiently(deps.store.outbox, message.id, message.recipientId, (m) => {
    const recorded = m.updates?.[item.key];
    if (recorded && recorded.kind !== 'snoozed') return undefined;
    return { ...m, updates: { ...(m.updates ?? {}), [item.key]: update } };
  });
  const shown = card.item ?? message;
  if (!card.written) return { show: 'morning', message: shown, owner: actor, already: item.key };
  await updatePatiently(deps.store.people, actor.id, actor.teamId, (p) => ({
    ...p,
    snoozes: [
      ...(p.snoozes ?? []).filter((s) => s.key !== item.key && s.until > today),
      { key: item.key, until },
    ],
  }));
  await logCardAction(deps.store, located, 'snooze', now.toISOString());
  return { show: 'morning', message: shown, owner: actor };
}
