/**
 * The practitioner's morning card, a timely nudge, and the form behind an item's Update button.
 */
import type { CardUpdate } from '../domain/outbox';
import type { BundleItem, MorningBundle, Nudge } from '../domain/planner';
import { earliestDone, latestBooking } from '../domain/card-dates';
import type { IsoDate } from '../domain/types';
import { NOT_SEEN_REASON_CODES, VISIT_KINDS } from '../domain/types';
import type { FormProblem } from '../text/teams/item-form';
import { FORM_PROBLEMS, ITEM_FORM, reasonChoices, updateNote } from '../text/teams/item-form';
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
        // Sentences come escaped from the catalogue (src/text): names show as text.
        sentence: item.sentence,
        name: item.childName,
        key: item.key,
        recordUrl: options.recordUrl(item.childId),
        actionable: options.cardId !== undefined && key !== 'cannotWorkOut',
        done: update ? updateNote(update, today) : '',
      };
    }),
  }));
  return renderCard('morning', {
    cardId: options.cardId ?? '',
    greeting: MORNING_CARD.greeting(options.firstName),
    nothingDue: MORNING_CARD.nothingDue,
    preview: said.preview,
    seenThisWeek: said.seenThisWeek.sentence,
    sections,
    words: { update: MORNING_CARD.update, record: MORNING_CARD.record },
  });
}

/** What a person typed on an item's form, given back with a refused form so nothing is lost. */
export interface FormValues {
  seenOn?: IsoDate;
  seenAlone?: boolean;
  doneOn?: IsoDate;
  bookedFor?: IsoDate;
  reason?: string;
  note?: string;
}

/** What the form behind an item's Update button shows besides the item. */
export interface ItemFormOptions {
  /** The reminders worth offering (`tomorrow`, `monday`). */
  snoozes: readonly ('tomorrow' | 'monday')[];
  /** Why the form came back, if it did. */
  problem?: FormProblem;
  /** What was typed, given back so nothing is lost. */
  typed?: FormValues;
}

/** The form behind an item's Update button: seen (visits) or done (the rest), booked, couldn't visit, remind me. */
export function renderItemCard(
  cardId: string,
  item: BundleItem,
  bundle: MorningBundle,
  today: IsoDate,
  options: ItemFormOptions = { snoozes: [] },
): Card {
  const typed = options.typed ?? {};
  return renderCard('item', {
    cardId,
    key: item.key,
    name: ITEM_FORM.heading(item.childName),
    sentence: itemSentence(item, bundle),
    problem: options.problem ? FORM_PROBLEMS[options.problem] : '',
    isVisit: VISIT_KINDS.has(item.eventKind),
    today,
    earliest: earliestDone(today),
    latest: latestBooking(today),
    seenOn: typed.seenOn ?? today,
    seenAlone: typed.seenAlone ? 'true' : 'false',
    doneOn: typed.doneOn ?? today,
    bookedFor: typed.bookedFor ?? '',
    reason: typed.reason ?? NOT_SEEN_REASON_CODES[0],
    note: typed.note ?? '',
    reasons: reasonChoices(),
    snoozes: options.snoozes.map((until) => ({
      until,
      title: until === 'monday' ? ITEM_FORM.remindMonday : ITEM_FORM.remindTomorrow,
    })),
    words: ITEM_FORM,
  });
}

export function renderNudgeCard(nudge: Nudge, recordUrl: string): Card {
  return renderCard('nudge', {
    preview: MORNING_CARD.nudgePreview,
    heading: MORNING_CARD.nudgeHeading,
    sentence: itemSentence(nudge.item, nudge),
    // A tooltip is plain text, not markdown: the name as it is.
    tooltip: MORNING_CARD.openRecordFor(nudge.item.childName),
    recordUrl,
  });
}

/** All of a bundle's items that can be acted on, wherever they sit. */
export function bundleItems(bundle: MorningBundle): BundleItem[] {
  return [...bundle.today, ...bundle.notSeenYet, ...bundle.comingUp, ...bundle.beforeLeave];
}
