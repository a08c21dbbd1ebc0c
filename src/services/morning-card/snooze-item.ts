/**
 * A practitioner asks to be reminded about an item tomorrow (their next working day as the
 * authority counts them) or on Monday; the item stays off their cards until then.
 */
import type { WorkingCalendar } from '../../domain/calendar';
import { addDays, londonDate, weekdayNumber } from '../../domain/dates';
import type { IsoDate } from '../../domain/types';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import type { CardPress } from './locate-item';
import { logCardAction, noteOnCard } from './locate-item';
import { prepare } from './prepare';

export type SnoozeUntil = 'tomorrow' | 'monday';

export interface SnoozeInput extends CardPress {
  until: SnoozeUntil;
}

/** The day a snooze ends. */
export function snoozeEnds(until: SnoozeUntil, today: IsoDate, calendar: WorkingCalendar): IsoDate {
  return until === 'monday'
    ? addDays(today, (8 - weekdayNumber(today)) % 7 || 7)
    : calendar.addWorkingDays(today, 1);
}

export async function snoozeItem(
  deps: Pick<Deps, 'store' | 'now' | 'calendar'>,
  input: SnoozeInput,
): Promise<CardOutcome> {
  const located = await prepare(deps.store, input, { repeatable: true, checkElsewhere: false });
  if ('outcome' in located) return located.outcome;
  const { actor, message, item } = located;
  const now = deps.now();
  const today = londonDate(now);
  const until = snoozeEnds(input.until, today, deps.calendar);
  await deps.store.people.update(actor.id, actor.teamId, (p) => ({
    ...p,
    snoozes: [
      ...(p.snoozes ?? []).filter((s) => s.key !== item.key && s.until > today),
      { key: item.key, until },
    ],
  }));
  await logCardAction(deps.store, located, 'snooze', now.toISOString());
  const updated = await noteOnCard(deps.store, message, item.key, { kind: 'snoozed', until });
  return { show: 'morning', message: updated, owner: actor };
}
