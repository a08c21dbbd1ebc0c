/**
 * A practitioner records from their card that they saw a child (a visit), or that something else
 * happened (a meeting, an assessment: Done): a completed event in the store, on the day they say,
 * with whether a child was seen on their own. A day in the future or more than 90 days ago comes
 * back on the form with the reason. The card then shows it in place, with this week's count.
 */
import { londonDate } from '../../domain/dates';
import type { CardUpdate } from '../../domain/outbox';
import type { IsoDate } from '../../domain/types';
import { VISIT_KINDS } from '../../domain/types';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import { claimItem, releaseItem } from './card-writes';
import { completedDateProblem, itemForm } from './form-checks';
import type { CardPress } from './locate-item';
import { logCardAction } from './locate-item';
import { prepare } from './prepare';
import { withCurrentCount } from './seen-count';

export interface DoneInput extends CardPress {
  /** The day it happened; today when not given. */
  on?: IsoDate;
  seenAlone?: boolean;
}

export async function recordDone(
  deps: Pick<Deps, 'store' | 'now' | 'calendar'>,
  input: DoneInput,
): Promise<CardOutcome> {
  const located = await prepare(deps.store, input, { snooze: false, checkElsewhere: true });
  if ('outcome' in located) return located.outcome;
  const { actor, message, item, child } = located;
  const now = deps.now();
  const today = londonDate(now);
  const on = input.on ?? today;
  const visit = VISIT_KINDS.has(item.eventKind);
  const problem = completedDateProblem(on, today, visit);
  if (problem) {
    const typed = visit ? { seenOn: on, seenAlone: input.seenAlone ?? false } : { doneOn: on };
    return itemForm(located, today, deps.calendar, { problem, typed });
  }
  const seenAlone = visit && input.seenAlone === true;
  const update: CardUpdate = visit ? { kind: 'seen', on, alone: seenAlone } : { kind: 'done', on };
  const claim = await claimItem(deps.store, message, item.key, update);
  if (!claim.won) return { show: 'morning', message: claim.message, owner: actor, already: item.key };
  try {
    await deps.store.events.upsert({
      id: `hearth-${child.id}-${item.eventKind}-${on}`,
      teamId: child.teamId,
      childId: child.id,
      kind: item.eventKind,
      status: 'completed',
      completedDate: on,
      dueDate: item.dueDate,
      ...(visit ? { seenAlone } : {}),
      recordedBy: actor.id,
      recordedAt: now.toISOString(),
      source: 'hearth',
    });
  } catch (error) {
    await releaseItem(deps.store, claim.message, item.key, update).catch(() => undefined);
    throw error;
  }
  await logCardAction(deps.store, located, visit ? 'seen' : 'done', now.toISOString());
  return { show: 'morning', message: await withCurrentCount(deps, claim.message), owner: actor };
}
