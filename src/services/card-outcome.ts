/**
 * What a card button leads to, for the Teams adapter to show: a card to replace the pressed one, or
 * a refusal that changed nothing. Use cases decide; the adapter words and renders.
 */
import type { OutboxMessage } from '../domain/outbox';
import type { BundleItem } from '../domain/planner';
import type { Person } from '../domain/types';

export type Refusal = 'not-your-card' | 'card-gone' | 'not-your-team' | 'unknown-person' | 'something-wrong';

export type CardOutcome =
  | { show: 'morning'; message: OutboxMessage; owner: Person }
  | { show: 'item-form'; message: OutboxMessage; item: BundleItem }
  | { show: 'digest'; message: OutboxMessage; list: boolean }
  | { refused: Refusal };

export const refused = (refusal: Refusal): CardOutcome => ({ refused: refusal });
