/**
 * The form behind a morning card item's Update button (seen or done, booked, couldn't visit, remind
 * me), the line that says what to fix when the form is refused, and the line a card shows in place
 * of an item once something is recorded from it. Names are escaped here (src/text/escape.ts).
 */
import type { CardUpdate } from '../../domain/outbox';
import type { IsoDate } from '../../domain/types';
import { NOT_SEEN_REASON_CODES } from '../../domain/types';
import { escapeCardText } from '../escape';
import { capitalise } from '../grammar';
import { spokenDate } from '../spoken-date';
import { NOT_SEEN_REASONS } from './events';

export const ITEM_FORM = {
  /** The form's heading: the child's name. */
  heading: (childName: string) => escapeCardText(childName),
  seenOn: 'Seen on',
  seenAlone: 'Seen on their own',
  seen: 'Seen',
  doneOn: 'Done on',
  done: 'Done',
  bookedFor: 'Booked for',
  booked: 'Booked',
  reason: "Couldn't visit because",
  note: 'Anything to add (optional)',
  notSeen: "Couldn't visit",
  remindTomorrow: 'Remind me tomorrow',
  remindMonday: 'Remind me on Monday',
  back: 'Back',
} as const;

/** Why the form came back, by code (the use case decides; these are the words). */
export const FORM_PROBLEMS = {
  'booked-no-date': 'Choose the date it is booked for, then press Booked again.',
  'booked-in-past': 'That date has passed. Choose today or a day ahead, then press Booked again.',
  'booked-too-far': 'That date is more than a year away. Choose a day within the next year.',
  'seen-in-future': 'That date is still to come. Choose the day you saw them: today or a day before.',
  'seen-too-long-ago':
    'That date is more than 90 days ago. Choose a day in the last 90 days, or add it to the record directly.',
  'done-in-future': 'That date is still to come. Choose the day it happened: today or a day before.',
  'done-too-long-ago':
    'That date is more than 90 days ago. Choose a day in the last 90 days, or add it to the record directly.',
  'not-a-date': 'That is not a date I can read. Choose one from the calendar.',
  'no-reason': "Choose why you couldn't visit, then press Couldn't visit again.",
  'note-too-long': 'Your note is longer than 200 characters. Please shorten it and press the button again.',
  'reminder-too-late':
    "That reminder would come after it is due, so I haven't set it. Choose another, or record what happened.",
  'not-a-visit': 'This is not a visit. Record it with Done instead.',
  'not-understood': "I couldn't read part of the form. Please check it and press the button again.",
} as const;
export type FormProblem = keyof typeof FORM_PROBLEMS;

/** The choices for why a visit could not happen: every reason Hearth knows, in order. */
export const reasonChoices = () =>
  NOT_SEEN_REASON_CODES.map((code) => ({ title: capitalise(NOT_SEEN_REASONS[code]), value: code }));

/** An update as the first words of "Already recorded: ...". */
function recordedAs(update: CardUpdate, today: IsoDate): string {
  switch (update.kind) {
    case 'seen':
      return `seen on ${spokenDate(update.on, today)}${update.alone ? ', on their own' : ''}`;
    case 'done':
      return `done on ${spokenDate(update.on, today)}`;
    case 'booked':
      return `booked for ${spokenDate(update.for, today)}`;
    case 'not-seen':
      return `couldn't visit (${NOT_SEEN_REASONS[update.reason]})`;
    case 'snoozed':
      return `a reminder on ${spokenDate(update.until, today)}`;
    default:
      return updateNote(update, today);
  }
}

/** What a card says in place of an item, or beside a digest line, once something is done from it. */
export function updateNote(update: CardUpdate, today: IsoDate): string {
  switch (update.kind) {
    case 'seen':
      return `Seen on ${spokenDate(update.on, today)}${update.alone ? ', on their own' : ''}. Thank you.`;
    case 'done':
      return `Done on ${spokenDate(update.on, today)}. Thank you.`;
    case 'booked':
      return `Booked for ${spokenDate(update.for, today)}.`;
    case 'not-seen':
      return `Recorded: couldn't visit today (${NOT_SEEN_REASONS[update.reason]}).${update.withNote ? ' Your note is kept with it.' : ''}`;
    case 'snoozed':
      return `I'll remind you on ${spokenDate(update.until, today)}.`;
    case 'already-done':
      return `Already recorded: ${update.visit ? 'seen' : 'done'} on ${spokenDate(update.on, today)}.`;
    case 'already-booked':
      return `Already recorded: booked for ${spokenDate(update.for, today)}.`;
    case 'already-recorded':
      return update.update.kind.startsWith('already')
        ? updateNote(update.update, today)
        : `Already recorded: ${recordedAs(update.update, today)}. I haven't changed anything.`;
    case 'thanked':
      return `Thank-you sent to ${escapeCardText(update.name)}.`;
    case 'help-offered':
      return `You offered ${escapeCardText(update.name)} your help.`;
    case 'not-sent':
      return notSentNote(update);
  }
}

function notSentNote(update: Extract<CardUpdate, { kind: 'not-sent' }>): string {
  const name = escapeCardText(update.name);
  const tell = update.note === 'thanks' ? 'tell them in person' : 'ask them in person';
  return update.why === 'not-installed'
    ? `${name} hasn't opened Hearth yet, so I couldn't send it; ${tell}.`
    : `${name} has turned off Hearth in Teams, so I couldn't send it; ${tell}.`;
}
