/**
 * Finding the digest a manager pressed a button on: theirs, and for a team they still manage now
 * (managers move on: what they may see is checked at every press, not when the digest was made).
 */
import type { TeamDigest } from '../../domain/digest';
import { teamsVisibleTo } from '../../domain/digest-access';
import type { OutboxMessage } from '../../domain/outbox';
import type { Person } from '../../domain/types';
import type { Store } from '../../store/store';
import type { CardOutcome } from '../card-outcome';
import { ownCard } from '../own-card';

export interface DigestPress {
  actor: Person | undefined;
  cardId: string;
  /** Pressed on the full list of children not seen yet, rather than the digest itself. */
  list: boolean;
}

export interface LocatedDigest {
  actor: Person;
  message: OutboxMessage;
  digest: TeamDigest;
}

export async function locateDigest(
  store: Store,
  press: DigestPress,
): Promise<LocatedDigest | { outcome: CardOutcome }> {
  const own = await ownCard(store, press.cardId, press.actor, ['digest']);
  if ('refused' in own) return { outcome: own };
  const digest = own.message.digest;
  if (!digest) return { outcome: { refused: 'card-gone' } };
  if (!teamsVisibleTo(own.actor).includes(digest.teamId)) return { outcome: { refused: 'not-your-team' } };
  return { actor: own.actor, message: own.message, digest };
}

/** The digest (or its full list) as it now stands. */
export async function showDigest(deps: { store: Store }, press: DigestPress): Promise<CardOutcome> {
  const located = await locateDigest(deps.store, press);
  return 'outcome' in located
    ? located.outcome
    : { show: 'digest', message: located.message, list: press.list };
}
