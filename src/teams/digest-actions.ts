/**
 * The buttons on a manager's digest: thank a practitioner, offer a practitioner help with a child
 * not seen yet, show every child not seen yet, and go back. Only the manager the digest is for may
 * press them, and only while they still manage that team. Thank-yous and offers of help go to the
 * practitioner through the outbox, like every other card, once each.
 */
import { z } from 'zod/v4';
import { renderDigestCard, renderNotSeenCard } from '../cards/digest-cards';
import { londonDate, spokenDate } from '../domain/dates';
import { teamsVisibleTo } from '../domain/digest-access';
import { firstName } from '../domain/language';
import type { Person } from '../domain/types';
import type { OutboxMessage } from '../delivery/outbox';
import { writeAndQueue } from '../delivery/plan-run';
import type { Queues } from '../delivery/queues';
import type { Store } from '../store/store';
import { messageCard, ownCard } from './card-actions';
import { REPLIES, WORDS } from './replies';

export const DIGEST_VERBS = ['thank', 'offer-help', 'digest-not-seen', 'digest-back'] as const;
export type DigestVerb = (typeof DIGEST_VERBS)[number];

const actionData = z.object({
  card: z.string().min(1).max(300),
  person: z.string().min(1).max(128).optional(),
  child: z.string().min(1).max(128).optional(),
  list: z.enum(['true']).optional(),
});

export interface DigestActionContext {
  store: Store;
  queues: Queues;
  now: Date;
  actor: Person | undefined;
}

export async function handleDigestAction(
  verb: string,
  raw: unknown,
  ctx: DigestActionContext,
): Promise<Record<string, unknown>> {
  const parsed = actionData.safeParse(raw);
  if (!(DIGEST_VERBS as readonly string[]).includes(verb) || !parsed.success)
    return messageCard(REPLIES.somethingWrong);
  const data = parsed.data;
  const own = await ownCard(ctx.store, data.card, ctx.actor, ['digest']);
  if ('refusal' in own) return own.refusal;
  const { actor, message } = own;
  const ownerId = actor.id;
  const digest = message.digest;
  if (!digest) return messageCard(REPLIES.cardGone);
  // Managers move on: what they may see is checked now, not when the digest was made.
  if (!teamsVisibleTo(actor).includes(digest.teamId)) return messageCard(REPLIES.notYourTeam);

  const show = (m: OutboxMessage, list: boolean) => {
    const options = { cardId: m.id, ...(m.updates ? { updates: m.updates } : {}) };
    return list ? renderNotSeenCard(digest, options) : renderDigestCard(digest, options);
  };
  if (verb === 'digest-not-seen') return show(message, true);
  if (verb === 'digest-back') return show(message, false);

  const today = londonDate(ctx.now);
  const createdAt = ctx.now.toISOString();
  const word = (to: Person, id: string, content: NonNullable<OutboxMessage['word']>): OutboxMessage => ({
    id: `${to.id}:${today}:word:${id}`,
    practitionerId: to.id,
    teamId: to.teamId,
    date: today,
    kind: 'word',
    status: 'pending',
    attempts: 0,
    createdAt,
    sendAt: createdAt,
    word: content,
  });
  const practitioner = async (id: string) =>
    (await ctx.store.people.inPartition(digest.teamId, 'c.id = @id', [{ name: '@id', value: id }]))[0];

  let updateKey: string;
  let updateText: string;
  let outgoing: OutboxMessage;
  if (verb === 'thank') {
    const strength = digest.strengths.find((s) => s.practitionerId && s.practitionerId === data.person);
    const to = strength?.practitionerId ? await practitioner(strength.practitionerId) : undefined;
    if (!strength?.toPractitioner || !to) return messageCard(REPLIES.somethingWrong);
    const from = actor.displayName;
    outgoing = word(to, `thanks-${actor.id}-${digest.weekId}`, {
      title: WORDS.thanksTitle(from),
      text: WORDS.thanksText(from, strength.toPractitioner, spokenDate(digest.weekStart, today)),
      preview: WORDS.thanksPreview,
    });
    updateKey = `thank:${to.id}`;
    updateText = WORDS.thanked(firstName(to.displayName));
  } else {
    const child = digest.notSeenYet.find((c) => c.childId === data.child);
    const to = child?.practitionerId ? await practitioner(child.practitionerId) : undefined;
    if (!child || !to) return messageCard(REPLIES.somethingWrong);
    outgoing = word(to, `help-${child.childId}-${actor.id}`, {
      title: WORDS.helpTitle(firstName(actor.displayName)),
      text: WORDS.helpText(firstName(actor.displayName), child.childName),
      preview: WORDS.helpPreview,
      childId: child.childId,
    });
    updateKey = `help:${child.childId}`;
    updateText = WORDS.helpOffered(firstName(to.displayName));
  }

  // Queued once: a second press (or a retry) finds the message already there.
  await writeAndQueue(ctx.store, ctx.queues, [outgoing], ctx.now);
  const updated = await ctx.store.nudges.update(message.id, ownerId, (m) => ({
    ...m,
    updates: { ...(m.updates ?? {}), [updateKey]: updateText },
  }));
  await ctx.store.activity.upsert({
    id: `${outgoing.id}:sent-by:${actor.id}`,
    teamId: digest.teamId,
    at: createdAt,
    actor: actor.id,
    action: verb === 'thank' ? 'digest.thank' : 'digest.offer-help',
    details: { to: outgoing.practitionerId, digest: message.id },
  });
  return show(updated ?? message, data.list === 'true');
}
