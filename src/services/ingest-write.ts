/**
 * Writing a checked batch: parents before children, idempotent by source id, many writes in flight
 * at once (one round trip per record, most of them in parallel), Hearth's own fields never
 * overwritten, children moving team taking their events with them, and one id-only line per team
 * in the activity log.
 */
import { randomUUID } from 'node:crypto';
import type { FeedRecord, RecordType } from '../domain/feed-records';
import { londonDate } from '../domain/dates';
import type { DateLimitSettings } from '../domain/schemas';
import { toChild, toEvent, toPerson, toTeam } from '../domain/from-feed';
import type { CaseEvent, Child, Person } from '../domain/types';
import type { Stored } from '../store/repository';
import { ConcurrencyError } from '../store/repository';
import type { Store } from '../store/store';
import { mapLimit } from '../util/map-limit';
import type { Existing, KnownIds, Parsed } from './ingest-references';
import { place } from './ingest-place';
import { carryEvents, settle } from './ingest-settle';

export interface IngestOptions {
  /** Write the good records even when some are rejected (otherwise a bad record stops the batch). */
  acceptValid: boolean;
  /** Who is writing, for the activity log: `feed` or `import`. */
  actor: string;
  now: Date;
  /** Check everything, write nothing (the CSV importer uses this when rows already failed). */
  dryRun?: boolean;
  /** Which dates are accepted, around `now` (default 1990-01-01 to 10 years ahead). */
  dates?: DateLimitSettings;
  /** Ids earlier slices of the same import found in the store (the CSV import reads in slices). */
  known?: KnownIds;
  /** False: leave the activity log to the caller (one line per team for a whole import). */
  logActivity?: boolean;
}

/** Records written per team, by type. */
export type WriteCounts = Map<string, Record<RecordType, number>>;

/**
 * Writes in flight at once. The store answers each in a few milliseconds; waiting for one before
 * sending the next left it idle most of the time (issue 15). The raw-throughput bench uses the same.
 */
export const WRITE_CONCURRENCY = 64;

type Of<T extends RecordType> = Extract<FeedRecord, { type: T }>;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function write(
  store: Store,
  good: Parsed[],
  existing: Existing,
  options: IngestOptions,
): Promise<WriteCounts> {
  const of = <T extends RecordType>(type: T) =>
    good.map((p) => p.record).filter((r): r is Of<T> => r.type === type);
  const counts: WriteCounts = new Map();
  const count = (teamId: string, type: RecordType) => {
    const c = counts.get(teamId) ?? { team: 0, person: 0, child: 0, event: 0 };
    c[type] += 1;
    counts.set(teamId, c);
  };
  const placer = placers(store, londonDate(options.now));

  // Parents before children, so a reader never meets a child whose team is missing.
  await mapLimit(of('team'), WRITE_CONCURRENCY, async (r) => {
    await store.teams.upsert(toTeam(r));
    count(r.id, 'team');
  });
  await mapLimit(of('person'), WRITE_CONCURRENCY, async (r) => {
    await placer.person(r, existing.personCopies.get(r.id) ?? []);
    count(r.teamId, 'person');
  });
  await mapLimit(of('child'), WRITE_CONCURRENCY, async (r) => {
    await placer.child(r, existing.childCopies.get(r.id) ?? []);
    count(r.teamId, 'child');
  });

  // Where each child lives once this batch is written: the batch wins over the store.
  const childTeam = new Map<string, string>();
  for (const r of of('event')) childTeam.set(r.childId, existing.children.get(r.childId) as string);
  for (const r of of('child')) childTeam.set(r.id, r.teamId);
  const written = new Map<string, CaseEvent[]>();
  const strayed = new Set<string>();
  await mapLimit(of('event'), WRITE_CONCURRENCY, async (r) => {
    const event = toEvent(r, childTeam.get(r.childId) as string); // checked: every event's child is known
    await store.events.upsert(event);
    written.set(r.childId, [...(written.get(r.childId) ?? []), event]);
    for (const old of existing.events.get(r.id) ?? []) {
      if (old.teamId === event.teamId) continue;
      // A copy beside the same child is gathered under the child's claim (a move may be carrying
      // it right now); one left with another child (the event was moved to this one) goes now.
      if (old.childId === r.childId) strayed.add(r.childId);
      else await store.events.delete(r.id, old.teamId);
    }
    count(event.teamId, 'event');
  });

  const people = new Map(of('person').map((r) => [r.id, r]));
  const children = new Map(of('child').map((r) => [r.id, r]));
  await settle(store, {
    people: new Map(of('person').map((r) => [r.id, r.teamId])),
    children: childTeam,
    written,
    strayed,
    again: {
      person: (id, copies) => placer.person(people.get(id) as Of<'person'>, copies as (Person & Stored)[]),
      child: (id, copies) => {
        const r = children.get(id);
        return r
          ? placer.child(r, copies as (Child & Stored)[])
          : placer.keep(id, copies as (Child & Stored)[]);
      },
    },
    ...PLACING,
  });
  if (options.logActivity !== false) await logWrites(store, counts, options);
  return counts;
}

const PLACING = {
  now: () => new Date(),
  sleep,
  concurrencyError: (what: string) => new ConcurrencyError(what),
};

/** Putting a person or child from the feed in its team, or keeping a child where it was changed last. */
function placers(store: Store, today: string) {
  return {
    person: (r: Of<'person'>, copies: (Person & Stored)[]) =>
      place<Person>({
        ...PLACING,
        repo: store.people,
        id: r.id,
        teamId: r.teamId,
        copies,
        build: (before) => toPerson(r, before),
      }),
    child: (r: Of<'child'>, copies: (Child & Stored)[]) =>
      place<Child>({
        ...PLACING,
        repo: store.children,
        id: r.id,
        teamId: r.teamId,
        copies,
        build: (before) => toChild(r, before, today),
        carry: (from, to) => carryEvents(store, r.id, from, to),
      }),
    /** Only the child's events were in the batch: keep the copy changed last, with everything beside it. */
    keep: (id: string, copies: (Child & Stored)[]) => {
      const latest = [...copies].sort((a, b) => b._ts - a._ts)[0] as Child;
      return place<Child>({
        ...PLACING,
        repo: store.children,
        id,
        teamId: latest.teamId,
        copies,
        build: (before) => ({ ...(before ?? latest), teamId: latest.teamId }),
        carry: (from, to) => carryEvents(store, id, from, to),
      });
    },
  };
}

/** One id-only line per team touched, with the counts written. */
export async function logWrites(
  store: Store,
  counts: WriteCounts,
  options: Pick<IngestOptions, 'now' | 'actor'>,
): Promise<void> {
  const at = options.now.toISOString();
  await mapLimit([...counts], WRITE_CONCURRENCY, ([teamId, c]) =>
    store.activity.upsert({
      id: randomUUID(),
      teamId,
      at,
      actor: options.actor,
      action: 'records.upserted',
      details: { teams: c.team, people: c.person, children: c.child, events: c.event },
    }),
  );
}
