/**
 * A practitioner records from their card that a visit or meeting is booked for a date.
 */
import { londonDate } from '../../domain/dates';
import type { IsoDate } from '../../domain/types';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import type { CardPress } from './locate-item';
import { logCardAction, noteOnCard } from './locate-item';
import { prepare } from './prepare';

export interface BookedInput extends CardPress {
  bookedFor?: IsoDate;
}

export async function recordBooked(
  deps: Pick<Deps, 'store' | 'now'>,
  input: BookedInput,
): Promise<CardOutcome> {
  const located = await prepare(deps.store, input, { repeatable: false, checkElsewhere: true });
  if ('outcome' in located) return located.outcome;
  const { actor, message, item, child } = located;
  const now = deps.now();
  const today = londonDate(now);
  const bookedFor = input.bookedFor;
  if (!bookedFor || bookedFor < today) return { show: 'item-form', message, item };
  await deps.store.events.upsert({
    id: `hearth-${child.id}-${item.eventKind}-booked-${bookedFor}`,
    teamId: child.teamId,
    childId: child.id,
    kind: item.eventKind,
    status: 'planned',
    scheduledDate: bookedFor,
    dueDate: item.dueDate,
    recordedBy: actor.id,
    recordedAt: now.toISOString(),
    source: 'hearth',
  });
  await logCardAction(deps.store, located, 'booked', now.toISOString());
  const updated = await noteOnCard(deps.store, message, item.key, { kind: 'booked', for: bookedFor });
  return { show: 'morning', message: updated, owner: actor };
}
