/**
 * What a card button leads to, for the Teams adapter to show: a card to replace the pressed one, or
 * a refusal that changed nothing. Use cases decide; the adapter words and renders.
 */
import type { FormValues } from '../cards/morning-card';
import type { OutboxMessage } from '../domain/outbox';
import type { BundleItem } from '../domain/planner';
import type { Person } from '../domain/types';
import type { FormProblem } from '../text/teams/item-form';

export type Refusal = 'not-your-card' | 'card-gone' | 'not-your-team' | 'unknown-person' | 'something-wrong';

export type CardOutcome =
  /** `already`: an item this press found recorded already; the card says what was recorded. */
  | { show: 'morning'; message: OutboxMessage; owner: Person; already?: string }
  | {
      show: 'item-form';
      message: OutboxMessage;
      item: BundleItem;
      /** The reminders worth offering for this item today. */
      snoozes: ('tomorrow' | 'monday')[];
      /** Why the form came back, and what was typed on it. */
      problem?: FormProblem;
      typed?: FormValues;
    }
  | { show: 'digest'; message: OutboxMessage; list: boolean }
  | { refused: Refusal };

export type { FormValues } from '../cards/morning-card';

export const refused = (refusal: Refusal): CardOutcome => ({ refused: refusal });
