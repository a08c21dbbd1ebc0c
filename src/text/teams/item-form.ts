/**
 * The form behind a morning card item's Update button (seen, booked, couldn't visit, remind me),
 * and the line a card shows in place of an item once something is recorded from it.
 */
import type { CardUpdate } from '../../domain/outbox';
import type { IsoDate } from '../../domain/types';
import { NOT_SEEN_REASON_CODES } from '../../domain/types';
import { capitalise } from '../grammar';
import { spokenDate } from '../spoken-date';
import { NOT_SEEN_REASONS } from './events';

export const ITEM_FORM = {
  seenOn: 'Seen on',
  seenAlone: 'Seen on their own',
  seen: 'Seen',
  bookedFor: 'Booked for',
  booked: 'Booked',
  reason: "Couldn't visit because",
  note: 'Anything to add (optional)',
  notSeen: "Couldn't visit",
  remindTomorrow: 'Remind me tomorrow',
  remindMonday: 'Remind me on Monday',
  back: 'Back',
} as const;

/** The choices for why a visit could not happen: every reason Hearth knows, in order. */
export const reasonChoices = () =>
  NOT_SEEN_REASON_CODES.map((code) => ({ title: capitalise(NOT_SEEN_REASONS[code]), value: code }));

/** What a card says in place of an item, or beside a digest line, once something is done from it. */
export function updateNote(update: CardUpdate, today: IsoDate): string {
  switch (update.kind) {
    case 'seen':
      return `Seen on ${spokenDate(update.on, today)}${update.alone ? ', on their own' : ''}. Thank you.`;
    case 'booked':
      return `Booked for ${spokenDate(update.for, today)}.`;
    case 'not-seen':
      return `Recorded: couldn't visit today (${NOT_SEEN_REASONS[update.reason]}).`;
    case 'snoozed':
      return `I'll remind you on ${spokenDate(update.until, today)}.`;
    case 'already-done':
      return `Already recorded: ${update.visit ? 'seen' : 'done'} on ${spokenDate(update.on, today)}.`;
    case 'already-booked':
      return `Already recorded: booked for ${spokenDate(update.for, today)}.`;
    case 'thanked':
      return `Thank-you sent to ${update.name}.`;
    case 'help-offered':
      return `You offered ${update.name} your help.`;
  }
}
