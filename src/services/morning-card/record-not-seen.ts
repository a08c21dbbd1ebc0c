/**
 * A practitioner records from their card that a visit could not happen today, why, and anything
 * they want to add. Their note is kept on the event as they wrote it (the practitioner's words):
 * never in a log, never shown in Teams.
 */
import { londonDate } from '../../domain/dates';
import type { CardUpdate } from '../../domain/outbox';
import type { NotSeenReason } from '../../domain/types';
import { VISIT_KINDS } from '../../domain/types';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import { claimItem, releaseItem } from './card-writes';
import { itemForm } from './form-checks';
import type { CardPress } from './locate-item';
import { logCardAction } from './locate-item';
import { prepare } from './prepare';

export interface NotSeenInput extends CardPress {
  reason: NotSeenReason;
  /** "Anything to add", already checked at the edge (length, no control characters). */
  note?: string;
}

export async function recordNotSeen(
  deps: Pick<Deps, 'store' | 'now' | 'calendar'>,
  input: NotSeenInput,
): Promise<CardOutcome> {
  const located = await prepare(deps.store, input, { snooze: false, checkElsewhere: false });
  if ('outcome' in located) return located.outcome;
  const { actor, message, item, child } = located;
  const now = deps.now();
  const today = londonDate(now);
  if (!VISIT_KINDS.has(item.eventKind))
    return itemForm(located, today, deps.calendar, { problem: 'not-a-visit', typed: {} });
  const note = input.note?.trim();
  const update: CardUpdate = { kind: 'not-seen', reason: input.reason, ...(note ? { withNote: true } : {}) };
  const claim = await claimItem(deps.store, message, item.key, update);
  if (!claim.won) return { show: 'morning', message: claim.message, owner: actor, already: item.key };
  try {
    await deps.store.events.upsert({
      id: `hearth-${child.id}-${item.eventKind}-not-possible-${today}`,
      teamId: child.teamId,
      childId: child.id,
      kind: item.eventKind,
      status: 'not-possible',
      scheduledDate: today,
      dueDate: item.dueDate,
      notPossibleReason: input.reason,
      ...(note ? { practitionerNote: note } : {}),
      recordedBy: actor.id,
      recordedAt: now.toISOString(),
      source: 'hearth',
    });
  } catch (error) {
    await releaseItem(deps.store, claim.message, item.key, update).catch(() => undefined);
    throw error;
  }
  // Ids only: the note stays on the event.
  await logCardAction(deps.store, located, 'not-seen', now.toISOString());
  return { show: 'morning', message: claim.message, owner: actor };
}
