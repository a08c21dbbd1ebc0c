/**
 * Hearth's voice. Every sentence the planner emits is built here, in the child-focused words of
 * DOMAIN.md section 5: the child first, what happened for them, what needs to happen and by when.
 * Children are named by the configured short style; no pronoun is guessed ("they" at most).
 *  */
import { spokenDate } from './dates';
import type { Child, EventKind, IsoDate } from './types';

export type NameStyle = 'first-name-initial' | 'initials' | 'case-number';

/** How a child is named in a Teams message, per the authority's privacy setting. */
export function shortName(child: Pick<Child, 'id' | 'name'>, style: NameStyle): string {
  switch (style) {
    case 'first-name-initial':
      return `${child.name.first} ${child.name.familyInitial}.`;
    case 'initials':
      return `${Array.from(child.name.first)[0] ?? ''}.${child.name.familyInitial}.`;
    case 'case-number':
      return `Ref ${child.id}`;
  }
}

/** The plain-words name of each kind of event. */
export const EVENT_NAMES: Record<EventKind, string> = {
  visit: 'visit',
  'referral-decision': 'decision on the referral',
  assessment: 'assessment',
  'strategy-discussion': 'strategy discussion',
  'initial-conference': 'first child protection conference',
  'core-group': 'core group meeting',
  'review-conference': 'child protection review conference',
  'child-in-care-review': 'review meeting',
  'initial-health-assessment': 'first health assessment',
  'review-health-assessment': 'health review',
  'strengths-and-difficulties-questionnaire': 'strengths and difficulties questionnaire',
  'personal-education-plan': 'personal education plan',
  'pathway-plan-review': 'pathway plan review',
  'personal-adviser-visit': 'personal adviser visit',
  'family-network-meeting': 'family network meeting',
  supervision: 'supervision',
  'chronology-update': 'chronology update',
  genogram: 'genogram (family tree)',
  'child-in-need-plan-review': 'child in need plan review',
};

/** Meetings, where the working day before brings a prompt to prepare with the child. */
export const MEETING_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'strategy-discussion',
  'initial-conference',
  'core-group',
  'review-conference',
  'child-in-care-review',
  'family-network-meeting',
  'pathway-plan-review',
  'child-in-need-plan-review',
]);

/** What each missing date is called in a sentence. */
const MISSING_NAMES: Record<string, string> = {
  referral: 'the referral date',
  caseOpened: 'the date we started working with the family',
  concern: 'the date of the concern',
  strategyDiscussion: 'the date of the strategy discussion',
  initialConference: 'the date of the first child protection conference',
  cameIntoCare: 'the date they came into care',
  lastMove: 'the date they moved to where they live now',
  leftCare: 'the date they left care',
  dateOfBirth: 'their date of birth',
  practitionerStartedOn: 'the date their practitioner started',
};

const missingName = (m: string) =>
  MISSING_NAMES[m] ??
  (m.endsWith(' completed')
    ? `when the ${EVENT_NAMES[m.replace(' completed', '') as EventKind] ?? 'last one'} happened`
    : m);

const whenSaid = (date: IsoDate, today: IsoDate, tomorrow: IsoDate) =>
  date === today ? 'today' : date === tomorrow ? 'tomorrow' : `on ${spokenDate(date, today)}`;

export interface SentenceContext {
  name: string;
  eventKind: EventKind;
  dueDate: IsoDate;
  today: IsoDate;
  /** The practitioner's next working day, for "tomorrow". */
  nextWorkingDay: IsoDate;
  booked?: IsoDate;
  lastDone?: IsoDate;
  daysSinceLastDone?: number;
}

/** A child to see today (visits) or something happening today. */
export function todaySentence(c: SentenceContext): string {
  const thing = EVENT_NAMES[c.eventKind];
  if (c.eventKind === 'visit') {
    return c.booked === c.today
      ? `${c.name}'s visit is booked for today.`
      : `${c.name} is due to be seen today.`;
  }
  return `${c.name}'s ${thing} is today.`;
}

/** Something still to happen whose date has passed: said as "not done yet", never "overdue". */
export function notYetSentence(c: SentenceContext): string {
  if (c.eventKind === 'visit') {
    const since =
      c.lastDone && c.daysSinceLastDone !== undefined
        ? ` since ${spokenDate(c.lastDone, c.today)} (${c.daysSinceLastDone} days)`
        : ' yet';
    const booking = c.booked
      ? ` A visit is booked for ${spokenDate(c.booked, c.today)}.`
      : ' Can you book a visit?';
    return `${c.name} has not been seen${since}; we said we would see them by ${spokenDate(c.dueDate, c.today)}.${booking}`;
  }
  return `${c.name}'s ${EVENT_NAMES[c.eventKind]} has not happened yet; it was due by ${spokenDate(c.dueDate, c.today)}.`;
}

/** Something coming up, with why it matters for the child. */
export function comingUpSentence(c: SentenceContext): string {
  const when = whenSaid(c.dueDate, c.today, c.nextWorkingDay);
  const thing = EVENT_NAMES[c.eventKind];
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
    const base = `${c.name}'s ${thing} is ${whenSaid(date, c.today, c.nextWorkingDay)}.`;
    return date === c.nextWorkingDay
      ? `${base} Before it, capture ${c.name}'s wishes and feelings in their own words.`
      : base;
  }
  return `${c.name}'s ${thing} is due ${when}.`;
}

export function cannotWorkOutSentence(
  name: string,
  eventKind: EventKind,
  missing: readonly string[],
): string {
  const dates = missing.map(missingName);
  const list = dates.length > 1 ? `${dates.slice(0, -1).join(', ')} or ${dates.at(-1)}` : dates[0];
  return `We cannot work out when ${name}'s ${EVENT_NAMES[eventKind]} is due: ${name}'s record needs ${list}.`;
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

/** Why a visit could not happen, as recorded from a card: codes and the words for them. */
export const NOT_SEEN_REASONS = {
  'no-one-home': 'no one was home',
  'family-declined': 'the family said no',
  'child-unwell': 'the child was unwell',
  'family-rearranged': 'the family rearranged',
  other: 'something else',
} as const;

export const NOT_SEEN_REASON_CODES = Object.keys(NOT_SEEN_REASONS) as [keyof typeof NOT_SEEN_REASONS];

/** How Hearth greets or names a member of staff: the first word of their display name. */
export function firstName(displayName: string): string {
  return displayName.split(' ')[0] ?? displayName;
}

/** `1 child`, `3 children`. */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
