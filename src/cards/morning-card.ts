/**
 * The practitioner's morning card, a timely nudge, and the form behind an item's Update button.
 */
import type { CardUpdate } from '../domain/outbox';
import type { BundleItem, MorningBundle, Nudge } from '../domain/planner';
import type { IsoDate } from '../domain/types';
import { VISIT_KINDS } from '../domain/types';
import { escapeCardText } from '../text/escape';
import { ITEM_FORM, reasonChoices, updateNote } from '../text/teams/item-form';
import { itemSentence, MORNING_CARD, sayBundle } from '../text/teams/morning';
import type { Card } from './render';
import { renderCard } from './render';

export interface MorningCardOptions {
  firstName: string;
  recordUrl: (childId: string) => string;
  /** The outbox id, carried by the card's buttons; without it the card has no buttons. */
  cardId?: string;
  /** What has been recorded from this card, by item key, shown in place of its buttons. */
  updates?: Record<string, CardUpdate>;
  /** The day the card is shown (for how dates read); the bundle's own day by default. */
  today?: IsoDate;
}

const SECTIONS = ['today', 'notSeenYet', 'comingUp', 'beforeLeave', 'cannotWorkOut'] as const;

/** The morning card for a bundle. */
export function renderMorningCard(bundle: MorningBundle, options: MorningCardOptions): Card {
  const said = sayBundle(bundle);
  const today = options.today ?? bundle.date;
  const sections = SECTIONS.filter((key) => said[key].length > 0).map((key) => ({
    title: MORNING_CARD.sections[key],
    items: said[key].map((item) => {
      const update = options.updates?.[item.key];
      return {
        // Sentences carry names from the case system: escape the whole sentence.
        sentence: escapeCardText(item.sentence),
        name: escapeCardText(item.childName),
        key: item.key,
        recordUrl: options.recordUrl(item.childId),
        actionable: options.cardId !== undefined && key !== 'cannotWorkOut',
        done: update ? updateNote(update, today) : '',
      };
    }),
  }));
  return renderCard('morning', {
    cardId: options.cardId ?? '',
    greeting: MORNING_CARD.greeting(escapeCardText(options.firstName)),
    nothingDue: MORNING_CARD.nothingDue,
    preview: said.preview,
    seenThisWeek: said.seenThisWeek.sentence,
    sections,
    words: { update: MORNING_CARD.update, record: MORNING_CARD.record },
  });
}

/** The form behind an item's Update button. */
export function renderItemCard(
  cardId: string,
  item: BundleItem,
  bundle: MorningBundle,
  today: IsoDate,
): Card {
  return renderCard('item', {
    cardId,
    key: item.key,
    name: escapeCardText(item.childName),
    sentence: escapeCardText(itemSentence(item, bundle)),
    isVisit: VISIT_KINDS.has(item.eventKind),
    today,
    reasons: reasonChoices(),
    words: ITEM_FORM,
  });
}

export function renderNudgeCard(nudge: Nudge, recordUrl: string): Card {
  return renderCard('nudge', {
    preview: MORNING_CARD.nudgePreview,
    heading: MORNING_CARD.nudgeHeading,
    sentence: escapeCardText(itemSentence(nudge.item, nudge)),
    tooltip: MORNING_CARD.openRecordFor(escapeCardText(nudge.item.childName)),
    recordUrl,
  });
}

/** All of a bundle's items that can be acted on, wherever they sit. */
export function bundleItems(bundle: MorningBundle): BundleItem[] {
  return [...bundle.today, ...bundle.notSeenYet, ...bundle.comingUp, ...bundle.beforeLeave];
}
