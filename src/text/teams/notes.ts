/**
 * Notes from one person to another: a manager's thank-you or offer of help, and the note to a
 * manager about what falls due while someone is away. Their previews never name a child.
 */
import type { Note } from '../../domain/outbox';
import type { IsoDate } from '../../domain/types';
import { escapeCardText } from '../escape';
import { spokenDate } from '../spoken-date';
import { thanksStrength } from './digest';
import { itemSentence } from './morning';

export const NOTE_CARD = { openRecord: 'Open the record' } as const;

export interface SaidNote {
  title: string;
  text: string;
  /** What the lock screen shows: never a child's name. */
  preview: string;
}

/** Names and words from outside are escaped here, so the card shows them as text. */
export function sayNote(note: Note, today: IsoDate): SaidNote {
  switch (note.kind) {
    case 'thanks': {
      const from = escapeCardText(note.from);
      return {
        title: `A thank-you from ${from}`,
        // Only what Hearth recorded: that the children due a visit were seen.
        text: `${from} read your team's week of ${spokenDate(note.weekStart, today)} and wanted to say thank you: ${thanksStrength(note.due)}`,
        preview: 'A thank-you from your manager',
      };
    }
    case 'help': {
      const from = escapeCardText(note.from);
      const child = escapeCardText(note.childName);
      return {
        title: `${from} would like to help`,
        text: `${from} saw that ${child} has not been seen yet and would like to help. What would make ${child}'s visit easier? Reply to ${from} here in Teams, or ask for some time together this week.`,
        preview: 'Your manager would like to help',
      };
    }
    case 'cover': {
      const items = note.items.map((i) => itemSentence(i, note)).join(' ');
      const away = escapeCardText(note.awayName);
      return {
        title: `While ${away} is away`,
        text: `${away} is on leave from ${spokenDate(note.leave.from, note.date)} to ${spokenDate(note.leave.to, note.date)}. These fall due while they are away, so someone may need to pick them up: ${items}`,
        preview: 'Cover needed while someone is on leave',
      };
    }
  }
}
