/**
 * Sending a note from a manager's digest to a practitioner (a thank-you, an offer of help): through
 * the outbox like every other card, once each; the digest then shows what was done, and the
 * activity log has one id-only line. When Hearth cannot reach the practitioner in Teams (they have
 * not opened it yet, or turned it off), nothing is queued and the digest says so, so the manager
 * can tell them in person.
 */
import { londonDate } from '../../domain/dates';
import type { CardUpdate, Note } from '../../domain/outbox';
import { firstName } from '../../domain/names';
import { outboxMessage } from '../../domain/outbox';
import type { Person } from '../../domain/types';
import { writeAndQueue } from '../../delivery/outbox-queue';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import { updatePatiently } from '../patient-update';
import type { DigestPress, LocatedDigest } from './locate-digest';

export async function sendNote(
  deps: Pick<Deps, 'store' | 'queues' | 'now'>,
  located: LocatedDigest,
  press: DigestPress,
  sent: { to: Person; idPart: string; note: Note; updateKey: string; update: CardUpdate; action: string },
): Promise<CardOutcome> {
  const now = deps.now();
  const today = londonDate(now);
  const why = unreachableBecause(sent.to);
  if (why) return notSent(deps, located, press, sent, why);
  const note = outboxMessage(
    {
      id: `${sent.to.id}:${today}:note:${sent.idPart}`,
      recipientId: sent.to.id,
      teamId: sent.to.teamId,
      date: today,
      kind: 'note',
      note: sent.note,
    },
    now.toISOString(),
  );
  // Queued once: a second press (or a retry) finds the message already there.
  await writeAndQueue(deps.store, deps.queues, [note], now);
  const { message, actor, digest } = located;
  const { item: updated } = await updatePatiently(
    deps.store.outbox,
    message.id,
    message.recipientId,
    (m) => ({
      ...m,
      updates: { ...(m.updates ?? {}), [sent.updateKey]: sent.update },
    }),
  );
  await deps.store.activity.upsert({
    id: `${note.id}:sent-by:${actor.id}`,
    teamId: digest.teamId,
    at: now.toISOString(),
    actor: actor.id,
    action: sent.action,
    details: { to: note.recipientId, digest: message.id },
  });
  return { show: 'digest', message: updated ?? message, list: press.list };
}

/** Why Hearth cannot reach someone in Teams now, if it cannot (as delivery decides it). */
function unreachableBecause(person: Person): 'not-installed' | 'unreachable' | undefined {
  if (person.reachability === 'unreachable') return 'unreachable';
  return person.conversationReference ? undefined : 'not-installed';
}

/** Nothing to send: the digest says why, and the log has the attempt by id. */
async function notSent(
  deps: Pick<Deps, 'store' | 'now'>,
  located: LocatedDigest,
  press: DigestPress,
  sent: { to: Person; note: Note; updateKey: string; action: string },
  why: 'not-installed' | 'unreachable',
): Promise<CardOutcome> {
  const { message, actor, digest } = located;
  const update: CardUpdate = {
    kind: 'not-sent',
    name: firstName(sent.to.displayName),
    note: sent.note.kind === 'thanks' ? 'thanks' : 'help',
    why,
  };
  const { item: updated } = await updatePatiently(
    deps.store.outbox,
    message.id,
    message.recipientId,
    (m) => ({
      ...m,
      updates: { ...(m.updates ?? {}), [sent.updateKey]: update },
    }),
  );
  await deps.store.activity.upsert({
    id: `${message.id}:${sent.updateKey}:not-sent:${actor.id}`,
    teamId: digest.teamId,
    at: deps.now().toISOString(),
    actor: actor.id,
    action: `${sent.action}-not-sent`,
    details: { to: sent.to.id, digest: message.id, why },
  });
  return { show: 'digest', message: updated ?? message, list: press.list };
}

/** A practitioner in the digest's team, by id. */
export async function teamMember(
  deps: Pick<Deps, 'store'>,
  teamId: string,
  id: string,
): Promise<Person | undefined> {
  return (await deps.store.people.inPartition(teamId, 'c.id = @id', [{ name: '@id', value: id }]))[0];
}
