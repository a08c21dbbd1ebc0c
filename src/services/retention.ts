/**
 * Keeps data only as long as it is needed. Two jobs, run daily by the `retention` timer:
 * - removing operational items older than their container's retention (outbox, activity log,
 *   feedback, audits). In Azure, Cosmos DB's time-to-live does this already and the sweep finds
 *   nothing; the embedded server used locally and in tests never expires items, so the sweep does.
 * - forgetting children the feed has marked closed for longer than the set period, with their
 *   events, outbox messages, audits' personal details and feedback links (see forget-child.ts).
 */
import { randomUUID } from 'node:crypto';
import { daysBetween, londonDate } from '../domain/dates';
import type { RetentionDays, RetentionKind } from '../store/containers';
import { CONTAINERS, DAY_SECONDS } from '../store/containers';
import { isStatus } from '../store/repository';
import type { Store } from '../store/store';
import { describeError } from '../domain/isolate';
import type { Child } from '../domain/types';
import { eachIsolated } from '../util/each-isolated';
import { mapLimit } from '../util/map-limit';
import type { ForgetReport } from './forget-child';
import { forgetChildren } from './forget-child';
import type { Skipped } from './skipped-records';
import { reportSkipped } from './skipped-records';

export interface RetentionDeps {
  store: Store;
  now: Date;
  retention: RetentionDays;
}

export interface RetentionReport {
  /** Items removed from each container because they were older than its retention. */
  expired: Partial<Record<RetentionKind, number>>;
  /** Closed children seen for the first time: their removal counts from today. */
  closedFromToday: string[];
  forgotten: ForgetReport[];
  /** Children whose dating or removal failed: left for the next run, reported to the admins. */
  skipped: Skipped[];
}

const CONCURRENCY = 8;

/** Removes items whose last change is older than their container's retention. */
export async function purgeExpired(deps: RetentionDeps): Promise<RetentionReport['expired']> {
  const expired: RetentionReport['expired'] = {};
  const nowSeconds = Math.floor(deps.now.getTime() / 1000);
  for (const spec of Object.values(CONTAINERS)) {
    if (!('retention' in spec)) continue;
    const cutoff = nowSeconds - deps.retention[spec.retention] * DAY_SECONDS;
    const field = spec.partitionKey.slice(1);
    const container = deps.store.database.container(spec.id);
    const { resources } = await container.items
      .query<{ id: string; pk?: string }>({
        query: `SELECT c.id, c.${field} AS pk FROM c WHERE c._ts < @cutoff`,
        parameters: [{ name: '@cutoff', value: cutoff }],
      })
      .fetchAll();
    await mapLimit(resources, CONCURRENCY, async ({ id, pk }) => {
      try {
        await container.item(id, pk).delete();
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    });
    expired[spec.retention] = resources.length;
  }
  return expired;
}

/**
 * Dates children newly marked closed (those written before Hearth dated closures) and forgets
 * those closed for at least `retention.closedChild` days.
 */
export async function forgetClosedChildren(
  deps: RetentionDeps,
): Promise<Pick<RetentionReport, 'closedFromToday' | 'forgotten' | 'skipped'>> {
  const today = londonDate(deps.now);
  const closed = await deps.store.children.query('c.closed = true');
  const undated = closed.filter((c) => !c.closedSince);
  const skipped: Skipped[] = [];
  const skip = (c: Child, error: unknown) =>
    void skipped.push({ teamId: c.teamId, childId: c.id, problem: describeError(error) });
  await eachIsolated(
    undated,
    CONCURRENCY,
    async (c) => {
      await deps.store.children.update(c.id, c.teamId, (current) =>
        current.closed && !current.closedSince ? { ...current, closedSince: today } : undefined,
      );
    },
    skip,
  );
  const due = closed.filter(
    (c) => c.closedSince !== undefined && daysBetween(c.closedSince, today) >= deps.retention.closedChild,
  );
  const forgetDeps = { store: deps.store, now: deps.now, actor: 'retention' };
  let forgotten: ForgetReport[];
  try {
    forgotten = await forgetChildren(
      forgetDeps,
      due.map((c) => c.id),
    );
  } catch {
    // One child at a time, so one that cannot be removed now leaves the others removed.
    forgotten = [];
    await eachIsolated(
      due,
      1,
      async (c) => void forgotten.push(...(await forgetChildren(forgetDeps, [c.id]))),
      skip,
    );
  }
  return { closedFromToday: undated.map((c) => c.id), forgotten, skipped };
}

/** Both jobs, and one id-only line in the activity log saying what was done. */
export async function runRetention(deps: RetentionDeps): Promise<RetentionReport> {
  const expired = await purgeExpired(deps);
  const { closedFromToday, forgotten, skipped } = await forgetClosedChildren(deps);
  await reportSkipped(deps.store, 'retention', skipped, () => undefined, deps.now);
  await deps.store.activity.upsert({
    id: randomUUID(),
    teamId: 'system',
    at: deps.now.toISOString(),
    actor: 'retention',
    action: 'retention.ran',
    details: {
      ...Object.fromEntries(Object.entries(expired).map(([kind, n]) => [`expired.${kind}`, n])),
      closedFromToday: closedFromToday.length,
      childrenForgotten: forgotten.length,
      childrenSkipped: skipped.length,
    },
  });
  return { expired, closedFromToday, forgotten, skipped };
}
