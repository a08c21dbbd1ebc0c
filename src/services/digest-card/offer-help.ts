/**
 * A manager offers a practitioner help with a child not seen yet: an offer, not a reprimand.
 */
import { firstName } from '../../domain/names';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import type { DigestPress } from './locate-digest';
import { locateDigest } from './locate-digest';
import { sendNote, teamMember } from './send-note';

export async function offerHelp(
  deps: Pick<Deps, 'store' | 'queues' | 'now'>,
  press: DigestPress & { child?: string },
): Promise<CardOutcome> {
  const located = await locateDigest(deps.store, press);
  if ('outcome' in located) return located.outcome;
  const { actor, digest } = located;
  const child = digest.notSeenYet.find((c) => c.childId === press.child);
  const to = child?.practitionerId ? await teamMember(deps, digest.teamId, child.practitionerId) : undefined;
  if (!child || !to) return { refused: 'something-wrong' };
  return sendNote(deps, located, press, {
    to,
    idPart: `help-${child.childId}-${actor.id}`,
    note: {
      kind: 'help',
      from: firstName(actor.displayName),
      childId: child.childId,
      childName: child.childName,
    },
    updateKey: `help:${child.childId}`,
    update: { kind: 'help-offered', name: firstName(to.displayName) },
    action: 'digest.offer-help',
  });
}
