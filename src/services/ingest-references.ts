/**
 * Checking a batch against itself and the store before anything is written: what already exists,
 * and whether every team, practitioner and child a record points at will be there.
 */
import type { CaseEvent, Child, Person } from '../domain/types';
import type { FeedRecord, RecordType } from '../domain/feed-records';
import type { Store } from '../store/store';

export interface Parsed {
  index: number;
  record: FeedRecord;
}

/** What the store already holds, by id. Lists, because a half-finished move leaves two copies. */
export interface Existing {
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

export async function loadExisting(store: Store, parsed: Parsed[]): Promise<Existing> {
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
export function checkReferences(
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
