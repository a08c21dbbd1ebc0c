/**
 * A practitioner records from their card that a visit could not happen today, and why.
 */
import { londonDate } from '../../domain/dates';
import type { NotSeenReason } from '../../domain/types';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import type { CardPress } from './locate-item';
import { logCardAction, noteOnCard } from './locate-item';
import { prepare } from './prepare';

export interface NotSeenInput extends CardPress {
  reason: NotSeenReason;
}

export async function recordNotSeen(
  deps: Pick<Deps, 'store' | 'now'>,
  input: NotSeenInput,
): Promise<CardOutcome> {
  const located = await prepare(deps.store, input, { repeatable: false, checkElsewhere: false });
  if ('outcome' in located) return located.outcome;
  const { actor, message, item, child } = located;
  const now = deps.now();
  const today = londonDate(now);
  await deps.store.events.upsert({
    id: `hearth-${child.id}-${item.eventKind}-not-possible-${today}`,
    teamId: child.teamId,
    childId: child.id,
    kind: item.eventKind,
    status: 'not-possible',
    scheduledDate: today,
    dueDate: item.dueDate,
    notPossibleReason: input.reason,
    recordedBy: actor.id,
    recordedAt: now.toISOString(),
    source: 'hearth',
  });
  await logCardAction(deps.store, located, 'not-seen', now.toISOString());
  const updated = await noteOnCard(deps.store, message, item.key, { kind: 'not-seen', reason: input.reason });
  return { show: 'morning', message: updated, owner: actor };
}
