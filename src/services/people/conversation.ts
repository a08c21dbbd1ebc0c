/**
 * Where Hearth can reach someone in Teams: their conversation reference, kept when they install
 * Hearth, refreshed whenever they write, and dropped (unreachable) when they remove it. Someone
 * Hearth does not know is told who to ask, and the admins see the attempt by id.
 */
import { randomUUID } from 'node:crypto';
import { teamsVisibleTo } from '../../domain/digest-access';
import type { Person } from '../../domain/types';
import type { Deps } from '../deps';
import { updatePatiently } from '../patient-update';
import { personByEntraId } from './find-person';

export type ConversationReference = Record<string, unknown>;

/**
 * Where to reach them, without the id of the message that happened to carry it: that id changes
 * with every message, and keeping it would rewrite the person at every tap (a dozen taps at once
 * then fight over one record). Proactive messages start afresh rather than reply to an old one.
 */
export function stableReference(reference: ConversationReference): ConversationReference {
  const { activityId: _activity, ...where } = reference;
  void _activity;
  return where;
}

/** Keeps the reference fresh: written only when where to reach them changed, or they were unreachable. */
export async function rememberConversation(
  deps: Pick<Deps, 'store'>,
  person: Person,
  reference: ConversationReference,
): Promise<void> {
  const where = stableReference(reference);
  const known = (p: Person) =>
    p.reachability === 'reachable' && JSON.stringify(where) === JSON.stringify(p.conversationReference);
  if (known(person)) return;
  await updatePatiently(deps.store.people, person.id, person.teamId, (p) =>
    known(p) ? undefined : { ...p, conversationReference: where, reachability: 'reachable' as const },
  );
}

export type InstallOutcome =
  { known: false } | { known: true; person: Person; welcome: 'practitioner' | 'leader' };

export async function installed(
  deps: Pick<Deps, 'store' | 'now'>,
  aadObjectId: string | undefined,
  reference: ConversationReference,
): Promise<InstallOutcome> {
  const person = await personByEntraId(deps.store, aadObjectId);
  if (!person) {
    // For the admins: an id, never a name.
    await deps.store.activity.upsert({
      id: randomUUID(),
      teamId: 'unknown',
      at: deps.now().toISOString(),
      actor: 'bot',
      action: 'install.unknown-person',
      details: { entraObjectId: aadObjectId ?? 'none' },
    });
    return { known: false };
  }
  await updatePatiently(deps.store.people, person.id, person.teamId, (p) => ({
    ...p,
    conversationReference: stableReference(reference),
    reachability: 'reachable' as const,
  }));
  const leadsOnly = !person.roles.includes('practitioner') && teamsVisibleTo(person).length > 0;
  return { known: true, person, welcome: leadsOnly ? 'leader' : 'practitioner' };
}

export async function uninstalled(deps: Pick<Deps, 'store'>, aadObjectId: string | undefined): Promise<void> {
  const person = await personByEntraId(deps.store, aadObjectId);
  if (!person) return;
  await deps.store.people.update(person.id, person.teamId, (p) => {
    const { conversationReference: _dropped, ...rest } = p;
    void _dropped;
    return { ...rest, reachability: 'unreachable' };
  });
}
