/**
 * `hearth plan --at <local date and time>`: the messages Hearth would send at that moment, as JSON,
 * so an admin can preview tomorrow's nudges. Reads a feed-format file (`--data`) or the store.
 */
import { readFileSync } from 'node:fs';
import type { Config } from '../config';
import { createCalendar } from '../domain/calendar';
import { addDays, londonInstant } from '../domain/dates';
import { buildTeamDigests, defaultDigestSettings } from '../domain/digest';
import { parseRecord } from '../domain/feed-records';
import { toChild, toEvent, toPerson } from '../domain/from-feed';
import { defaultPlannerSettings, plan } from '../domain/planner';
import type { CaseEvent, Child, Person, Team } from '../domain/types';
import type { Store } from '../store/store';
import type { SaidDigest } from '../text/teams/digest';
import { sayDigest } from '../text/teams/digest';
import type { SaidBundle } from '../text/teams/morning';
import { itemSentence, sayBundle } from '../text/teams/morning';

export interface PlannerData {
  teams: Team[];
  people: Person[];
  children: Child[];
  events: CaseEvent[];
}

export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** `2026-12-01T08:30` is London time; a value with `Z` or an offset is taken as it is. */
export function parseAt(value: string): Date | undefined {
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (local) return londonInstant(local[1] as string, local[2] as string);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** Reads a feed-format JSON file (`{"records": [...]}`) into planner data, refusing any bad record. */
export function readDataFile(path: string): PlannerData {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DataFileError(`${path} is not readable JSON: ${(error as Error).message}`);
  }
  const records = (json as { records?: unknown }).records;
  if (!Array.isArray(records))
    throw new DataFileError(`${path} must hold {"records": [...]} as sent to the feed.`);
  const data: PlannerData = { teams: [], people: [], children: [], events: [] };
  const problems: string[] = [];
  const childTeam = new Map<string, string>();
  records.forEach((raw, index) => {
    const parsed = parseRecord(raw);
    if (!parsed.ok) return problems.push(`records[${index}]: ${parsed.reason}`);
    const r = parsed.record;
    if (r.type === 'team') data.teams.push({ id: r.id, name: r.name });
    if (r.type === 'person') data.people.push(toPerson(r, undefined));
    if (r.type === 'child') {
      data.children.push(toChild(r));
      childTeam.set(r.id, r.teamId);
    }
    return undefined;
  });
  records.forEach((raw, index) => {
    const parsed = parseRecord(raw);
    if (!parsed.ok || parsed.record.type !== 'event') return;
    const teamId = childTeam.get(parsed.record.childId);
    if (!teamId) problems.push(`records[${index}]: childId: no child ${parsed.record.childId} in this file`);
    else data.events.push(toEvent(parsed.record, teamId));
  });
  if (problems.length > 0)
    throw new DataFileError(`${path} has records Hearth cannot use:\n  ${problems.join('\n  ')}`);
  return data;
}

export async function readStoreData(store: Store): Promise<PlannerData> {
  const [teams, people, children, events] = await Promise.all([
    store.teams.query(),
    store.people.query(),
    store.children.query(),
    store.events.query(),
  ]);
  return { teams, people, children, events };
}

/** What `hearth plan` prints: the plan with the words each message would carry. */
export interface SaidPlan {
  bundles: SaidBundle[];
  nudges: { id: string; practitionerId: string; sendAt: string; sentence: string }[];
  cover: {
    practitionerId: string;
    managerIds: string[];
    leave: { from: string; to: string };
    sentences: string[];
  }[];
}

export function dryRun(data: PlannerData, at: Date, config: Config): SaidPlan {
  const calendar = createCalendar(config.region, config.holidays);
  const planned = plan({
    ...data,
    now: at,
    settings: defaultPlannerSettings(calendar, config.timescaleRules, config.childNameStyle),
  });
  return {
    bundles: planned.bundles.map(sayBundle),
    nudges: planned.nudges.map((n) => ({
      id: n.id,
      practitionerId: n.practitionerId,
      sendAt: n.sendAt,
      sentence: itemSentence(n.item, n),
    })),
    cover: planned.cover.map((c) => ({
      practitionerId: c.practitionerId,
      managerIds: c.managerIds,
      leave: c.leave,
      sentences: c.items.map((i) => itemSentence(i, c)),
    })),
  };
}

/** `hearth digest`: one team's digest for an ISO week, as made on the Monday after it. */
export function digestDryRun(
  data: PlannerData,
  teamId: string,
  weekStart: string,
  config: Config,
): SaidDigest {
  if (!data.teams.some((t) => t.id === teamId))
    throw new DataFileError(`there is no team ${teamId} in the data`);
  const calendar = createCalendar(config.region, config.holidays);
  const [digest] = buildTeamDigests(
    data,
    [teamId],
    { weekStart, asOf: addDays(weekStart, 7) },
    defaultDigestSettings(calendar, config.timescaleRules, config.childNameStyle),
  );
  if (!digest) throw new DataFileError(`there is no team ${teamId} in the data`);
  return sayDigest(digest);
}
