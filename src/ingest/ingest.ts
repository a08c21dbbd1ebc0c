/**
 * Takes a batch of records from the case management system (JSON feed or CSV import) into the
 * store. Every record is parsed and checked against the batch and the store first; only then is
 * anything written, so a bad batch changes nothing. Writes are idempotent upserts by source id, so
 * re-sending a batch (for example after a store outage mid-write) converges on the same state.
 */
import { randomUUID } from 'node:crypto';
import type { CaseEvent, Child, Person, Team } from '../domain/types';
import type { Store } from '../store/store';
import { mapLimit } from '../util/map-limit';
import type { ChildRecord, EventRecord, FeedRecord, PersonRecord, RecordType, TeamRecord } from './records';
import { parseRecord } from './records';

export interface RecordOutcome {
  index: number;
  type?: string;
  id?: string;
  outcome: 'accepted' | 'rejected';
  reason?: string;
}

export interface IngestResult {
  /** True when the accepted records were written; false when the batch was refused whole. */
  written: boolean;
  accepted: number;
  rejected: number;
  outcomes: RecordOutcome[];
}

export interface IngestOptions {
  /** Write the good records even when some are rejected (otherwise a bad record stops the batch). */
  acceptValid: boolean;
  /** Who is writing, for the activity log: `feed` or `import`. */
  actor: string;
  now: Date;
  /** Check everything, write nothing (the CSV importer uses this when rows already failed). */
  dryRun?: boolean;
}

/** Fields a person sets for themselves in Hearth; the feed supplies them only for someone new. */
const PERSON_FIELDS_OWNED_BY_HEARTH = [
  'workingDays',
  'morningTime',
  'quietHours',
  'leave',
  'paused',
  'reachability',
] as const;

const DEFAULT_WORKING_DAYS: Person['workingDays'] = ['mon', 'tue', 'wed', 'thu', 'fri'];

interface Parsed {
  index: number;
  record: FeedRecord;
}

export async function ingest(
  store: Store,
  raws: readonly unknown[],
  options: IngestOptions,
): Promise<IngestResult> {
  const outcomes: RecordOutcome[] = raws.map((raw, index) => ({
    index,
    ...describe(raw),
    outcome: 'accepted',
  }));
  const reject = (index: number, reason: string) => {
    const outcome = outcomes[index];
    if (outcome && outcome.outcome === 'accepted') Object.assign(outcome, { outcome: 'rejected', reason });
  };

  const parsed: Parsed[] = [];
  raws.forEach((raw, index) => {
    const result = parseRecord(raw);
    if (result.ok) parsed.push({ index, record: result.record });
    else reject(index, result.reason);
  });

  rejectDuplicates(parsed, reject);
  const live = () => parsed.filter((p) => outcomes[p.index]?.outcome === 'accepted');

  const existing = await loadExisting(store, live());
  checkReferences(live(), existing, reject);

  const good = live();
  const rejected = outcomes.filter((o) => o.outcome === 'rejected').length;
  const result = (written: boolean): IngestResult => ({
    written,
    accepted: outcomes.length - rejected,
    rejected,
    outcomes,
  });
  if (options.dryRun || good.length === 0 || (rejected > 0 && !options.acceptValid)) return result(false);

  await write(store, good, existing, options);
  return result(true);
}

function describe(raw: unknown): { type?: string; id?: string } {
  if (typeof raw !== 'object' || raw === null) return {};
  const { type, id } = raw as { type?: unknown; id?: unknown };
  return {
    ...(typeof type === 'string' ? { type: type.slice(0, 20) } : {}),
    ...(typeof id === 'string' ? { id: id.slice(0, 128) } : {}),
  };
}

/** The same id twice in one batch is ambiguous: which is right? Reject every copy. */
function rejectDuplicates(parsed: Parsed[], reject: (index: number, reason: string) => void): void {
  const byKey = new Map<string, number[]>();
  for (const { index, record } of parsed) {
    const key = `${record.type}:${record.id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  }
  for (const [key, indexes] of byKey) {
    if (indexes.length < 2) continue;
    const [type, ...id] = key.split(':');
    for (const index of indexes) {
      reject(
        index,
        `${type} ${id.join(':')} appears more than once in this batch (records ${indexes.join(', ')})`,
      );
    }
  }
}

/** What the store already holds, by id. Lists, because a half-finished move leaves two copies. */
interface Existing {
  teams: Set<string>;
  people: Map<string, Person[]>;
  children: Map<string, Child[]>;
  events: Map<string, CaseEvent[]>;
}

function groupById<T extends { id: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(item.id, [...(map.get(item.id) ?? []), item]);
  return map;
}

async function loadExisting(store: Store, parsed: Parsed[]): Promise<Existing> {
  const ids = {
    team: new Set<string>(),
    person: new Set<string>(),
    child: new Set<string>(),
    event: new Set<string>(),
  };
  for (const { record } of parsed) {
    ids[record.type].add(record.id);
    if (record.type === 'person') {
      ids.team.add(record.teamId);
      record.managesTeamIds.forEach((t) => ids.team.add(t));
    }
    if (record.type === 'child') {
      ids.team.add(record.teamId);
      if (record.allocatedPractitionerId) ids.person.add(record.allocatedPractitionerId);
    }
    if (record.type === 'event') ids.child.add(record.childId);
  }
  const [teams, people, children, events] = await Promise.all([
    store.teams.findByIds([...ids.team]),
    store.people.findByIds([...ids.person]),
    store.children.findByIds([...ids.child]),
    store.events.findByIds([...ids.event]),
  ]);
  return {
    teams: new Set(teams.map((t) => t.id)),
    people: groupById(people),
    children: groupById(children),
    events: groupById(events),
  };
}

/** Every team, practitioner and child a record points at must exist, in this batch or already. */
function checkReferences(
  parsed: Parsed[],
  existing: Existing,
  reject: (index: number, reason: string) => void,
): void {
  const inBatch = (type: RecordType) =>
    new Set(parsed.filter((p) => p.record.type === type).map((p) => p.record.id));
  const teams = new Set([...existing.teams, ...inBatch('team')]);
  const people = new Set([...existing.people.keys(), ...inBatch('person')]);
  const children = new Set([...existing.children.keys(), ...inBatch('child')]);

  for (const { index, record } of parsed) {
    const problems: string[] = [];
    if (record.type === 'person') {
      if (!teams.has(record.teamId))
        problems.push(`teamId: no team ${record.teamId} (send the team first or in this batch)`);
      for (const t of record.managesTeamIds) if (!teams.has(t)) problems.push(`managesTeamIds: no team ${t}`);
    }
    if (record.type === 'child') {
      if (!teams.has(record.teamId))
        problems.push(`teamId: no team ${record.teamId} (send the team first or in this batch)`);
      const worker = record.allocatedPractitionerId;
      if (worker && !people.has(worker)) problems.push(`allocatedPractitionerId: no person ${worker}`);
    }
    if (record.type === 'event' && !children.has(record.childId)) {
      problems.push(`childId: no child ${record.childId} (send the child first or in this batch)`);
    }
    if (problems.length > 0) reject(index, problems.join('; '));
  }
}

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
  };
  if (!before) return fromFeed;
  // Keep what the person chose in Hearth, and anything else Hearth learned (e.g. their Teams chat).
  const kept = Object.fromEntries(
    Object.entries(before).filter(
      ([key]) => !(key in fromFeed) || (PERSON_FIELDS_OWNED_BY_HEARTH as readonly string[]).includes(key),
    ),
  );
  return { ...fromFeed, ...kept };
}

export function toChild(record: ChildRecord): Child {
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
  };
}

export function toEvent(record: EventRecord, teamId: string): CaseEvent {
  const { type: _type, ...rest } = record;
  return { ...rest, teamId, source: 'feed' };
}

const WRITE_CONCURRENCY = 16;

async function write(
  store: Store,
  good: Parsed[],
  existing: Existing,
  options: IngestOptions,
): Promise<void> {
  const of = <T extends RecordType>(type: T) =>
    good.map((p) => p.record).filter((r): r is Extract<FeedRecord, { type: T }> => r.type === type);
  const touchedTeams = new Map<string, Record<RecordType, number>>();
  const count = (teamId: string, type: RecordType) => {
    const counts = touchedTeams.get(teamId) ?? { team: 0, person: 0, child: 0, event: 0 };
    counts[type] += 1;
    touchedTeams.set(teamId, counts);
  };

  // Parents before children, so a reader never meets a child whose team is missing.
  await mapLimit(of('team'), WRITE_CONCURRENCY, async (r) => {
    await store.teams.upsert(toTeam(r));
    count(r.id, 'team');
  });

  await mapLimit(of('person'), WRITE_CONCURRENCY, async (r) => {
    const copies = existing.people.get(r.id) ?? [];
    const before = copies.find((p) => p.teamId === r.teamId) ?? copies[0];
    await store.people.upsert(toPerson(r, before));
    for (const old of copies) if (old.teamId !== r.teamId) await store.people.delete(r.id, old.teamId);
    count(r.teamId, 'person');
  });

  // Where each child lives once this batch is written: the batch wins over the store.
  const childTeam = new Map<string, string>();
  for (const [id, copies] of existing.children) if (copies[0]) childTeam.set(id, copies[0].teamId);
  await mapLimit(of('child'), WRITE_CONCURRENCY, async (r) => {
    await store.children.upsert(toChild(r));
    childTeam.set(r.id, r.teamId);
    for (const old of existing.children.get(r.id) ?? []) {
      if (old.teamId !== r.teamId) await moveChildEvents(store, r.id, old.teamId, r.teamId);
    }
    count(r.teamId, 'child');
  });

  await mapLimit(of('event'), WRITE_CONCURRENCY, async (r) => {
    const teamId = childTeam.get(r.childId);
    if (!teamId) throw new Error(`event ${r.id}: child ${r.childId} vanished during the write`);
    await store.events.upsert(toEvent(r, teamId));
    for (const old of existing.events.get(r.id) ?? []) {
      if (old.teamId !== teamId) await store.events.delete(r.id, old.teamId);
    }
    count(teamId, 'event');
  });

  const at = options.now.toISOString();
  await mapLimit([...touchedTeams], WRITE_CONCURRENCY, ([teamId, counts]) =>
    store.activity.upsert({
      id: randomUUID(),
      teamId,
      at,
      actor: options.actor,
      action: 'records.upserted',
      details: { teams: counts.team, people: counts.person, children: counts.child, events: counts.event },
    }),
  );
}

/** When a child moves team, their events follow them to the new team's partition. */
async function moveChildEvents(
  store: Store,
  childId: string,
  fromTeam: string,
  toTeam: string,
): Promise<void> {
  const events = await store.events.inPartition(fromTeam, 'c.childId = @childId', [
    { name: '@childId', value: childId },
  ]);
  await mapLimit(events, WRITE_CONCURRENCY, async (event) => {
    await store.events.upsert({ ...event, teamId: toTeam });
    await store.events.delete(event.id, fromTeam);
  });
  await store.children.delete(childId, fromTeam);
}
