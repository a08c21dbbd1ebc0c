/**
 * Outbox message -> Teams activity: the card, and the summary a phone shows on its lock screen,
 * which carries counts and never a child's name.
 */
import { firstName } from '../domain/names';
import type { OutboxMessage } from '../domain/outbox';
import type { IsoDate, Person } from '../domain/types';
import { MORNING_CARD, sayBundle } from '../text/teams/morning';
import { sayDigest, sayRollUp } from '../text/teams/digest';
import { notePreview, renderDigestCard, renderNoteCard, renderRollUpCard } from './digest-cards';
import { renderMorningCard, renderNudgeCard } from './morning-card';
import type { Card } from './render';
import { adaptiveCard } from './render';

export function caseRecordUrl(template: string, childId: string): string {
  return template.replace('{caseId}', encodeURIComponent(childId));
}

export type TeamsActivity = {
  type: 'message';
  summary: string;
  attachments: ReturnType<typeof adaptiveCard>[];
};

const activity = (summary: string, card: Card): TeamsActivity => ({
  type: 'message',
  summary,
  attachments: [adaptiveCard(card)],
});

/** The card for an outbox message, as its recipient sees it on `today`. */
export function outboxActivity(
  message: OutboxMessage,
  recipient: Person,
  recordUrlTemplate: string,
  today: IsoDate = message.date,
): TeamsActivity {
  const recordUrl = (childId: string) => caseRecordUrl(recordUrlTemplate, childId);
  const updates = message.updates ? { updates: message.updates } : {};
  if (message.kind === 'morning' && message.bundle) {
    const card = renderMorningCard(message.bundle, {
      firstName: firstName(recipient.displayName),
      recordUrl,
      cardId: message.id,
      today,
      ...updates,
    });
    return activity(sayBundle(message.bundle).preview, card);
  }
  if (message.kind === 'nudge' && message.nudge) {
    return activity(
      MORNING_CARD.nudgePreview,
      renderNudgeCard(message.nudge, recordUrl(message.nudge.item.childId)),
    );
  }
  if (message.kind === 'digest' && message.digest) {
    return activity(
      sayDigest(message.digest).preview,
      renderDigestCard(message.digest, { cardId: message.id, ...updates }),
    );
  }
  if (message.kind === 'rollup' && message.rollup) {
    const { view, weekStart } = message.rollup;
    return activity(sayRollUp(view).preview, renderRollUpCard(view, weekStart));
  }
  if (message.kind === 'note' && message.note) {
    const note = message.note;
    const url = note.kind === 'help' ? recordUrl(note.childId) : undefined;
    return activity(notePreview(note, today), renderNoteCard(note, today, url));
  }
  throw new Error(`outbox message ${message.id} has nothing to send`);
}
