/**
 * Feed records -> the domain's teams, people, children and events. A person's fields have one owner
 * each: the feed owns what the case system knows, Hearth owns what happens in Teams, and a record
 * from the feed never overwrites Hearth's.
 */
import type { ChildRecord, EventRecord, PersonRecord, TeamRecord } from './feed-records';
import type { CaseEvent, Child, IsoDate, Person, Team } from './types';

/**
 * Fields Hearth owns: what a person sets for themselves in Teams and what Hearth learns there. The
 * feed supplies the defaults only for someone new, and never overwrites them. (Working days are
 * the feed's when it sends them, as the case system's record of a part-time pattern; when it does
 * not, the days the person chose are kept.)
 */
const PERSON_FIELDS_OWNED_BY_HEARTH = [
  'morningTime',
  'quietHours',
  'leave',
  'paused',
  'reachability',
  'conversationReference',
  'snoozes',
  'teamsInstall',
] as const;

const DEFAULT_WORKING_DAYS: Person['workingDays'] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function toTeam(record: TeamRecord): Team {
  return { id: record.id, name: record.name };
}

export function toPerson(record: PersonRecord, before: Person | undefined): Person {
  const fromFeed: Person = {
    id: record.id,
    teamId: record.teamId,
    displayName: record.displayName,
    ...(record.entraObjectId ? { entraObjectId: record.entraObjectId.toLowerCase() } : {}),
    ...(record.email ? { email: record.email } : {}),
    roles: record.roles,
    managesTeamIds: record.managesTeamIds,
    workingDays: record.workingDays ?? DEFAULT_WORKING_DAYS,
    morningTime: record.morningTime ?? '08:30',
    leave: [],
    paused: false,
    reachability: 'not-installed',
    ...(record.newlyQualified !== undefined ? { newlyQualified: record.newlyQualified } : {}),
    ...(record.startedOn ? { startedOn: record.startedOn } : {}),
  };
  if (!before) return fromFeed;
  // Keep what the person chose in Hearth, anything else Hearth learned (their Teams chat), and
  // what this record leaves out (their working days, when it sends none).
  const notSent = record.workingDays ? [] : ['workingDays'];
  const kept = Object.fromEntries(
    Object.entries(before).filter(
      ([key]) =>
        !(key in fromFeed) ||
        (PERSON_FIELDS_OWNED_BY_HEARTH as readonly string[]).includes(key) ||
        notSent.includes(key),
    ),
  );
  return { ...fromFeed, ...kept };
}

/**
 * `before` is the stored child, `today` the London date of the write: a child the feed marks closed
 * keeps the date Hearth first saw it closed, so removal counts from then (re-sending does not reset it).
 */
export function toChild(record: ChildRecord, before?: Child, today?: IsoDate): Child {
  const closedSince = record.closed
    ? ((before?.closed ? before.closedSince : undefined) ?? today)
    : undefined;
  return {
    id: record.id,
    teamId: record.teamId,
    name: { first: record.firstName, familyInitial: Array.from(record.familyName)[0]?.toUpperCase() ?? '' },
    ...(record.dateOfBirth ? { dateOfBirth: record.dateOfBirth } : {}),
    kind: record.kind,
    ...(record.allocatedPractitionerId ? { allocatedPractitionerId: record.allocatedPractitionerId } : {}),
    anchors: record.anchors,
    ...(record.homeIntendedUntil18 !== undefined ? { homeIntendedUntil18: record.homeIntendedUntil18 } : {}),
    ...(record.longTermFosterVisitsAgreed !== undefined
      ? { longTermFosterVisitsAgreed: record.longTermFosterVisitsAgreed }
      : {}),
    ...(record.allocatedSince ? { allocatedSince: record.allocatedSince } : {}),
    ...(record.flags ? { flags: record.flags } : {}),
    closed: record.closed,
    ...(closedSince ? { closedSince } : {}),
  };
}

export function toEvent(record: EventRecord, teamId: string): CaseEvent {
  const { type: _type, ...rest } = record;
  return { ...rest, teamId, source: 'feed' };
}
