/**
 * Putting one person or child from the feed in its team without losing anyone else's write.
 *
 * - Hearth's own fields (a pause, a Teams chat, leave, snoozes, when a child was first seen closed)
 *   are never overwritten: the feed's version is built on the copy it read and written only if that
 *   copy is unchanged (ETag); if someone wrote in between, it is read again and built again.
 * - Moving between teams (a partition each) cannot be one transaction in Cosmos DB, so a mover first
 *   claims every copy with a short lease (in id order, so two movers never wait on each other), then
 *   writes the new copy, brings the child's events along and deletes the old copies, each only if
 *   still as claimed. Everyone else waits while a lease is live; a lease left by a crash runs out.
 *   However two batches interleave, an id ends up in exactly one team, its events with it.
 */
import { randomUUID } from 'node:crypto';
import type { ConcurrencyError, Repository, Stored } from '../store/repository';
import { isStatus, withoutSystemFields } from '../store/repository';

/** A claim on one copy while it moves; store-only, never part of the domain object. */
export interface MoveLease {
  owner: string;
  until: string;
}
type Leased = { moveLease?: MoveLease };

export const LEASE_MS = 30_000;
const ATTEMPTS = 60;

export interface Placement<T extends { id: string; teamId: string }> {
  repo: Repository<T>;
  id: string;
  teamId: string;
  /** The copies read before (from the batch's first look at the store), fresh ones after. */
  copies: (T & Stored)[];
  /** The item to write, built on what is there now (the copy in the target team, else any). */
  build: (before: T | undefined) => T;
  /** Brings what lives beside the item (a child's events) from one team to another. */
  carry?: (fromTeam: string, toTeam: string) => Promise<void>;
  /** Claim even a single copy in the right team, to run `whileClaimed` with no one moving it. */
  exclusive?: boolean;
  /** Runs while every copy is claimed (gathering a child's stray events into its team). */
  whileClaimed?: () => Promise<void>;
  /** Checked on each fresh look: false gives up (the item has moved since, and the work is moot). */
  stillWanted?: (copies: readonly (T & Stored)[]) => boolean;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  concurrencyError: (what: string) => ConcurrencyError;
}

const leaseOf = (item: object) => (item as Leased).moveLease;
const strip = <T>(item: T & Stored): T => {
  const { moveLease: _lease, ...rest } = withoutSystemFields<T & Leased>(item);
  void _lease;
  return rest as T;
};

/**
 * Writes the item in its team; resolves true once it is there and no other copy is, or false when
 * `stillWanted` said to give up.
 */
export async function place<T extends { id: string; teamId: string }>(p: Placement<T>): Promise<boolean> {
  const owner = randomUUID();
  let copies = p.copies;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) {
      await p.sleep(Math.min(1000, 10 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
      copies = await p.repo.findStoredByIds([p.id]);
    }
    const now = p.now().getTime();
    const busy = copies.some((c) => {
      const lease = leaseOf(c);
      return lease && lease.owner !== owner && Date.parse(lease.until) > now;
    });
    if (busy) continue;
    if (p.stillWanted && !p.stillWanted(copies)) return false;
    const here = copies.find((c) => c.teamId === p.teamId);
    const others = copies.filter((c) => c.teamId !== p.teamId);
    if (others.length === 0 && !p.exclusive && !(here && leaseOf(here)?.owner === owner)) {
      if (await writeOver(p, here)) return true;
      continue;
    }
    if (await move(p, owner, copies)) return true;
  }
  throw p.concurrencyError(`${p.repo.container.id}/${p.id}`);
}

/** The common case: one round trip, on the ETag of the copy read (or a create when there was none). */
async function writeOver<T extends { id: string; teamId: string }>(
  p: Placement<T>,
  here: (T & Stored) | undefined,
): Promise<boolean> {
  if (!here) return p.repo.createIfAbsent(p.build(undefined));
  try {
    await p.repo.replaceIfUnchanged(p.build(strip(here)), here._etag);
    return true;
  } catch (error) {
    if (isStatus(error, 412) || isStatus(error, 404)) return false;
    throw error;
  }
}

/** Claims every copy, writes the one in the target team, carries, deletes the rest. */
async function move<T extends { id: string; teamId: string }>(
  p: Placement<T>,
  owner: string,
  copies: (T & Stored)[],
): Promise<boolean> {
  const until = new Date(p.now().getTime() + LEASE_MS).toISOString();
  const claimed: (T & Stored)[] = [];
  for (const copy of [...copies].sort((a, b) => a.teamId.localeCompare(b.teamId))) {
    try {
      const lease: MoveLease = { owner, until };
      claimed.push(await p.repo.replaceIfUnchanged({ ...strip(copy), moveLease: lease }, copy._etag));
    } catch (error) {
      if (!isStatus(error, 412) && !isStatus(error, 404)) throw error;
      await release(p, claimed);
      return false;
    }
  }
  // Hearth's fields come from the copy changed last before the claim (where a pause landed), the
  // old team's on a tie: claiming itself changes every copy, so the times are the ones read.
  const latest = [...copies].sort((a, b) => b._ts - a._ts || (a.teamId === p.teamId ? 1 : -1))[0];
  const here = claimed.find((c) => c.teamId === p.teamId);
  const next = p.build(latest ? strip(latest) : undefined);
  await p.whileClaimed?.();
  if (here) {
    if (!(await replaced(p, next, here._etag))) return false;
  } else if (!(await p.repo.createIfAbsent(next))) {
    await release(p, claimed);
    return false;
  }
  for (const old of claimed) {
    if (old.teamId === p.teamId) continue;
    await p.carry?.(old.teamId, p.teamId);
    // Changed since we claimed it (a pause on the old copy): go round again to carry that over.
    if (!(await p.repo.deleteIfUnchanged(old.id, old.teamId, old._etag))) return false;
  }
  return true;
}

async function replaced<T extends { id: string; teamId: string }>(
  p: Placement<T>,
  item: T,
  etag: string,
): Promise<boolean> {
  try {
    await p.repo.replaceIfUnchanged(item, etag);
    return true;
  } catch (error) {
    if (isStatus(error, 412) || isStatus(error, 404)) return false;
    throw error;
  }
}

/** Gives back the leases taken so far, so a mover that lost a race does not hold others up. */
async function release<T extends { id: string; teamId: string }>(
  p: Placement<T>,
  claimed: (T & Stored)[],
): Promise<void> {
  for (const copy of claimed) await replaced(p, strip(copy), copy._etag);
}
