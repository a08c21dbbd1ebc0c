/**
 * The weekly team digest, as a view model: what a week of visits, meetings and assessments meant
 * for a team's children. Strengths first, then the children not seen yet and why, then what is
 * coming up, then what Hearth cannot work out or cannot reach. Every figure carries the count
 * behind it. Pure: the same data and dates give the same digest.
 *
 * "Due a visit this week" is judged as the week began: the child's next visit date, from the
 * visits recorded before that Monday, fell on or before the week's Sunday. "Seen when we said we
 * would" means seen on or before that date.
 */
import type { WorkingCalendar } from './calendar';
import { addDays, daysBetween, isoWeekId, mondayOf, spokenDate } from './dates';
import type { NameStyle } from './language';
import { cannotWorkOutSentence, EVENT_NAMES, NOT_SEEN_REASONS, plural, shortName } from './language';
import type { TimescaleRule } from './timescale-rules';
import { workOutDue } from './timescales';
import type { CaseEvent, Child, EventKind, IsoDate, Person, Team } from './types';
import { VISIT_KINDS } from './types';
import type { TrendWeek } from './digest-weeks';
import { assessmentsInTime, trendAltText, visitInWeek, weeksBefore } from './digest-weeks';

export type { TrendWeek } from './digest-weeks';

/** What "coming up" shows a manager: the meetings and assessments that shape a child's plan. */
export const DIGEST_COMING_UP_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'assessment',
  'initial-conference',
  'review-conference',
  'child-in-care-review',
  'pathway-plan-review',
  'family-network-meeting',
]);

export interface DigestSettings {
  calendar: WorkingCalendar;
  rules: readonly TimescaleRule[];
  nameStyle: NameStyle;
  /** Weeks in the trend picture, ending with the week reviewed. */
  trendWeeks: number;
  /** Working days ahead that "coming up" covers. */
  comingUpWorkingDays: number;
}

export interface DigestInput {
  team: Team;
  /** Everyone Hearth knows; only this team's people are used. */
  people: readonly Person[];
  /** This team's children (closed ones are left out). */
  children: readonly Child[];
  /** Those children's events. */
  events: readonly CaseEvent[];
  /** Monday of the week reviewed. */
  weekStart: IsoDate;
  /** The day the digest is made: "not seen yet" and "coming up" are as of this day. */
  asOf: IsoDate;
  settings: DigestSettings;
}

export interface Strength {
  sentence: string;
  /** Set when the strength is one practitioner's, so the manager can thank them. */
  practitionerId?: string;
  practitionerName?: string;
  /** The same strength said to the practitioner, for a thank-you. */
  toPractitioner?: string;
}

export interface NotSeenChild {
  childId: string;
  childName: string;
  practitionerId: string;
  practitionerName: string;
  dueDate: IsoDate;
  lastSeen?: IsoDate;
  daysSinceLastSeen?: number;
  reason: string;
  sentence: string;
}

export interface ComingUpItem {
  childId: string;
  childName: string;
  practitionerName: string;
  eventKind: EventKind;
  date: IsoDate;
  sentence: string;
}

export interface TeamDigest {
  teamId: string;
  teamName: string;
  weekId: string;
  weekStart: IsoDate;
  weekEnd: IsoDate;
  asOf: IsoDate;
  strengths: Strength[];
  seen: { due: number; seen: number; seenInTime: number; seenAlone: number; sentence: string };
  notSeenYet: NotSeenChild[];
  comingUp: ComingUpItem[];
  cannotWorkOut: { childId: string; childName: string; practitionerName: string; sentence: string }[];
  cannotReach: { personId: string; name: string; sentence: string }[];
  trend: { weeks: TrendWeek[]; altText: string };
  /** Filled in when case audits exist (a later issue); the card shows the section only then. */
  audits?: { sentences: string[] };
  /** Filled in when family feedback exists (a later issue); shown only then. */
  feedback?: { sentences: string[] };
  /** Counts only, never a name: what a phone shows on the lock screen. */
  preview: string;
}

const allOf = (n: number) => (n === 1 ? 'the one child' : n === 2 ? 'both children' : `all ${n} children`);

export function buildTeamDigest(input: DigestInput): TeamDigest {
  const { team, weekStart, asOf, settings } = input;
  const { calendar } = settings;
  const weekEnd = addDays(weekStart, 6);
  const visitRules = settings.rules.filter((r) => VISIT_KINDS.has(r.eventKind));
  const people = new Map(input.people.filter((p) => p.teamId === team.id).map((p) => [p.id, p]));
  const nameOf = (id: string | undefined) => (id ? (people.get(id)?.displayName ?? 'someone') : 'nobody yet');
  const children = input.children
    .filter((c) => c.teamId === team.id && !c.closed)
    .sort((a, b) => a.id.localeCompare(b.id));
  const eventsByChild = new Map<string, CaseEvent[]>();
  for (const e of input.events) {
    const list = eventsByChild.get(e.childId);
    if (list) list.push(e);
    else eventsByChild.set(e.childId, [e]);
  }

  // The week reviewed, per child and per practitioner.
  const perWorker = new Map<string, { due: number; seen: number }>();
  let due = 0;
  let seen = 0;
  let seenInTime = 0;
  let seenAny = 0;
  let seenAlone = 0;
  let timelyAssessments = 0;
  for (const child of children) {
    const events = eventsByChild.get(child.id) ?? [];
    const week = visitInWeek(child, events, weekStart, weekEnd, calendar, visitRules);
    if (week.seenOn) seenAny += 1;
    if (week.seenOn && week.seenAlone) seenAlone += 1;
    if (week.due) {
      const worker = child.allocatedPractitionerId;
      const tally = worker ? (perWorker.get(worker) ?? { due: 0, seen: 0 }) : undefined;
      due += 1;
      if (tally) tally.due += 1;
      if (week.seenOn) {
        seen += 1;
        if (tally) tally.seen += 1;
        if (week.dueDate && week.seenOn <= week.dueDate) seenInTime += 1;
      }
      if (worker && tally) perWorker.set(worker, tally);
    }
    timelyAssessments += assessmentsInTime(child, events, weekStart, weekEnd, calendar, settings.rules);
  }

  const strengths: Strength[] = [];
  for (const [id, tally] of [...perWorker].sort(([a], [b]) => nameOf(a).localeCompare(nameOf(b)))) {
    if (tally.due > 0 && tally.seen === tally.due) {
      strengths.push({
        sentence: `${nameOf(id)} saw ${allOf(tally.due)} due a visit.`,
        practitionerId: id,
        practitionerName: nameOf(id),
        toPractitioner: `You saw ${allOf(tally.due)} due a visit that week.`,
      });
    }
  }
  if (seenAlone > 0) {
    strengths.push({
      sentence: `${seenAlone} of the ${plural(seenAny, 'child', 'children')} seen ${seenAlone === 1 ? 'was' : 'were'} seen on their own, so their own voice is in their record.`,
    });
  }
  if (timelyAssessments > 0) {
    strengths.push({
      sentence: `${plural(timelyAssessments, 'assessment was', 'assessments were')} finished in time, so those families got the right help at the right time.`,
    });
  }

  const seenSentence =
    due === 0
      ? 'No children were due a visit in the week.'
      : `The team saw ${seen} of the ${plural(due, 'child', 'children')} due a visit in the week; ${seenInTime} of them when we said we would.`;

  // Now: who has not been seen yet, what is coming up, what cannot be worked out.
  const notSeenYet: NotSeenChild[] = [];
  const comingUp: ComingUpItem[] = [];
  const cannotWorkOut: TeamDigest['cannotWorkOut'] = [];
  const horizon = calendar.addWorkingDays(asOf, settings.comingUpWorkingDays);
  for (const child of children) {
    const events = eventsByChild.get(child.id) ?? [];
    const name = shortName(child, settings.nameStyle);
    const practitionerName = nameOf(child.allocatedPractitionerId);
    const now = workOutDue(child, events, asOf, calendar, settings.rules);
    for (const item of now.due) {
      const date = item.booked ?? item.dueDate;
      if (VISIT_KINDS.has(item.eventKind) && item.dueDate < asOf) {
        const reason = latestReason(events, item.lastDone);
        const days = item.lastDone ? daysBetween(item.lastDone, asOf) : undefined;
        notSeenYet.push({
          childId: child.id,
          childName: name,
          practitionerId: child.allocatedPractitionerId ?? '',
          practitionerName,
          dueDate: item.dueDate,
          ...(item.lastDone ? { lastSeen: item.lastDone } : {}),
          ...(days !== undefined ? { daysSinceLastSeen: days } : {}),
          reason,
          sentence: `${name} (${practitionerName}): ${
            days !== undefined ? `last seen ${plural(days, 'day', 'days')} ago` : 'no visit recorded yet'
          }; ${reason}.`,
        });
      } else if (DIGEST_COMING_UP_KINDS.has(item.eventKind) && date >= asOf && date <= horizon) {
        comingUp.push({
          childId: child.id,
          childName: name,
          practitionerName,
          eventKind: item.eventKind,
          date,
          sentence: `${name}'s ${EVENT_NAMES[item.eventKind]}, ${item.booked ? 'booked for' : 'due by'} ${spokenDate(date, asOf)} (${practitionerName}).`,
        });
      }
    }
    for (const c of now.cannotWorkOut) {
      cannotWorkOut.push({
        childId: child.id,
        childName: name,
        practitionerName,
        sentence: `${cannotWorkOutSentence(name, c.eventKind, c.missing)} (${practitionerName})`,
      });
    }
  }
  // Longest without a visit first; then soonest first.
  notSeenYet.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.childId.localeCompare(b.childId));
  comingUp.sort((a, b) => a.date.localeCompare(b.date) || a.childId.localeCompare(b.childId));

  const cannotReach = [...people.values()]
    .filter((p) => p.roles.includes('practitioner') && p.reachability !== 'reachable')
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((p) => ({
      personId: p.id,
      name: p.displayName,
      sentence:
        p.reachability === 'unreachable'
          ? `${p.displayName} has turned off or removed Hearth in Teams, so their morning cards are not reaching them.`
          : `${p.displayName} has not added Hearth in Teams yet, so they are not getting morning cards.`,
    }));

  const trendWeeks: TrendWeek[] = [
    ...weeksBefore(children, eventsByChild, weekStart, settings.trendWeeks - 1, calendar, visitRules),
    { weekId: isoWeekId(weekStart), weekStart, due, seenInTime },
  ];

  return {
    teamId: team.id,
    teamName: team.name,
    weekId: isoWeekId(weekStart),
    weekStart,
    weekEnd,
    asOf,
    strengths,
    seen: { due, seen, seenInTime, seenAlone, sentence: seenSentence },
    notSeenYet,
    comingUp,
    cannotWorkOut,
    cannotReach,
    trend: { weeks: trendWeeks, altText: trendAltText(trendWeeks, asOf) },
    preview: `Your team's week: ${seen} of ${plural(due, 'child', 'children')} seen, ${notSeenYet.length} not seen yet`,
  };
}

/** The reason given for the latest visit that could not happen since the child was last seen. */
function latestReason(events: readonly CaseEvent[], lastSeen: IsoDate | undefined): string {
  const tries = events
    .filter(
      (e) =>
        VISIT_KINDS.has(e.kind) &&
        e.status === 'not-possible' &&
        (!lastSeen || (e.recordedAt ?? e.scheduledDate ?? e.dueDate ?? '') >= lastSeen),
    )
    .sort((a, b) => (a.recordedAt ?? '').localeCompare(b.recordedAt ?? ''));
  const code = tries.at(-1)?.notPossibleReason;
  if (!code) return 'no reason recorded yet';
  const words = (NOT_SEEN_REASONS as Record<string, string>)[code] ?? 'something else';
  return `the last visit could not happen because ${words}`;
}

/** The Monday of the week a digest made on `today` looks back on: the last full week. */
export function weekReviewed(today: IsoDate): IsoDate {
  return addDays(mondayOf(today), -7);
}

/** Digests for many teams over one load of data, grouping it by team once. */
export function buildTeamDigests(
  data: {
    teams: readonly Team[];
    people: readonly Person[];
    children: readonly Child[];
    events: readonly CaseEvent[];
  },
  teamIds: readonly string[],
  dates: { weekStart: IsoDate; asOf: IsoDate },
  settings: DigestSettings,
): TeamDigest[] {
  const wanted = new Set(teamIds);
  const group = <T extends { teamId: string }>(items: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      if (!wanted.has(item.teamId)) continue;
      const list = map.get(item.teamId);
      if (list) list.push(item);
      else map.set(item.teamId, [item]);
    }
    return map;
  };
  const people = group(data.people);
  const children = group(data.children);
  const events = group(data.events);
  return data.teams
    .filter((t) => wanted.has(t.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((team) =>
      buildTeamDigest({
        team,
        people: people.get(team.id) ?? [],
        children: children.get(team.id) ?? [],
        events: events.get(team.id) ?? [],
        ...dates,
        settings,
      }),
    );
}

export function defaultDigestSettings(
  calendar: WorkingCalendar,
  rules: readonly TimescaleRule[],
  nameStyle: NameStyle = 'first-name-initial',
): DigestSettings {
  return { calendar, rules, nameStyle, trendWeeks: 8, comingUpWorkingDays: 10 };
}
