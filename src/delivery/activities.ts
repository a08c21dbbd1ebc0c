/**
 * Outbox message -> Teams activity: the card, and the summary a phone shows on its lock screen,
 * which carries counts and never a child's name.
 */
import { renderDigestCard, renderKindWordCard, renderRollUpCard } from '../cards/digest-cards';
import { renderCard, renderMorningCard } from '../cards/render';
import { escapeCardText } from '../text/escape';
import { firstName } from '../domain/language';
import type { Person } from '../domain/types';
import type { OutboxMessage } from './outbox';

export const NUDGE_PREVIEW = 'A reminder about one of your children';

const adaptiveCard = (content: Record<string, unknown>) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content,
});

export function caseRecordUrl(template: string, childId: string): string {
  return template.replace('{caseId}', encodeURIComponent(childId));
}

export function outboxActivity(
  message: OutboxMessage,
  person: Person,
  recordUrlTemplate: string,
): Record<string, unknown> {
  const recordUrl = (childId: string) => caseRecordUrl(recordUrlTemplate, childId);
  if (message.kind === 'morning' && message.bundle) {
    return {
      type: 'message',
      summary: message.bundle.preview,
      attachments: [
        adaptiveCard(
          renderMorningCard(message.bundle, {
            firstName: firstName(person.displayName),
            recordUrl,
            cardId: message.id,
            ...(message.updates ? { updates: message.updates } : {}),
          }),
        ),
      ],
    };
  }
  if (message.kind === 'nudge' && message.nudge) {
    const item = message.nudge.item;
    return {
      type: 'message',
      summary: NUDGE_PREVIEW,
      attachments: [
        adaptiveCard(
          renderCard('nudge', {
            preview: NUDGE_PREVIEW,
            sentence: escapeCardText(item.sentence),
            name: escapeCardText(item.childName),
            recordUrl: recordUrl(item.childId),
          }),
        ),
      ],
    };
  }
  if (message.kind === 'digest' && message.digest) {
    return {
      type: 'message',
      summary: message.digest.preview,
      attachments: [
        adaptiveCard(
          renderDigestCard(message.digest, {
            cardId: message.id,
            ...(message.updates ? { updates: message.updates } : {}),
          }),
        ),
      ],
    };
  }
  if (message.kind === 'rollup' && message.rollup) {
    return {
      type: 'message',
      summary: message.rollup.view.preview,
      attachments: [adaptiveCard(renderRollUpCard(message.rollup.view, message.rollup.weekStart))],
    };
  }
  if (message.kind === 'word' && message.word) {
    const { childId, ...word } = message.word;
    return {
      type: 'message',
      summary: word.preview,
      attachments: [
        adaptiveCard(renderKindWordCard({ ...word, ...(childId ? { recordUrl: recordUrl(childId) } : {}) })),
      ],
    };
  }
  throw new Error(`outbox message ${message.id} has nothing to send`);
}
