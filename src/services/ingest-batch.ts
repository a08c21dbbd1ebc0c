/**
 * Takes a batch of records from the case management system (JSON feed or CSV import) into the
 * store. Every record is parsed and checked against the batch and the store first; only then is
 * anything written, so a bad batch changes nothing. Writes are idempotent upserts by source id, so
 * re-sending a batch (for example after a store outage mid-write) converges on the same state.
 */
import { parseRecord } from '../domain/feed-records';
import type { Store } from '../store/store';
import type { Parsed } from './ingest-references';
import { checkReferences, loadExisting } from './ingest-references';
import type { IngestOptions } from './ingest-write';
import { write } from './ingest-write';

export type { IngestOptions } from './ingest-write';

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
