/**
 * Checking a batch against itself and the store before anything is written: what already exists,
 * and whether every team, practitioner and child a record points at will really be there once the
 * batch is written. A record whose parent is rejected is rejected too, with its own reason, and so
 * on down (a team, then the children in it, then their events), so nothing is written pointing at
 * nobody and a resend gets the same answer.
 */
import type { CaseEvent, Child, Person } from '../domain/types';
import type { FeedRecord, RecordType } from '../domain/feed-records';
import type { Stored } from '../store/repository';
import type { Store } from '../store/store';

export interface Parsed {
  index: number;
  record: FeedRecord;
}

/** What the store already holds, by id. Copies are lists: a half-finished move leaves two. */
export interface Existing {
  teams: Set<string>;
  /** Ids of people known to be in the store. */
  people: Set<string>;
  /** Ids of children known to be in the store, with (one of) the team(s) they are in. */
  children: Map<string, string>;
  /** Only when writing: each copy of the people and children in the batch, with its ETag. */
  personCopies: Map<string, (Person & Stored)[]>;
  childCopies: Map<string, (Child & Stored)[]>;
  /** Only when writing: each stored copy of the events in the batch. */
  events: Map<string, CaseEvent[]>;
  /** Entra object id (lower case) -> the ids of the people holding it in the store. */
  entraHolders: Map<string, string[]>;
}

/**
 * Ids found in the store by earlier batches of the same import (a CSV read in slices), so that a
 * million events for twelve thousand children ask the store about each child once.
 */
export interface KnownIds {
  teams: Set<string>;
  people: Set<string>;
  children: Map<string, string>;
}

export const noKnownIds = (): KnownIds => ({ teams: new Set(), people: new Set(), children: new Map() });

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

interface Wanted {
  teams: Set<string>;
  people: Set<string>;
  children: Set<string>;
  events: Set<string>;
  entra: Set<string>;
}

/** The ids a batch needs looked up: what it points at, and (to write) the records themselves. */
function wantedBy(parsed: Parsed[], known: KnownIds, forWrite: boolean): Wanted {
  const w: Wanted = {
    teams: new Set(),
    people: new Set(),
    children: new Set(),
    events: new Set(),
    entra: new Set(),
  };
  const team = (id: string) => known.teams.has(id) || w.teams.add(id);
  for (const { record } of parsed) {
    if (record.type === 'person') {
      if (forWrite || !known.people.has(record.id)) w.people.add(record.id);
      team(record.teamId);
      record.managesTeamIds.forEach(team);
      if (record.entraObjectId) w.entra.add(record.entraObjectId.toLowerCase());
    }
    if (record.type === 'child') {
      if (forWrite || !known.children.has(record.id)) w.children.add(record.id);
      team(record.teamId);
      const worker = record.allocatedPractitionerId;
      if (worker && !known.people.has(worker)) w.people.add(worker);
    }
    if (record.type === 'event') {
      if (forWrite) w.events.add(record.id);
      if (!known.children.has(record.childId)) w.children.add(record.childId);
    }
  }
  return w;
}

/**
 * What the store holds that this batch touches. `known` carries what earlier slices of the same
 * import found; `forWrite` also fetches the copies a write needs (a check-only pass skips them).
 */
export async function loadExisting(
  store: Store,
  parsed: Parsed[],
  options: { known?: KnownIds; forWrite?: boolean } = {},
): Promise<Existing> {
  const known = options.known ?? noKnownIds();
  const forWrite = options.forWrite ?? true;
  const w = wantedBy(parsed, known, forWrite);
  const batchIds = (type: RecordType) =>
    new Set(parsed.filter((p) => p.record.type === type).map((p) => p.record.id));
  const [teams, people, children, events, holders] = await Promise.all([
    store.teams.findByIds([...w.teams]),
    store.people.findStoredByIds([...w.people]),
    store.children.findStoredByIds([...w.children]),
    store.events.findByIds([...w.events]),
    w.entra.size > 0
      ? store.people.query('ARRAY_CONTAINS(@aads, c.entraObjectId)', [{ name: '@aads', value: [...w.entra] }])
      : Promise.resolve([]),
  ]);
  teams.forEach((t) => known.teams.add(t.id));
  people.forEach((p) => known.people.add(p.id));
  children.forEach((c) => known.children.set(c.id, c.teamId));
  const entraHolders = new Map<string, string[]>();
  for (const p of holders) {
    const aad = p.entraObjectId?.toLowerCase();
    if (aad) entraHolders.set(aad, [...new Set([...(entraHolders.get(aad) ?? []), p.id])]);
  }
  const inBatch = { person: batchIds('person'), child: batchIds('child') };
  return {
    teams: new Set(known.teams),
    people: new Set(known.people),
    children: new Map(known.children),
    personCopies: groupBy(
      people.filter((p) => inBatch.person.has(p.id)),
      (p) => p.id,
    ),
    childCopies: groupBy(
      children.filter((c) => inBatch.child.has(c.id)),
      (c) => c.id,
    ),
    events: groupBy(events, (e) => e.id),
    entraHolders,
  };
}

export interface Verdicts {
  /** Whether a parsed record is still to be written. */
  live: (index: number) => boolean;
  reject: (index: number, reason: string) => void;
  /** The index of a record of this type and id that this batch rejected, if any. */
  rejectedInBatch: (type: RecordType, id: string) => number | undefined;
}

/**
 * One Entra account is one person: Teams finds people by it. A batch that gives an account to a
 * second person is refused for that person (and both, when two in the batch claim it), unless the
 * person holding it in the store is given another account in the same batch.
 */
export function checkEntraIds(parsed: Parsed[], existing: Existing, verdicts: Verdicts): void {
  const people = parsed.filter(
    (p): p is Parsed & { record: Extract<FeedRecord, { type: 'person' }> } =>
      p.record.type === 'person' && verdicts.live(p.index),
  );
  const inBatch = new Map(people.map((p) => [p.record.id, p.record.entraObjectId?.toLowerCase()]));
  const claims = groupBy(
    people.filter((p) => p.record.entraObjectId),
    (p) => (p.record.entraObjectId as string).toLowerCase(),
  );
  for (const [aad, claimants] of claims) {
    const ids = [...new Set(claimants.map((c) => c.record.id))];
    // A stored holder keeps the account unless this batch gives them another one.
    const stored = (existing.entraHolders.get(aad) ?? []).filter(
      (id) => !ids.includes(id) && (!inBatch.has(id) || inBatch.get(id) === undefined),
    );
    for (const { index, record } of claimants) {
      if (ids.length > 1) {
        const others = claimants.filter((c) => c.record.id !== record.id).map((c) => c.index);
        verdicts.reject(
          index,
          `entraObjectId: also given to another person in this batch (record ${others.join(', ')}); one Entra account is one person`,
        );
      } else if (stored.length > 0) {
        verdicts.reject(
          index,
          `entraObjectId: already belongs to person ${stored.join(', ')}; one Entra account is one person`,
        );
      }
    }
  }
}

/**
 * Every team, practitioner and child a record points at must exist in the store or be written by
 * this batch. Repeated until nothing changes, so a rejection reaches everything that depends on it.
 */
export function checkReferences(parsed: Parsed[], existing: Existing, verdicts: Verdicts): void {
  for (let changed = true; changed;) {
    changed = false;
    const live = parsed.filter((p) => verdicts.live(p.index));
    const writing = (type: RecordType) =>
      new Set(live.filter((p) => p.record.type === type).map((p) => p.record.id));
    const known = {
      team: new Set([...existing.teams, ...writing('team')]),
      person: new Set([...existing.people, ...writing('person')]),
      child: new Set([...existing.children.keys(), ...writing('child')]),
    };
    const missing = (field: string, type: 'team' | 'person' | 'child', id: string) => {
      if (known[type].has(id)) return undefined;
      const rejected = verdicts.rejectedInBatch(type, id);
      return rejected !== undefined
        ? `${field}: ${type} ${id} is rejected in this batch (record ${rejected}), so this is not written either`
        : `${field}: no ${type} ${id} (send the ${type} first or in this batch)`;
    };
    for (const { index, record } of live) {
      const problems = referenceProblems(record, missing);
      if (problems.length === 0) continue;
      verdicts.reject(index, problems.join('; '));
      changed = true;
    }
  }
}

function referenceProblems(
  record: FeedRecord,
  missing: (field: string, type: 'team' | 'person' | 'child', id: string) => string | undefined,
): string[] {
  const problems: (string | undefined)[] = [];
  if (record.type === 'person') {
    problems.push(missing('teamId', 'team', record.teamId));
    for (const t of record.managesTeamIds) problems.push(missing('managesTeamIds', 'team', t));
  }
  if (record.type === 'child') {
    problems.push(missing('teamId', 'team', record.teamId));
    const worker = record.allocatedPractitionerId;
    if (worker) problems.push(missing('allocatedPractitionerId', 'person', worker));
  }
  if (record.type === 'event') problems.push(missing('childId', 'child', record.childId));
  return problems.filter((p): p is string => p !== undefined);
}
