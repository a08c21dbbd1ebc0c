/**
 * What happens when a practitioner presses a button on their card (Action.Execute, by verb).
 * Only the person the card is for may act; anyone else is told so and nothing changes. Each action
 * updates the record and returns the card to show in place of the old one. A card whose child
 * has moved on since it was sent (a visit recorded elsewhere) says so rather than recording twice.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod/v4';
import { bundleItems, renderCard, renderMorningCard } from '../cards/render';
import { escapeCardText } from '../text/escape';
import type { Config } from '../config';
import { createCalendar } from '../domain/calendar';
import { addDays, londonDate, spokenDate, weekdayNumber } from '../domain/dates';
import { firstName, NOT_SEEN_REASON_CODES, NOT_SEEN_REASONS } from '../domain/language';
import type { BundleItem } from '../domain/planner';
import type { CaseEvent, Person } from '../domain/types';
import { VISIT_KINDS } from '../domain/types';
import { caseRecordUrl } from '../delivery/activities';
import type { OutboxMessage } from '../delivery/outbox';
import { isoDateSchema } from '../ingest/records';
import type { Store } from '../store/store';
import { REPLIES } from './replies';

export const CARD_VERBS = ['open', 'back', 'seen', 'booked', 'not-seen', 'snooze'] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

const actionData = z.object({
  card: z.string().min(1).max(300),
  // The item's key. Not named `key`: the Playground's card renderer writes to data.key, frozen.
  item: z.string().min(1).max(300).optional(),
  until: z.enum(['tomorrow', 'monday']).optional(),
  seenOn: isoDateSchema.optional(),
  seenAlone: z.enum(['true', 'false']).optional(),
  bookedFor: isoDateSchema.optional(),
  reason: z.enum(NOT_SEEN_REASON_CODES).optional(),
  note: z.string().max(200).optional(),
});

export interface CardActionContext {
  store: Store;
  config: Config;
  now: Date;
  /** The person pressing the button, found by their Entra object id; undefined if unknown. */
  actor: Person | undefined;
}

export const messageCard = (text: string) => renderCard('message', { text: escapeCardText(text) });

/** Whose card this is, from its outbox id (`person:date:kind...`), for the kinds given. */
const ownerOf = (cardId: string, kinds: readonly OutboxMessage['kind'][]) =>
  new RegExp(`^(.*):\\d{4}-\\d{2}-\\d{2}:(${kinds.join('|')})(:.*)?$`).exec(cardId)?.[1];

/**
 * The outbox message behind a pressed card, if the person pressing it is the one it is for;
 * otherwise the polite card to answer with, and nothing changes.
 */
export async function ownCard(
  store: Store,
  cardId: string,
  actor: Person | undefined,
  kinds: readonly OutboxMessage['kind'][],
): Promise<{ actor: Person; message: OutboxMessage } | { refusal: Record<string, unknown> }> {
  const ownerId = ownerOf(cardId, kinds);
  if (!ownerId || !actor || actor.id !== ownerId) return { refusal: messageCard(REPLIES.notYourCard) };
  const message = await store.nudges.get(cardId, ownerId);
  return message ? { actor, message } : { refusal: messageCard(REPLIES.cardGone) };
}

function morningCard(message: OutboxMessage, owner: Person, config: Config) {
  if (!message.bundle) return messageCard(REPLIES.cardGone);
  return renderMorningCard(message.bundle, {
    firstName: firstName(owner.displayName),
    recordUrl: (childId) => caseRecordUrl(config.caseRecordUrlTemplate, childId),
    cardId: message.id,
    ...(message.updates ? { updates: message.updates } : {}),
  });
}

function itemCard(message: OutboxMessage, item: BundleItem, today: string) {
  return renderCard('item', {
    cardId: message.id,
    key: item.key,
    name: escapeCardText(item.childName),
    sentence: escapeCardText(item.sentence),
    isVisit: VISIT_KINDS.has(item.eventKind),
    today,
  });
}

/** Something recorded for this child and kind since the card was made. */
async function changedSince(
  store: Store,
  teamId: string,
  item: BundleItem,
  since: string,
): Promise<CaseEvent | undefined> {
  const events = await store.events.inPartition(teamId, 'c.childId = @child AND c.kind = @kind', [
    { name: '@child', value: item.childId },
    { name: '@kind', value: item.eventKind },
  ]);
  return events
    .filter(
      (e) =>
        (e.status === 'completed' && (e.completedDate ?? '') >= since) ||
        (e.status === 'planned' && e.source === 'hearth' && (e.recordedAt ?? '') >= since),
    )
    .sort((a, b) =>
      (b.recordedAt ?? b.completedDate ?? '').localeCompare(a.recordedAt ?? a.completedDate ?? ''),
    )[0];
}

const describeEvent = (e: CaseEvent, today: string) =>
  e.status === 'completed'
    ? `Already recorded: ${VISIT_KINDS.has(e.kind) ? 'seen' : 'done'} on ${spokenDate(e.completedDate ?? today, today)}.`
    : `Already recorded: booked for ${spokenDate(e.scheduledDate ?? today, today)}.`;

export async function handleCardAction(
  verb: string,
  raw: unknown,
  ctx: CardActionContext,
): Promise<Record<string, unknown>> {
  const parsed = actionData.safeParse(raw);
  if (!(CARD_VERBS as readonly string[]).includes(verb) || !parsed.success)
    return messageCard(REPLIES.somethingWrong);
  const data = parsed.data;
  const own = await ownCard(ctx.store, data.card, ctx.actor, ['morning', 'nudge']);
  if ('refusal' in own) return own.refusal;
  const { actor, message } = own;
  if (!message.bundle) return messageCard(REPLIES.cardGone);

  const today = londonDate(ctx.now);
  const item = data.item ? bundleItems(message.bundle).find((i) => i.key === data.item) : undefined;
  if (verb === 'back' || !item) return morningCard(message, actor, ctx.config);

  const child = (await ctx.store.children.findByIds([item.childId]))[0];
  if (!child) return messageCard(REPLIES.cardGone);
  const since = message.bundle.date;
  // Already recorded from this card: show it, change nothing.
  if (message.updates?.[item.key] && verb !== 'snooze') return morningCard(message, actor, ctx.config);
  if (verb === 'open' || verb === 'seen' || verb === 'booked') {
    const changed = await changedSince(ctx.store, child.teamId, item, since);
    if (changed) {
      const updated = await record(ctx.store, message, item.key, describeEvent(changed, today));
      return verb === 'open'
        ? morningCard(updated, actor, ctx.config)
        : morningCard(updated, actor, ctx.config);
    }
  }
  if (verb === 'open') return itemCard(message, item, today);

  const recordedAt = ctx.now.toISOString();
  const base = {
    teamId: child.teamId,
    childId: child.id,
    kind: item.eventKind,
    recordedBy: actor.id,
    recordedAt,
    source: 'hearth' as const,
  };
  let note: string;
  if (verb === 'seen') {
    const seenOn = data.seenOn ?? today;
    if (seenOn > today) return itemCard(message, item, today);
    await ctx.store.events.upsert({
      ...base,
      id: `hearth-${child.id}-${item.eventKind}-${seenOn}`,
      status: 'completed',
      completedDate: seenOn,
      dueDate: item.dueDate,
      seenAlone: data.seenAlone === 'true',
    });
    note = `Seen on ${spokenDate(seenOn, today)}${data.seenAlone === 'true' ? ', on their own' : ''}. Thank you.`;
  } else if (verb === 'booked') {
    const bookedFor = data.bookedFor;
    if (!bookedFor || bookedFor < today) return itemCard(message, item, today);
    await ctx.store.events.upsert({
      ...base,
      id: `hearth-${child.id}-${item.eventKind}-booked-${bookedFor}`,
      status: 'planned',
      scheduledDate: bookedFor,
      dueDate: item.dueDate,
    });
    note = `Booked for ${spokenDate(bookedFor, today)}.`;
  } else if (verb === 'not-seen') {
    const reason = data.reason ?? 'other';
    await ctx.store.events.upsert({
      ...base,
      id: `hearth-${child.id}-${item.eventKind}-not-possible-${today}`,
      status: 'not-possible',
      scheduledDate: today,
      dueDate: item.dueDate,
      notPossibleReason: reason,
    });
    note = `Recorded: couldn't visit today (${NOT_SEEN_REASONS[reason]}).`;
  } else {
    const calendar = createCalendar(ctx.config.region, ctx.config.holidays);
    const until =
      data.until === 'monday'
        ? addDays(today, (8 - weekdayNumber(today)) % 7 || 7)
        : calendar.addWorkingDays(today, 1);
    await ctx.store.people.update(actor.id, actor.teamId, (p) => ({
      ...p,
      snoozes: [
        ...(p.snoozes ?? []).filter((s) => s.key !== item.key && s.until > today),
        { key: item.key, until },
      ],
    }));
    note = `I'll remind you on ${spokenDate(until, today)}.`;
  }
  await ctx.store.activity.upsert({
    id: randomUUID(),
    teamId: child.teamId,
    at: recordedAt,
    actor: actor.id,
    action: `card.${verb}`,
    details: { childId: child.id, eventKind: item.eventKind, card: message.id },
  });
  const updated = await record(ctx.store, message, item.key, note);
  return morningCard(updated, actor, ctx.config);
}

/** Notes on the outbox document what was recorded for an item, so the card shows it in place. */
async function record(
  store: Store,
  message: OutboxMessage,
  key: string,
  note: string,
): Promise<OutboxMessage> {
  const updated = await store.nudges.update(message.id, message.practitionerId, (m) => ({
    ...m,
    updates: { ...(m.updates ?? {}), [key]: note },
  }));
  return updated ?? message;
}
