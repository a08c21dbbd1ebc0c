/**
 * The weekly team digest, as facts: what a week of visits, meetings and assessments meant for a
 * team's children. Strengths first, then the children not seen yet and why, then what is coming
 * up, then what Hearth cannot work out or cannot reach. Every figure carries the count behind it;
 * the words are src/text's. Pure: the same data and dates give the same digest.
 *
 * "Due a visit this week" is judged as the week began: the child's next visit date, from the
 * visits recorded before that Monday, fell on or before the week's Sunday. "Seen when we said we
 * would" means seen on or before that date.
 */
import type { WorkingCalendar } from './calendar';
import { addDays, isoWeekId, mondayOf } from './dates';
import { lookAhead, nameOf } from './digest-now';
import type {
  CannotReachPerson,
  DigestInput,
  DigestSettings,
  Strength,
  TeamDigest,
  UndeliveredMessage,
} from './digest-types';
import type { WeekTally } from './digest-weeks';
import { tallyWeek, weeksBefore } from './digest-weeks';
import type { NameStyle } from './names';
import type { TimescaleRule } from './timescale-rules';
import type { CaseEvent, Child, IsoDate, Person, Team } from './types';
import { VISIT_KINDS } from './types';

export type {
  CannotReachPerson,
  CannotWorkOutItem,
  ComingUpItem,
  DigestInput,
  DigestSettings,
  NotSeenChild,
  Strength,
  TeamDigest,
  UndeliveredMessage,
} from './digest-types';
export type { TrendWeek } from './digest-weeks';

export function buildTeamDigest(input: DigestInput): TeamDigest {
  const { team, weekStart, asOf, settings } = input;
  const weekEnd = addDays(weekStart, 6);
  const visitRules = settings.rules.filter((r) => VISIT_KINDS.has(r.eventKind));
  const people = new Map(input.people.filter((p) => p.teamId === team.id).map((p) => [p.id, p]));
  const children = input.children
    .filter((c) => c.teamId === team.id && !c.closed)
    .sort((a, b) => a.id.localeCompare(b.id));
  const eventsByChild = new Map<string, CaseEvent[]>();
  for (const e of input.events) {
    const list = eventsByChild.get(e.childId);
    if (list) list.push(e);
    else eventsByChild.set(e.childId, [e]);
  }

  const week = tallyWeek(children, eventsByChild, weekStart, weekEnd, settings.calendar, settings.rules);
  const now = lookAhead(children, eventsByChild, asOf, settings, people);
  return {
    teamId: team.id,
    teamName: team.name,
    weekId: isoWeekId(weekStart),
    weekStart,
    weekEnd,
    asOf,
    comingUpWorkingDays: settings.comingUpWorkingDays,
    strengths: strengthsOf(week, (id) => nameOf(people, id)),
    seen: { due: week.due, seen: week.seen, seenInTime: week.seenInTime, seenAlone: week.seenAlone },
    ...now,
    cannotReach: cannotReach([...people.values()], input.undelivered ?? []),
    trend: {
      weeks: [
        ...weeksBefore(
          children,
          eventsByChild,
          weekStart,
          settings.trendWeeks - 1,
          settings.calendar,
          visitRules,
        ),
        { weekId: isoWeekId(weekStart), weekStart, due: week.due, seenInTime: week.seenInTime },
      ],
    },
  };
}

function strengthsOf(week: WeekTally, nameOf: (id: string) => string): Strength[] {
  const strengths: Strength[] = [];
  const workers = [...week.perWorker].sort(([a], [b]) => nameOf(a).localeCompare(nameOf(b)));
  for (const [id, tally] of workers) {
    if (tally.due > 0 && tally.seen === tally.due)
      strengths.push({
        kind: 'saw-everyone-due',
        practitionerId: id,
        practitionerName: nameOf(id),
        due: tally.due,
      });
  }
  if (week.seenAlone > 0)
    strengths.push({ kind: 'seen-alone', seenAlone: week.seenAlone, seenAny: week.seenAny });
  if (week.assessmentsInTime > 0)
    strengths.push({ kind: 'assessments-in-time', count: week.assessmentsInTime });
  return strengths;
}

/**
 * Practitioners Hearth cannot reach in Teams, and anyone (a practitioner or a manager) some of whose
 * messages it could not deliver, so that the manager hears what happened rather than nothing.
 */
function cannotReach(
  people: readonly Person[],
  undelivered: readonly UndeliveredMessage[],
): CannotReachPerson[] {
  const missed = new Map<string, number>();
  for (const m of undelivered) missed.set(m.recipientId, (missed.get(m.recipientId) ?? 0) + 1);
  return people
    .filter((p) => (p.roles.includes('practitioner') && p.reachability !== 'reachable') || missed.has(p.id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((p) => ({
      personId: p.id,
      name: p.displayName,
      reachability: p.reachability,
      undelivered: missed.get(p.id) ?? 0,
    }));
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
    /** Messages that could not be delivered since the week reviewed began. */
    undelivered?: readonly UndeliveredMessage[];
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
  const undelivered = group(data.undelivered ?? []);
  return data.teams
    .filter((t) => wanted.has(t.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((team) =>
      buildTeamDigest({
        team,
        people: people.get(team.id) ?? [],
        children: children.get(team.id) ?? [],
        events: events.get(team.id) ?? [],
        undelivered: undelivered.get(team.id) ?? [],
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
