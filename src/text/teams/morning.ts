/**
 * The practitioner's morning card in Hearth's voice (DOMAIN.md section 5): the child first, what
 * happened for them, what needs to happen and by when. Children are named by the configured short
 * style; no pronoun is guessed ("they" at most). The lock-screen preview carries counts, never names.
 */
import type { BundleItem, DayContext, MorningBundle } from '../../domain/planner';
import { daysBetween } from '../../domain/dates';
import type { EventKind, IsoDate } from '../../domain/types';
import { MEETING_KINDS } from '../../domain/types';
import { escapeCardText } from '../escape';
import { listOr } from '../grammar';
import { spokenDate } from '../spoken-date';
import { EVENT_NAMES, missingName } from './events';

/** The words the morning card itself shows around the sentences. */
export const MORNING_CARD = {
  greeting: (firstName: string) => `Good morning, ${escapeCardText(firstName)}`,
  nothingDue: 'Nothing is due for your children today.',
  sections: {
    today: 'To see today',
    notSeenYet: 'Not seen yet',
    comingUp: 'Coming up',
    beforeLeave: 'Before you go on leave',
    cannotWorkOut: 'Dates Hearth needs',
  },
  update: 'Update',
  record: 'Record',
  openRecordFor: (name: string) => `Open the record for ${name}`,
  nudgeHeading: 'A reminder',
  nudgePreview: 'A reminder about one of your children',
} as const;

export interface SentenceContext {
  /** The child's short name as it is: the sentence escapes it. */
  name: string;
  eventKind: EventKind;
  dueDate: IsoDate;
  today: IsoDate;
  /** The practitioner's next working day, for "tomorrow". */
  nextWorkingDay: IsoDate;
  booked?: IsoDate;
  lastDone?: IsoDate;
}

/** The context with the child's name made safe for a card. */
const said = (c: SentenceContext): SentenceContext => ({ ...c, name: escapeCardText(c.name) });

const whenSaid = (date: IsoDate, today: IsoDate, tomorrow: IsoDate) =>
  date === today ? 'today' : date === tomorrow ? 'tomorrow' : `on ${spokenDate(date, today)}`;

/** A child to see today (visits) or something happening today. */
export function todaySentence(context: SentenceContext): string {
  const c = said(context);
  if (c.eventKind === 'visit') {
    return c.booked === c.today
      ? `${c.name}'s visit is booked for today.`
      : `${c.name} is due to be seen today.`;
  }
  return `${c.name}'s ${EVENT_NAMES[c.eventKind]} is today.`;
}

/** Something still to happen whose date has passed: said as "not done yet", never "overdue". */
export function notYetSentence(context: SentenceContext): string {
  const c = said(context);
  if (c.eventKind === 'visit') {
    const since = c.lastDone
      ? ` since ${spokenDate(c.lastDone, c.today)} (${daysBetween(c.lastDone, c.today)} days)`
      : ' yet';
    const booking = c.booked
      ? ` A visit is booked for ${spokenDate(c.booked, c.today)}.`
      : ' Can you book a visit?';
    return `${c.name} has not been seen${since}; we said we would see them by ${spokenDate(c.dueDate, c.today)}.${booking}`;
  }
  return `${c.name}'s ${EVENT_NAMES[c.eventKind]} has not happened yet; it was due by ${spokenDate(c.dueDate, c.today)}.`;
}

/** Something coming up, with why it matters for the child. */
export function comingUpSentence(context: SentenceContext): string {
  const c = said(context);
  const when = whenSaid(c.dueDate, c.today, c.nextWorkingDay);
  if (c.eventKind === 'visit') {
    return c.booked
      ? `${c.name}'s visit is booked for ${spokenDate(c.booked, c.today)}.`
      : `${c.name} is due to be seen by ${spokenDate(c.dueDate, c.today)}.`;
  }
  if (c.eventKind === 'assessment') {
    return `${c.name}'s assessment is due ${when}; finishing it on time means ${c.name} and their family get the right help at the right time.`;
  }
  if (MEETING_KINDS.has(c.eventKind)) {
    const date = c.booked ?? c.dueDate;
    const base = `${c.name}'s ${EVENT_NAMES[c.eventKind]} is ${whenSaid(date, c.today, c.nextWorkingDay)}.`;
    return date === c.nextWorkingDay
      ? `${base} Before it, capture ${c.name}'s wishes and feelings in their own words.`
      : base;
  }
  return `${c.name}'s ${EVENT_NAMES[c.eventKind]} is due ${when}.`;
}

export function cannotWorkOutSentence(
  childName: string,
  eventKind: EventKind,
  missing: readonly string[],
): string {
  const name = escapeCardText(childName);
  return `We cannot work out when ${name}'s ${EVENT_NAMES[eventKind]} is due: ${name}'s record needs ${listOr(missing.map(missingName))}.`;
}

/** One item of a bundle, nudge or cover notice, said as of its day. */
export function itemSentence(item: BundleItem, day: DayContext): string {
  if (item.situation === 'cannot-work-out')
    return cannotWorkOutSentence(item.childName, item.eventKind, item.missing ?? []);
  const context: SentenceContext = {
    name: item.childName,
    eventKind: item.eventKind,
    dueDate: item.dueDate,
    today: day.date,
    nextWorkingDay: day.nextWorkingDay,
    ...(item.booked ? { booked: item.booked } : {}),
    ...(item.lastDone ? { lastDone: item.lastDone } : {}),
  };
  if (item.situation === 'today') return todaySentence(context);
  if (item.situation === 'not-seen-yet') return notYetSentence(context);
  return comingUpSentence(context);
}

/** The "you have seen 14 of your 17 children this week" line. */
export function seenThisWeekSentence(seen: number, total: number): string {
  if (total === 0) return 'No children are allocated to you in Hearth yet.';
  if (seen === total) return `You have seen all ${total} of your children this week. Thank you.`;
  return `You have seen ${seen} of your ${total} ${total === 1 ? 'child' : 'children'} this week.`;
}

/** The lock-screen preview: counts only, never a child's name. */
export function previewText(counts: { today: number; comingUp: number; notYet: number }): string {
  const parts = [
    counts.today ? `${counts.today} to see today` : undefined,
    counts.notYet ? `${counts.notYet} not seen yet` : undefined,
    counts.comingUp ? `${counts.comingUp} coming up` : undefined,
  ].filter(Boolean);
  return parts.length ? `Your children today: ${parts.join(', ')}` : 'Your children today: nothing due';
}

export type SaidItem = BundleItem & { sentence: string };

/** A bundle with its words: what the morning card shows. */
export interface SaidBundle extends Omit<
  MorningBundle,
  'today' | 'notSeenYet' | 'comingUp' | 'beforeLeave' | 'cannotWorkOut' | 'seenThisWeek'
> {
  preview: string;
  seenThisWeek: { seen: number; total: number; sentence: string };
  today: SaidItem[];
  notSeenYet: SaidItem[];
  comingUp: SaidItem[];
  beforeLeave: SaidItem[];
  cannotWorkOut: SaidItem[];
}

export function sayBundle(bundle: MorningBundle): SaidBundle {
  const say = (items: BundleItem[]) =>
    items.map((item) => ({ ...item, sentence: itemSentence(item, bundle) }));
  return {
    ...bundle,
    preview: previewText({
      today: bundle.today.length,
      comingUp: bundle.comingUp.length,
      notYet: bundle.notSeenYet.length,
    }),
    seenThisWeek: {
      ...bundle.seenThisWeek,
      sentence: seenThisWeekSentence(bundle.seenThisWeek.seen, bundle.seenThisWeek.total),
    },
    today: say(bundle.today),
    notSeenYet: say(bundle.notSeenYet),
    comingUp: say(bundle.comingUp),
    beforeLeave: say(bundle.beforeLeave),
    cannotWorkOut: say(bundle.cannotWorkOut),
  };
}
