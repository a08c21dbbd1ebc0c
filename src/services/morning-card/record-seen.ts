/**
 * A practitioner records from their card that they saw a child: a completed visit (or meeting) in
 * the store, on the day they say and whether the child was seen on their own.
 */
import { londonDate } from '../../domain/dates';
import type { IsoDate } from '../../domain/types';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import type { CardPress } from './locate-item';
import { logCardAction, noteOnCard } from './locate-item';
import { prepare } from './prepare';

export interface SeenInput extends CardPress {
  seenOn?: IsoDate;
  seenAlone: boolean;
}

export async function recordSeen(deps: Pick<Deps, 'store' | 'now'>, input: SeenInput): Promise<CardOutcome> {
  const located = await prepare(deps.store, input, { repeatable: false, checkElsewhere: true });
  if ('outcome' in located) return located.outcome;
  const { actor, message, item, child } = located;
  const now = deps.now();
  const today = londonDate(now);
  const seenOn = input.seenOn ?? today;
  if (seenOn > today) return { show: 'item-form', message, item };
  await deps.store.events.upsert({
    id: `hearth-${child.id}-${item.eventKind}-${seenOn}`,
    teamId: child.teamId,
    childId: child.id,
    kind: item.eventKind,
    status: 'completed',
    completedDate: seenOn,
    dueDate: item.dueDate,
    seenAlone: input.seenAlone,
    recordedBy: actor.id,
    recordedAt: now.toISOString(),
    source: 'hearth',
  });
  await logCardAction(deps.store, located, 'seen', now.toISOString());
  const updated = await noteOnCard(deps.store, message, item.key, {
    kind: 'seen',
    on: seenOn,
    alone: input.seenAlone,
  });
  return { show: 'morning', message: updated, owner: actor };
}
