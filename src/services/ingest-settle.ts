/**
 * After a batch is written: a last look at the people and children it touched. Another batch
 * writing the same ids at the same moment can leave a second copy in another team (two new
 * children created at once), or this batch's events in a team the child has just left. Whichever
 * batch looks last sees every copy and puts things right: one copy, with every event beside it.
 * Costs one query per 500 ids when nothing raced, which is nearly always.
 */
import type { CaseEvent, Child } from '../domain/types';
import type { ConcurrencyError, Stored } from '../store/repository';
import type { Store } from '../store/store';
import { mapLimit } from '../util/map-limit';
import { place } from './ingest-place';

export interface SettleInput {
  /** People this batch wrote, and the team it put each in; `again` places one once more. */
  people: Map<string, string>;
  /** Children this batch wrote or wrote events for, and the team it put those events in. */
  children: Map<string, string>;
  /** The events this batch wrote, by child. */
  written: Map<string, CaseEvent[]>;
  /** Children with a copy of one of this batch's events in another team when the batch began. */
  strayed: Set<string>;
  again: {
    person: (id: string, copies: Stored[]) => Promise<unknown>;
    child: (id: string, copies: Stored[]) => Promise<unknown>;
  };
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  concurrencyError: (what: string) => ConcurrencyError;
}

const CONCURRENCY = 16;
const WAITS = 60;

export async function settle(store: Store, input: SettleInput): Promise<void> {
  const people = await quietCopies(store.people, [...input.people.keys()], input);
  await mapLimit([...people], CONCURRENCY, async ([id, copies]) => {
    if (copies.length > 1) await input.again.person(id, copies);
  });

  const children = await quietCopies(store.children, [...input.children.keys()], input);
  await mapLimit([...children], CONCURRENCY, async ([id, copies]) => {
    const ours = input.children.get(id);
    if (copies.length > 1) await input.again.child(id, copies);
    const elsewhere = copies.length !== 1 || copies[0]?.teamId !== ours;
    if (input.written.has(id) && (elsewhere || input.strayed.has(id))) await gather(store, id, input);
  });
}

/** Every copy of these ids, once no one holds a lease on any of them (a move in progress). */
async function quietCopies<T extends { id: string; teamId: string }>(
  repo: { findStoredByIds(ids: readonly string[]): Promise<(T & Stored)[]> },
  ids: string[],
  input: Pick<SettleInput, 'now' | 'sleep' | 'concurrencyError'>,
): Promise<Map<string, (T & Stored)[]>> {
  const found = new Map<string, (T & Stored)[]>();
  let pending = ids;
  for (let wait = 0; pending.length > 0; wait++) {
    if (wait >= WAITS) throw input.concurrencyError(`${pending.length} record(s) kept moving`);
    if (wait > 0) await input.sleep(Math.min(1000, 20 * 2 ** Math.min(wait, 6)));
    const copies = await repo.findStoredByIds(pending);
    const now = input.now().getTime();
    const leased = new Set(
      copies
        .filter((c) => {
          const lease = (c as { moveLease?: { until: string } }).moveLease;
          return lease !== undefined && Date.parse(lease.until) > now;
        })
        .map((c) => c.id),
    );
    for (const id of pending) if (!leased.has(id)) found.set(id, []);
    for (const c of copies) if (!leased.has(c.id)) found.get(c.id)?.push(c);
    pending = pending.filter((id) => leased.has(id));
  }
  return found;
}

/**
 * Brings every event of a child into the child's team, with the child claimed meanwhile: this
 * batch's own events are written there again (another batch may have moved the child, and an older
 * copy with it, since they were written), then every copy elsewhere is brought in or, when the
 * team already has that event, removed.
 */
async function gather(store: Store, childId: string, input: SettleInput): Promise<void> {
  for (let look = 0; look < WAITS; look++) {
    const copies = await store.children.findStoredByIds([childId]);
    const home = copies[0];
    if (!home) return; // forgotten since: nothing to gather into
    if (copies.length > 1) {
      await input.again.child(childId, copies);
      continue;
    }
    const gathered = await place<Child>({
      repo: store.children,
      id: childId,
      teamId: home.teamId,
      copies,
      build: (before) => before as Child,
      exclusive: true,
      // Moved by another batch since this look: look again, and gather where it is now.
      stillWanted: (now) => now.length === 1 && now[0]?.teamId === home.teamId,
      whileClaimed: async () => {
        const ours = input.written.get(childId) ?? [];
        await mapLimit(ours, CONCURRENCY, (e) => store.events.upsert({ ...e, teamId: home.teamId }));
        const events = await store.events.query('c.childId = @id', [{ name: '@id', value: childId }]);
        for (const e of events) if (e.teamId !== home.teamId) await carryEvent(store, e, home.teamId);
      },
      now: input.now,
      sleep: input.sleep,
      concurrencyError: input.concurrencyError,
    });
    if (gathered) return;
  }
  throw input.concurrencyError(`children/${childId} kept moving`);
}

/** When a child moves team, their events follow them to the new team's partition. */
export async function carryEvents(
  store: Store,
  childId: string,
  fromTeam: string,
  toTeam: string,
): Promise<void> {
  const events = await store.events.inPartition(fromTeam, 'c.childId = @childId', [
    { name: '@childId', value: childId },
  ]);
  await mapLimit(events, CONCURRENCY, (event) => carryEvent(store, event, toTeam));
}

/** One event to another team: a copy already there wins (it was written for that team). */
async function carryEvent(
  store: Store,
  event: Awaited<ReturnType<Store['events']['query']>>[number],
  toTeam: string,
): Promise<void> {
  await store.events.createIfAbsent({ ...event, teamId: toTeam });
  await store.events.delete(event.id, event.teamId);
}
