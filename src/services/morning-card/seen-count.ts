/**
 * One count of children seen this week, everywhere: the morning card (kept up to date in place
 * after a visit is recorded), `today` and `my week` all read it here, by the rule the planner and
 * the digest use (src/domain/seen.ts): a child counts once they have had a visit from Monday to today.
 */
import { londonDate, mondayOf } from '../../domain/dates';
import type { OutboxMessage } from '../../domain/outbox';
import { seenThisWeek } from '../../domain/seen';
import type { CaseEvent, Child, IsoDate } from '../../domain/types';
import type { Store } from '../../store/store';
import type { Deps } from '../deps';
import { updateCard } from './card-writes';

export interface SeenCount {
  seen: number;
  total: number;
}

/** The children allocated to a practitioner now (open ones only). */
export const allocatedChildren = (store: Store, practitionerId: string): Promise<Child[]> =>
  store.children.query('c.allocatedPractitionerId = @p AND c.closed = false', [
    { name: '@p', value: practitionerId },
  ]);

/** The events of these children, by child. */
export async function eventsByChild(
  store: Store,
  children: readonly Child[],
): Promise<Map<string, CaseEvent[]>> {
  const byChild = new Map<string, CaseEvent[]>(children.map((c) => [c.id, []]));
  if (children.length === 0) return byChild;
  const events = await store.events.query('ARRAY_CONTAINS(@ids, c.childId)', [
    { name: '@ids', value: children.map((c) => c.id) },
  ]);
  for (const event of events) byChild.get(event.childId)?.push(event);
  return byChild;
}

/** How many of these children were seen this week, as of `today`. */
export function countSeen(
  children: readonly Child[],
  events: ReadonlyMap<string, CaseEvent[]>,
  today: IsoDate,
): SeenCount {
  const seen = children.filter((c) => seenThisWeek(events.get(c.id) ?? [], today)).length;
  return { seen, total: children.length };
}

export async function seenCount(store: Store, practitionerId: string, today: IsoDate): Promise<SeenCount> {
  const children = await allocatedChildren(store, practitionerId);
  return countSeen(children, await eventsByChild(store, children), today);
}

/**
 * The morning card's message with this week's count as it stands now, kept on the message so the
 * card shows it in place. A card from an earlier week keeps that week's count.
 */
export async function withCurrentCount(
  deps: Pick<Deps, 'store' | 'now'>,
  message: OutboxMessage,
): Promise<OutboxMessage> {
  const bundle = message.bundle;
  const today = londonDate(deps.now());
  if (!bundle || mondayOf(bundle.date) !== mondayOf(today)) return message;
  const now = await seenCount(deps.store, message.recipientId, today);
  const stored = bundle.seenThisWeek;
  if (stored.seen === now.seen && stored.total === now.total) return message;
  return updateCard(deps.store, message, (m) =>
    m.bundle ? { ...m, bundle: { ...m.bundle, seenThisWeek: now } } : undefined,
  );
}
