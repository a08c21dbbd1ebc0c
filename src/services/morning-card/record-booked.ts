/**
 * A practitioner records from their card that a visit or meeting is booked for a date: today up to
 * a year ahead. No date, a past one or one too far ahead comes back on the form with the reason.
 */
import { londonDate } from '../../domain/dates';
import type { CardUpdate } from '../../domain/outbox';
import type { IsoDate } from '../../domain/types';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import { claimItem, releaseItem } from './card-writes';
import { bookedDateProblem, itemForm } from './form-checks';
import type { CardPress } from './locate-item';
import { logCardAction } from './locate-item';
import { prepare } from './prepare';

export interface BookedInput extends CardPress {
  bookedFor?: IsoDate;
}

export async function recordBooked(
  deps: Pick<Deps, 'store' | 'now' | 'calendar'>,
  input: BookedInput,
): Promise<CardOutcome> {
  const located = await prepare(deps.store, input, { snooze: false, checkElsewhere: true });
  if ('outcome' in located) return located.outcome;
  const { actor, message, item, child } = located;
  const now = deps.now();
  const today = londonDate(now);
  const bookedFor = input.bookedFor;
  const problem = bookedDateProblem(bookedFor, today);
  if (problem || !bookedFor)
    return itemForm(located, today, deps.calendar, {
      problem: problem ?? 'booked-no-date',
      typed: bookedFor ? { bookedFor } : {},
    });
  const update: CardUpdate = { kind: 'booked', for: bookedFor };
  const claim = await claimItem(deps.store, message, item.key, update);
  if (!claim.won) return { show: 'morning', message: claim.message, owner: actor, already: item.key };
  try {
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
  } catch (error) {
    await releaseItem(deps.store, claim.message, item.key, update).catch(() => undefined);
    throw error;
  }
  await logCardAction(deps.store, located, 'booked', now.toISOString());
  return { show: 'morning', message: claim.message, owner: actor };
}
