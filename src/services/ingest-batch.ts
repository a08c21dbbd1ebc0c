/**
 * Takes a batch of records from the case management system (JSON feed or CSV import) into the
 * store. Every record is parsed and checked against the batch and the store first; only then is
 * anything written, so a bad batch changes nothing. Writes are idempotent by source id, so
 * re-sending a batch (for example after a store outage mid-write) converges on the same state.
 */
import { londonDate } from '../domain/dates';
import type { RecordType } from '../domain/feed-records';
import { parseRecord } from '../domain/feed-records';
import { dateLimits } from '../domain/schemas';
import { ConcurrencyError } from '../store/repository';
import type { Store } from '../store/store';
import type { Parsed, Verdicts } from './ingest-references';
import { checkEntraIds, checkReferences, loadExisting } from './ingest-references';
import { guarded, StoreFault } from './ingest-store-fault';
import type { IngestOptions, WriteCounts } from './ingest-write';
import { write } from './ingest-write';

export type { IngestOptions, WriteCounts } from './ingest-write';
export { logWrites } from './ingest-write';
export type { KnownIds } from './ingest-references';
export { noKnownIds } from './ingest-references';
export { StoreFault } from './ingest-store-fault';

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
  /** What was written, per team (empty when nothing was). */
  counts: WriteCounts;
}

/**
 * Checks and (unless refused) writes a batch. A failure of the store itself, while reading or
 * writing, is thrown as a `StoreFault` (answer: send the same batch again); any other error is a
 * fault in Hearth and is thrown as it is.
 */
export async function ingest(
  unguarded: Store,
  raws: readonly unknown[],
  options: IngestOptions,
): Promise<IngestResult> {
  const store = guarded(unguarded);
  const outcomes: RecordOutcome[] = raws.map((raw, index) => ({
    index,
    ...describe(raw),
    outcome: 'accepted',
  }));
  const verdicts = verdictsOver(outcomes);

  const limits = dateLimits(londonDate(options.now), options.dates);
  const parsed: Parsed[] = [];
  raws.forEach((raw, index) => {
    const result = parseRecord(raw, limits);
    if (result.ok) parsed.push({ index, record: result.record });
    else verdicts.reject(index, result.reason);
  });

  rejectDuplicates(parsed, verdicts.reject);
  const live = () => parsed.filter((p) => verdicts.live(p.index));

  const existing = await loadExisting(store, live(), {
    ...(options.known ? { known: options.known } : {}),
    forWrite: !options.dryRun,
  });
  checkEntraIds(live(), existing, verdicts);
  checkReferences(live(), existing, verdicts);

  const good = live();
  const rejected = outcomes.filter((o) => o.outcome === 'rejected').length;
  const result = (written: boolean, counts: WriteCounts = new Map()): IngestResult => ({
    written,
    accepted: outcomes.length - rejected,
    rejected,
    outcomes,
    counts,
  });
  if (options.dryRun || good.length === 0 || (rejected > 0 && !options.acceptValid)) return result(false);

  const counts = await write(store, good, existing, options).catch((error: unknown) => {
    // Someone else kept changing the same records: like an outage, a resend will settle it.
    throw error instanceof ConcurrencyError ? new StoreFault(error) : error;
  });
  return result(true, counts);
}

function verdictsOver(outcomes: RecordOutcome[]): Verdicts {
  return {
    live: (index) => outcomes[index]?.outcome === 'accepted',
    reject: (index, reason) => {
      const outcome = outcomes[index];
      if (outcome && outcome.outcome === 'accepted') Object.assign(outcome, { outcome: 'rejected', reason });
    },
    rejectedInBatch: (type: RecordType, id: string) =>
      outcomes.find((o) => o.outcome === 'rejected' && o.type === type && o.id === id)?.index,
  };
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
