/**
 * The practitioner's morning card in Hearth's voice (DOMAIN.md section 5): the child first, what
 * happened for them, what needs to happen and by when. Children are named by the configured short
 * style; no pronoun is guessed ("they" at most). The lock-screen preview carries counts, never names.
 */
import type { BundleItem, DayContext, MorningBundle } from '../../domain/planner';
import { daysBetween } from '../../domain/dates';
import type { EventKind, IsoDate } from '../../domain/types';
import { MEETING_KINDS, VISIT_KINDS } from '../../domain/types';
import { escapeCardText } from '../escape';
import { listAnd, listOr } from '../grammar';
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
  /** When the due date is not a working day: the last working day before it. */
  dueBy?: IsoDate;
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

/**
 * A deadline, said as the day to do it by: a due date on a weekend or bank holiday is said as the
 * working day before it, and says so.
 */
function deadline(c: SentenceContext): string {
  const by = spokenDate(c.dueBy ?? c.dueDate, c.today);
  return c.dueBy ? `${by}, the last working day before ${spokenDate(c.dueDate, c.today)}` : by;
}

/** Meetings and visits happen; everything else (plans, assessments, updates) is done. */
const happens = (kind: EventKind) => MEETING_KINDS.has(kind) || VISIT_KINDS.has(kind);

/** A child to see today (visits) or something due or booked today. */
export function todaySentence(context: SentenceContext): string {
  const c = said(context);
  if (c.eventKind === 'visit') {
    return c.booked === c.today
      ? `${c.name}'s visit is booked for today.`
      : `${c.name} is due to be seen today.`;
  }
  const thing = EVENT_NAMES[c.eventKind];
  return c.booked === c.today
    ? `${c.name}'s ${thing} is booked for today.`
    : `${c.name}'s ${thing} is due today.`;
}

/** Something still to happen whose date has passed: said as "not done yet", never "overdue". */
export function notYetSentence(context: SentenceContext): string {
  const c = said(context);
  const by = spokenDate(c.dueBy ?? c.dueDate, c.today);
  if (c.eventKind === 'visit') {
    const since = c.lastDone
      ? ` since ${spokenDate(c.lastDone, c.today)} (${daysBetween(c.lastDone, c.today)} days)`
      : ' yet';
    const booking = c.booked
      ? ` A visit is booked for ${spokenDate(c.booked, c.today)}.`
      : ' Can you book a visit?';
    return `${c.name} has not been seen${since}; we said we would see them by ${by}.${booking}`;
  }
  const thing = EVENT_NAMES[c.eventKind];
  const booking = c.booked ? ` It is booked for ${spokenDate(c.booked, c.today)}.` : '';
  return happens(c.eventKind)
    ? `${c.name}'s ${thing} has not happened yet; it needed to happen by ${by}.${booking}`
    : `${c.name}'s ${thing} is not done yet; it was due by ${by}.${booking}`;
}

/** Something coming up, with why it matters for the child: a deadline as a deadline, a booking as booked. */
export function comingUpSentence(context: SentenceContext): string {
  const c = said(context);
  const thing = EVENT_NAMES[c.eventKind];
  if (c.eventKind === 'visit') {
    return c.booked
      ? `${c.name}'s visit is booked for ${spokenDate(c.booked, c.today)}.`
      : `${c.name} is due to be seen by ${deadline(c)}.`;
  }
  const dueTomorrow = !c.dueBy && c.dueDate === c.nextWorkingDay;
  if (c.eventKind === 'assessment') {
    const when = dueTomorrow ? 'tomorrow' : `by ${deadline(c)}`;
    return `${c.name}'s assessment is due ${when}; finishing it on time means ${c.name} and their family get the right help at the right time.`;
  }
  if (happens(c.eventKind)) {
    const date = c.booked ?? c.dueBy ?? c.dueDate;
    const base = c.booked
      ? `${c.name}'s ${thing} is booked for ${whenSaid(c.booked, c.today, c.nextWorkingDay).replace(/^on /, '')}.`
      : `${c.name}'s ${thing} needs to happen by ${dueTomorrow ? 'tomorrow' : deadline(c)}.`;
    return date === c.nextWorkingDay
      ? `${base} Before it, capture ${c.name}'s wishes and feelings in their own words.`
      : base;
  }
  return `${c.name}'s ${thing} is due ${dueTomorrow ? 'tomorrow' : `by ${deadline(c)}`}.`;
}

/**
 * The dates one child's record needs before Hearth can say what is due for them, as one line: each
 * date once, whichever rules need it.
 */
export function datesNeededSentence(name: string, missing: readonly string[]): string {
  const dates = [...new Set(missing.map(missingName))];
  const count = dates.length === 1 ? 'one date' : `${dates.length} dates`;
  return `We need ${count} for ${escapeCardText(name)} to work out what is due: ${listAnd(dates)}.`;
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
    ...(item.dueBy ? { dueBy: item.dueBy } : {}),
    today: day.date,
    nextWorkingDay: day.nextWorkingDay,
    ...(item.booked ? { booked: item.booked } : {}),
    ...(item.lastDone ? { lastDone: item.lastDone } : {}),
  };
  if (item.situation === 'today') return todaySentence(context);
  if (item.situation === 'not-seen-yet') return notYetSentence(context);
  return comingUpSentence(context);
}

/**
 * The "you have seen 14 of your 17 children this week" line. It never greets the first day of the
 * week with a zero: nobody has had a chance to visit yet.
 */
export function seenThisWeekSentence(seen: number, total: number, firstDayOfWeek = false): string {
  if (total === 0) return 'No children are allocated to you in Hearth yet.';
  if (seen === total) {
    if (total === 1) return 'You have seen the child you work with this week. Thank you.';
    return `You have seen ${total === 2 ? 'both' : `all ${total}`} of your children this week. Thank you.`;
  }
  const children = total === 1 ? 'the child you work with' : `the ${total} children you work with`;
  if (seen === 0 && firstDayOfWeek) return `A new week with ${children}.`;
  if (seen === 0) return `No visits are recorded yet this week for ${children}.`;
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

/** The dates Hearth needs, one line a child, in the order the children first appear. */
export function datesNeeded(items: readonly BundleItem[]): SaidItem[] {
  const byChild = new Map<string, BundleItem[]>();
  for (const item of items) byChild.set(item.childId, [...(byChild.get(item.childId) ?? []), item]);
  return [...byChild.values()].map((mine) => {
    const first = mine[0] as BundleItem;
    // The fewest dates that would do: rules with one choice first, then a date only when none of a
    // rule's choices is asked for already.
    const missing: string[] = [];
    for (const item of [...mine].sort((a, b) => (a.missing?.length ?? 0) - (b.missing?.length ?? 0))) {
      const choices = item.missing ?? [];
      if (choices[0] !== undefined && !choices.some((c) => missing.includes(c))) missing.push(choices[0]);
    }
    return {
      ...first,
      key: `${first.childId}:dates-needed`,
      sentence: datesNeededSentence(first.childName, missing),
    };
  });
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
      sentence: seenThisWeekSentence(
        bundle.seenThisWeek.seen,
        bundle.seenThisWeek.total,
        bundle.firstDayOfWeek,
      ),
    },
    today: say(bundle.today),
    notSeenYet: say(bundle.notSeenYet),
    comingUp: say(bundle.comingUp),
    beforeLeave: say(bundle.beforeLeave),
    cannotWorkOut: datesNeeded(bundle.cannotWorkOut),
  };
}
