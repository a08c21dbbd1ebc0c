/**
 * A manager thanks a practitioner for a strength in the week's digest.
 */
import { firstName } from '../../domain/names';
import type { CardOutcome } from '../card-outcome';
import type { Deps } from '../deps';
import type { DigestPress } from './locate-digest';
import { locateDigest } from './locate-digest';
import { sendNote, teamMember } from './send-note';

export async function thank(
  deps: Pick<Deps, 'store' | 'queues' | 'now'>,
  press: DigestPress & { person?: string },
): Promise<CardOutcome> {
  const located = await locateDigest(deps.store, press);
  if ('outcome' in located) return located.outcome;
  const { actor, digest } = located;
  const strength = digest.strengths.find(
    (s) => s.kind === 'saw-everyone-due' && s.practitionerId === press.person,
  );
  if (strength?.kind !== 'saw-everyone-due') return { refused: 'something-wrong' };
  const to = await teamMember(deps, digest.teamId, strength.practitionerId);
  if (!to) return { refused: 'something-wrong' };
  return sendNote(deps, located, press, {
    to,
    idPart: `thanks-${actor.id}-${digest.weekId}`,
    note: { kind: 'thanks', from: actor.displayName, weekStart: digest.weekStart, due: strength.due },
    updateKey: `thank:${to.id}`,
    update: { kind: 'thanked', name: firstName(to.displayName) },
    action: 'digest.thank',
  });
}
