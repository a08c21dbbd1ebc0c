/**
 * Where Hearth can reach someone in Teams: their conversation reference, kept when they install
 * Hearth, refreshed whenever they write, and dropped (unreachable) when they remove it. Someone
 * Hearth does not know is told who to ask, and the admins see the attempt by id.
 */
import { randomUUID } from 'node:crypto';
import { teamsVisibleTo } from '../../domain/digest-access';
import type { Person } from '../../domain/types';
import type { Deps } from '../deps';
import { personByEntraId } from './find-person';

export type ConversationReference = Record<string, unknown>;

/** Keeps the reference fresh: written only when it changed or they were not reachable. */
export async function rememberConversation(
  deps: Pick<Deps, 'store'>,
  person: Person,
  reference: ConversationReference,
): Promise<void> {
  if (
    JSON.stringify(reference) === JSON.stringify(person.conversationReference) &&
    person.reachability === 'reachable'
  )
    return;
  await deps.store.people.update(person.id, person.teamId, (p) => ({
    ...p,
    conversationReference: reference,
    reachability: 'reachable',
  }));
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
  await deps.store.people.update(person.id, person.teamId, (p) => ({
    ...p,
    conversationReference: reference,
    reachability: 'reachable',
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
