/**
 * The manager's weekly digest and the head of service's roll-up, in words: strengths first, with
 * the count behind every figure, and what it means for the children. Previews carry counts only.
 */
import type { RollUp } from '../../domain/digest-access';
import type {
  CannotReachPerson,
  CannotWorkOutItem,
  ComingUpItem,
  NotSeenChild,
  Strength,
  TeamDigest,
  TrendWeek,
} from '../../domain/digest';
import type { IsoDate } from '../../domain/types';
import { escapeCardText } from '../escape';
import { plural } from '../grammar';
import { spokenDate } from '../spoken-date';
import { EVENT_NAMES, NOT_SEEN_REASONS } from './events';
import { cannotWorkOutSentence, datesNeededSentence } from './morning';

export const DIGEST_CARD = {
  title: (teamName: string, weekStart: IsoDate, asOf: IsoDate) =>
    `${escapeCardText(teamName)}: the week of ${spokenDate(weekStart, asOf)}`,
  wentWell: 'What went well',
  thank: (firstName: string) => `Thank ${firstName}`,
  childrenSeen: 'Children seen',
  notSeenYet: 'Not seen yet',
  /** The principal social worker's own words, said before the children not seen yet. */
  worried:
    'I am worried some children have not had a good service this week. These children have not been seen yet:',
  offerHelp: 'Ask how I can help',
  showAll: (count: number) =>
    count === 1 ? 'Show the child not seen yet' : `Show all ${count} children not seen yet`,
  back: 'Back to the digest',
  comingUp: (workingDays: number) => `Coming up in the next ${workingDays} working days`,
  datesNeeded: 'Dates Hearth needs',
  cannotReach: 'Who Hearth cannot reach',
  audits: 'What audits found',
  families: 'What families told us',
  andMore: (count: number) => `And ${count} more.`,
  notSeenTitle: (teamName: string, count: number, asOf: IsoDate) =>
    `${escapeCardText(teamName)}: ${count} ${count === 1 ? 'child' : 'children'} not seen yet, as of ${spokenDate(asOf)}`,
  rollUpTitle: (weekStart: IsoDate) => `Your service: the week of ${spokenDate(weekStart)}`,
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The trend picture's own words: the legend, and the label of a week with no child due. */
export const TREND_LABELS = {
  seen: 'Seen when we said we would',
  due: 'Due a visit',
  noneDue: 'none due',
  count: (seen: number, due: number) => `${seen} of ${due}`,
  /** A week under its bar: "30 Nov". */
  week: (weekStart: IsoDate) =>
    `${Number(weekStart.slice(8, 10))} ${MONTHS[Number(weekStart.slice(5, 7)) - 1]}`,
} as const;

const allOf = (n: number) => (n === 1 ? 'the one child' : n === 2 ? 'both children' : `all ${n} children`);

export interface SaidStrength {
  sentence: string;
  practitionerId?: string;
  practitionerName?: string;
  /** The same strength said to the practitioner, for a thank-you. */
  toPractitioner?: string;
}

export function strengthSentence(s: Strength): SaidStrength {
  switch (s.kind) {
    case 'saw-everyone-due':
      return {
        sentence: `${escapeCardText(s.practitionerName)} saw ${allOf(s.due)} due a visit.`,
        practitionerId: s.practitionerId,
        practitionerName: s.practitionerName,
        toPractitioner: thanksStrength(s.due),
      };
    case 'seen-alone':
      return {
        sentence:
          s.seenAlone === s.seenAny
            ? `${s.seenAny === 1 ? 'The child seen was' : `All ${s.seenAny} children seen were`} seen on their own, so they had the chance to speak for themselves.`
            : `${s.seenAlone} of the ${plural(s.seenAny, 'child', 'children')} seen ${s.seenAlone === 1 ? 'was' : 'were'} seen on their own, so they had the chance to speak for themselves.`,
      };
    case 'assessments-in-time':
      return {
        sentence:
          s.count === 1
            ? 'An assessment was finished in time, so that family got the right help at the right time.'
            : `${s.count} assessments were finished in time, so those families got the right help at the right time.`,
      };
  }
}

/** A practitioner's strength, said to them: "You saw both children due a visit that week." */
export const thanksStrength = (due: number) => `You saw ${allOf(due)} due a visit that week.`;

export function seenSentence(seen: TeamDigest['seen']): string {
  if (seen.due === 0) return 'No children were due a visit in the week.';
  const due = plural(seen.due, 'child', 'children');
  if (seen.seen === 0) return `No visits were recorded for the ${due} due one in the week.`;
  const inTime =
    seen.seenInTime === seen.seen
      ? seen.seen === 1
        ? 'when we said we would'
        : 'all of them when we said we would'
      : `${seen.seenInTime} of them when we said we would`;
  if (seen.seen === seen.due) return `The team saw ${allOf(seen.due)} due a visit in the week, ${inTime}.`;
  return `The team saw ${seen.seen} of the ${due} due a visit in the week; ${inTime}.`;
}

export function notSeenReason(c: NotSeenChild): string {
  return c.lastReason
    ? `the last visit could not happen because ${NOT_SEEN_REASONS[c.lastReason]}`
    : 'no reason recorded yet';
}

export function notSeenSentence(c: NotSeenChild): string {
  const since =
    c.daysSinceLastSeen !== undefined
      ? `last seen ${plural(c.daysSinceLastSeen, 'day', 'days')} ago`
      : 'no visit recorded yet';
  return `${escapeCardText(c.childName)} (${escapeCardText(c.practitionerName)}): ${since}; ${notSeenReason(c)}.`;
}

export const comingUpSentence = (c: ComingUpItem, asOf: IsoDate) =>
  `${escapeCardText(c.childName)}'s ${EVENT_NAMES[c.eventKind]}, ${c.booked ? 'booked for' : 'due by'} ${spokenDate(c.date, asOf)} (${escapeCardText(c.practitionerName)}).`;

export const cannotWorkOutLine = (c: CannotWorkOutItem) =>
  `${cannotWorkOutSentence(c.childName, c.eventKind, c.missing)} (${escapeCardText(c.practitionerName)})`;

/** The dates Hearth needs, one line a child: "We need 2 dates for Ruby E. ... (Bo Brown)". */
export function datesNeededLines(
  items: readonly CannotWorkOutItem[],
): { childId: string; sentence: string }[] {
  const byChild = new Map<string, CannotWorkOutItem[]>();
  for (const c of items) byChild.set(c.childId, [...(byChild.get(c.childId) ?? []), c]);
  return [...byChild.values()].map((mine) => {
    const first = mine[0] as CannotWorkOutItem;
    const missing: string[] = [];
    for (const c of [...mine].sort((a, b) => a.missing.length - b.missing.length)) {
      if (c.missing[0] !== undefined && !c.missing.some((m) => missing.includes(m)))
        missing.push(c.missing[0]);
    }
    return {
      childId: first.childId,
      sentence: `${datesNeededSentence(first.childName, missing)} (${escapeCardText(first.practitionerName)})`,
    };
  });
}

export const cannotReachSentence = (p: CannotReachPerson) =>
  p.reachability === 'unreachable'
    ? `${escapeCardText(p.name)} has turned off or removed Hearth in Teams, so their morning cards are not reaching them.`
    : p.reachability === 'not-installed'
      ? `${escapeCardText(p.name)} has not added Hearth in Teams yet, so they are not getting morning cards.`
      : `Hearth could not get ${plural(p.undelivered, 'message', 'messages')} to ${escapeCardText(p.name)} since the week began: Teams did not take them, though Hearth kept trying to the end of each day.`;

export function trendAltText(weeks: readonly TrendWeek[], asOf: IsoDate): string {
  const parts = weeks.map(
    (w) =>
      `week of ${spokenDate(w.weekStart, asOf)}: ${w.due === 0 ? 'no children due' : `${w.seenInTime} of ${w.due}`}`,
  );
  return `Children seen when we said we would, the last ${weeks.length} weeks: ${parts.join('; ')}.`;
}

export const digestPreview = (d: TeamDigest) =>
  d.seen.due === 0
    ? `Your team's week: no children were due a visit, ${d.notSeenYet.length} not seen yet`
    : `Your team's week: ${d.seen.seen} of ${plural(d.seen.due, 'child', 'children')} seen, ${d.notSeenYet.length} not seen yet`;

/** A digest with its words: what the manager's card shows. */
export interface SaidDigest extends Omit<
  TeamDigest,
  'strengths' | 'seen' | 'notSeenYet' | 'comingUp' | 'cannotWorkOut' | 'cannotReach' | 'trend'
> {
  strengths: SaidStrength[];
  seen: TeamDigest['seen'] & { sentence: string };
  notSeenYet: (NotSeenChild & { reason: string; sentence: string })[];
  comingUp: (ComingUpItem & { sentence: string })[];
  cannotWorkOut: (CannotWorkOutItem & { sentence: string })[];
  cannotReach: (CannotReachPerson & { sentence: string })[];
  trend: { weeks: TrendWeek[]; altText: string };
  preview: string;
}

export function sayDigest(d: TeamDigest): SaidDigest {
  return {
    ...d,
    strengths: d.strengths.map(strengthSentence),
    seen: { ...d.seen, sentence: seenSentence(d.seen) },
    notSeenYet: d.notSeenYet.map((c) => ({ ...c, reason: notSeenReason(c), sentence: notSeenSentence(c) })),
    comingUp: d.comingUp.map((c) => ({ ...c, sentence: comingUpSentence(c, d.asOf) })),
    cannotWorkOut: d.cannotWorkOut.map((c) => ({ ...c, sentence: cannotWorkOutLine(c) })),
    cannotReach: d.cannotReach.map((p) => ({ ...p, sentence: cannotReachSentence(p) })),
    trend: { weeks: d.trend.weeks, altText: trendAltText(d.trend.weeks, d.asOf) },
    preview: digestPreview(d),
  };
}

export interface SaidRollUp extends RollUp {
  teams: (RollUp['teams'][number] & { sentence: string })[];
  sentence: string;
  preview: string;
}

export function sayRollUp(r: RollUp): SaidRollUp {
  return {
    ...r,
    teams: r.teams.map((t) => ({
      ...t,
      sentence: `${escapeCardText(t.teamName)}: saw ${t.seen} of ${plural(t.due, 'child', 'children')} due a visit; ${t.notSeenYet} not seen yet.`,
    })),
    sentence: `Across ${plural(r.teams.length, 'team', 'teams')}, we saw ${r.seen} of the ${plural(r.due, 'child', 'children')} due a visit.`,
    preview: `Your service's week: ${r.seen} of ${plural(r.due, 'child', 'children')} seen`,
  };
}
