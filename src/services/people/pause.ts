/**
 * A person pauses Hearth's messages, or starts them again.
 */
import type { Person } from '../../domain/types';
import type { Deps } from '../deps';

export type PauseOutcome = 'paused' | 'already-paused' | 'resumed' | 'not-paused';

export async function setPaused(
  deps: Pick<Deps, 'store'>,
  person: Person,
  paused: boolean,
): Promise<PauseOutcome> {
  if (person.paused === paused) return paused ? 'already-paused' : 'not-paused';
  await deps.store.people.update(person.id, person.teamId, (p) => ({ ...p, paused }));
  return paused ? 'paused' : 'resumed';
}
