/**
 * Writing a checked batch: parents before children, idempotent upserts by source id, children
 * moving team taking their events with them, and one id-only line per team in the activity log.
 */
import { randomUUID } from 'node:crypto';
import type { FeedRecord, RecordType } from '../domain/feed-records';
import { londonDate } from '../domain/dates';
import { toChild, toEvent, toPerson, toTeam } from '../domain/from-feed';
import type { Store } from '../store/store';
import { mapLimit } from '../util/map-limit';
import type { Existing, Parsed } from './ingest-references';

export interface IngestOptions {
  /** Write the good records even when some are rejected (otherwise a bad record stops the batch). */
  acceptValid: boolean;
  /** Who is writing, for the activity log: `feed` or `import`. */
  actor: string;
  now: Date;
  /** Check everything, write nothing (the CSV importer uses this when rows already failed). */
  dryRun?: boolean;
}

const WRITE_CONCURRENCY = 16;

export async function write(
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
    const copies = existing.children.get(r.id) ?? [];
    const before = copies.find((c) => c.teamId === r.teamId) ?? copies[0];
    await store.children.upsert(toChild(r, before, londonDate(options.now)));
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

  await logWrites(store, touchedTeams, options);
}

/** One id-only line per team touched, with the counts written. */
async function logWrites(
  store: Store,
  touchedTeams: Map<string, Record<RecordType, number>>,
  options: IngestOptions,
): Promise<void> {
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
