/**
 * Finding what a morning card button is about: the card (which must be the presser's own), the
 * item on it, and the child. A card whose item has been acted on elsewhere since it was made says
 * so, rather than recording twice.
 */
import { randomUUID } from 'node:crypto';
import type { CardUpdate, OutboxMessage } from '../../domain/outbox';
import type { BundleItem, MorningBundle } from '../../domain/planner';
import type { CaseEvent, Child, Person } from '../../domain/types';
import { VISIT_KINDS } from '../../domain/types';
import type { Store } from '../../store/store';
import type { CardOutcome } from '../card-outcome';
import { ownCard } from '../own-card';
import { updateCard } from './card-writes';

export interface CardPress {
  actor: Person | undefined;
  cardId: string;
  /** The item's key on the card. */
  item?: string;
}

export interface Located {
  actor: Person;
  message: OutboxMessage & { bundle: MorningBundle };
  item: BundleItem;
  child: Child;
}

/** All of a bundle's items that can be acted on, wherever they sit. */
const actionable = (b: MorningBundle) => [...b.today, ...b.notSeenYet, ...b.comingUp, ...b.beforeLeave];

/** The card and item pressed, or the outcome to show instead (a refusal, or the card itself). */
export async function locateItem(
  store: Store,
  press: CardPress,
): Promise<Located | { outcome: CardOutcome }> {
  const own = await ownCard(store, press.cardId, press.actor, ['morning', 'nudge']);
  if ('refused' in own) return { outcome: own };
  const { actor, message } = own;
  const bundle = message.bundle;
  if (!bundle) return { outcome: { refused: 'card-gone' } };
  const item = press.item ? actionable(bundle).find((i) => i.key === press.item) : undefined;
  if (!item) return { outcome: { show: 'morning', message, owner: actor } };
  const child = (await store.children.findByIds([item.childId]))[0];
  if (!child) return { outcome: { refused: 'card-gone' } };
  return { actor, message: { ...message, bundle }, item, child };
}

/** Something recorded for this child and kind since the card was made, as a note for the card. */
export async function changedSince(store: Store, located: Located): Promise<CardUpdate | undefined> {
  const { item, child, message } = located;
  const since = message.bundle.date;
  const events = await store.events.inPartition(child.teamId, 'c.childId = @child AND c.kind = @kind', [
    { name: '@child', value: item.childId },
    { name: '@kind', value: item.eventKind },
  ]);
  const latest = events
    .filter(
      (e) =>
        (e.status === 'completed' && (e.completedDate ?? '') >= since) ||
        (e.status === 'planned' && e.source === 'hearth' && (e.recordedAt ?? '') >= since),
    )
    .sort((a, b) => stamp(b).localeCompare(stamp(a)))[0];
  if (!latest) return undefined;
  return latest.status === 'completed'
    ? { kind: 'already-done', on: latest.completedDate ?? since, visit: VISIT_KINDS.has(latest.kind) }
    : { kind: 'already-booked', for: latest.scheduledDate ?? since };
}

const stamp = (e: CaseEvent) => e.recordedAt ?? e.completedDate ?? '';

/** Keeps what was done from the card on its outbox message, so the card shows it in place. */
export function noteOnCard(
  store: Store,
  message: OutboxMessage,
  key: string,
  update: CardUpdate,
): Promise<OutboxMessage> {
  return updateCard(store, message, (m) => ({ ...m, updates: { ...(m.updates ?? {}), [key]: update } }));
}

/** One id-only line in the activity log for a button pressed. */
export async function logCardAction(store: Store, located: Located, verb: string, at: string): Promise<void> {
  await store.activity.upsert({
    id: randomUUID(),
    teamId: located.child.teamId,
    at,
    actor: located.actor.id,
    action: `card.${verb}`,
    details: { childId: located.child.id, eventKind: located.item.eventKind, card: located.message.id },
  });
}
