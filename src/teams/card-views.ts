/**
 * Use case outcomes -> the card that replaces the pressed one. Refusals become a one-line card in
 * the bot's words; nothing else about Teams leaks into the use cases.
 */
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { renderDigestCard, renderNotSeenCard } from '../cards/digest-cards';
import { messageCard } from '../cards/message-card';
import { renderItemCard, renderMorningCard } from '../cards/morning-card';
import { caseRecordUrl } from '../cards/teams-activity';
import { londonDate } from '../domain/dates';
import type { CardUpdate } from '../domain/outbox';
import { firstName } from '../domain/names';
import type { CardOutcome, Refusal } from '../services/card-outcome';
import type { Deps } from '../services/deps';
import { REFUSALS } from '../text/teams/replies';

/** Our templates produce Adaptive Card JSON; teams-ai types it as its own AdaptiveCard. */
const asCard = (card: Record<string, unknown>) => card as unknown as AdaptiveCard;

export const refusalCard = (refusal: Refusal) => asCard(messageCard(REFUSALS[refusal]));

/** A one-line card in the bot's words (from the catalogue). */
export const lineCard = (text: string) => asCard(messageCard(text));

/** What the card shows in place of items: what was recorded, and for `already`, that it was already. */
function shownUpdates(outcome: CardOutcome): { updates?: Record<string, CardUpdate> } {
  if ('refused' in outcome) return {};
  const updates = outcome.message.updates;
  if (!updates) return {};
  const already = outcome.show === 'morning' ? outcome.already : undefined;
  const first = already ? updates[already] : undefined;
  return {
    updates:
      first && already ? { ...updates, [already]: { kind: 'already-recorded', update: first } } : updates,
  };
}

export function outcomeCard(deps: Pick<Deps, 'config' | 'now'>, outcome: CardOutcome): AdaptiveCard {
  if ('refused' in outcome) return refusalCard(outcome.refused);
  const today = londonDate(deps.now());
  const { message } = outcome;
  const updates = shownUpdates(outcome);
  if (outcome.show === 'morning' && message.bundle) {
    return asCard(
      renderMorningCard(message.bundle, {
        firstName: firstName(outcome.owner.displayName),
        recordUrl: (childId) => caseRecordUrl(deps.config.caseRecordUrlTemplate, childId),
        cardId: message.id,
        today,
        ...updates,
      }),
    );
  }
  if (outcome.show === 'item-form' && message.bundle)
    return asCard(
      renderItemCard(message.id, outcome.item, message.bundle, today, {
        snoozes: outcome.snoozes,
        ...(outcome.problem ? { problem: outcome.problem } : {}),
        ...(outcome.typed ? { typed: outcome.typed } : {}),
      }),
    );
  if (outcome.show === 'digest' && message.digest) {
    const options = { cardId: message.id, ...updates };
    return asCard(
      outcome.list ? renderNotSeenCard(message.digest, options) : renderDigestCard(message.digest, options),
    );
  }
  return refusalCard('card-gone');
}
