/**
 * The passes `hearth import` makes over a CSV file, each streaming it in slices: check every row
 * (against the store too), confirm ids that seem to repeat, write the rejects, write the good rows.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { DateLimitSettings } from '../domain/schemas';
import type { CsvKind, Mapping } from '../ingest/csv-mapping';
import type { CsvRow } from '../ingest/csv-import';
import { csvRows } from '../ingest/csv-import';
import { csvLine } from '../util/csv-out';
import { IdTable } from '../ingest/id-table';
import type { KnownIds, WriteCounts } from '../services/ingest-batch';
import { ingest, logWrites, StoreFault } from '../services/ingest-batch';
import type { Store } from '../store/store';

/** Rows checked or written together: enough to keep the store busy, few enough to stay small. */
export const SLICE_ROWS = 2_000;

export interface ImportOptions {
  file: string;
  kind: CsvKind;
  mapping?: string | undefined;
  acceptValid: boolean;
  rejects?: string | undefined;
  progress: boolean;
  now: Date;
  /** Check every row, write nothing. */
  dryRun?: boolean;
  /** Which dates are accepted (default 1990-01-01 to 10 years after `now`). */
  dates?: DateLimitSettings;
}

export interface Pass {
  store: Store;
  options: ImportOptions;
  mapping: Mapping;
  known: KnownIds;
}

/** First pass: every row parsed and checked, slice by slice; nothing written. */
export async function checkFile(
  pass: Pass,
  onBytes: (bytes: number) => void,
): Promise<{ rows: number; header: string[]; problems: Map<number, string> }> {
  const problems = new Map<number, string>();
  const ids = new IdTable();
  /** [line, the line its id was (probably) on before]. */
  const repeats: [number, number][] = [];
  let header: string[] = [];
  let rows = 0;
  let slice: CsvRow[] = [];
  const source = csvRows(createReadStream(pass.options.file), pass.options.kind, pass.mapping, {
    onHeader: (h) => (header = h),
    onBytes,
  });
  for await (const item of source) {
    rows++;
    if (!item.ok) {
      problems.set(item.line, item.reason);
      continue;
    }
    const id = typeof item.raw.id === 'string' ? item.raw.id : undefined;
    const first = id === undefined ? undefined : ids.firstLineOf(id, item.line);
    if (first !== undefined) {
      repeats.push([item.line, first]);
      continue;
    }
    slice.push(item);
    if (slice.length >= SLICE_ROWS) {
      await checkSlice(pass, slice, problems);
      slice = [];
    }
  }
  await checkSlice(pass, slice, problems);
  if (repeats.length > 0) await confirmRepeats(pass, repeats, problems);
  return { rows, header, problems };
}

/** Checks rows against the schema and the store, noting each bad one by line. */
async function checkSlice(pass: Pass, slice: CsvRow[], problems: Map<number, string>): Promise<void> {
  if (slice.length === 0) return;
  const result = await ingest(
    pass.store,
    slice.map((r) => r.raw),
    { ...ingestOptions(pass), dryRun: true },
  );
  for (const o of result.outcomes) {
    const row = slice[o.index];
    if (o.outcome === 'rejected' && row) problems.set(row.line, o.reason ?? 'rejected');
  }
}

/**
 * The same id twice: which row is right? Neither is written. The id table only says "probably", so
 * the rows are read again and their ids compared; a row that only shared a hash is checked as usual.
 */
async function confirmRepeats(pass: Pass, repeats: [number, number][], problems: Map<number, string>) {
  const wanted = new Set(repeats.flat());
  const rows = new Map<number, CsvRow>();
  for await (const item of csvRows(createReadStream(pass.options.file), pass.options.kind, pass.mapping)) {
    if (item.ok && wanted.has(item.line)) rows.set(item.line, item);
  }
  const unlike: CsvRow[] = [];
  for (const [line, first] of repeats) {
    const row = rows.get(line);
    const id = row?.raw.id;
    if (!row || id !== rows.get(first)?.raw.id) {
      if (row) unlike.push(row);
      continue;
    }
    problems.set(line, `id ${String(id)} appears more than once in this file (first on line ${first})`);
    if (!problems.has(first))
      problems.set(first, `id ${String(id)} appears more than once in this file (again on line ${line})`);
  }
  await checkSlice(pass, unlike, problems);
}

/** The bad rows as a CSV, in line order, read from the file again rather than kept in memory. */
export async function writeRejects(
  pass: Pass,
  header: string[],
  problems: Map<number, string>,
): Promise<void> {
  const out = createWriteStream(pass.options.rejects as string, { encoding: 'utf8' });
  const put = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await put(csvLine(['line', 'reason', ...header]));
  for await (const item of csvRows(createReadStream(pass.options.file), pass.options.kind, pass.mapping)) {
    const reason = problems.get(item.line);
    if (reason !== undefined) await put(csvLine([item.line, reason, ...item.cells]));
  }
  out.end();
  await once(out, 'finish');
}

/** Last pass: the good rows written, slice by slice; one activity log line per team at the end. */
export async function writeFile(
  pass: Pass,
  problems: Map<number, string>,
  onBytes: (bytes: number) => void,
): Promise<{ count: number; late: [number, string][]; fault?: string }> {
  const totals: WriteCounts = new Map();
  const late: [number, string][] = [];
  let count = 0;
  let slice: CsvRow[] = [];
  const flush = async () => {
    const result = await ingest(
      pass.store,
      slice.map((r) => r.raw),
      { ...ingestOptions(pass), acceptValid: true, logActivity: false },
    );
    // Rejected now but not when checked: the store changed in between (a team removed, say).
    for (const o of result.outcomes) {
      const row = slice[o.index];
      if (o.outcome === 'rejected' && row) late.push([row.line, o.reason ?? 'rejected']);
      else count++;
    }
    for (const [team, c] of result.counts) {
      const total = totals.get(team) ?? { team: 0, person: 0, child: 0, event: 0 };
      for (const type of ['team', 'person', 'child', 'event'] as const) total[type] += c[type];
      totals.set(team, total);
    }
    slice = [];
  };
  try {
    const source = csvRows(createReadStream(pass.options.file), pass.options.kind, pass.mapping, { onBytes });
    for await (const item of source) {
      if (!item.ok || problems.has(item.line)) continue;
      slice.push(item);
      if (slice.length >= SLICE_ROWS) await flush();
    }
    if (slice.length > 0) await flush();
  } catch (error) {
    if (!(error instanceof StoreFault)) throw error;
    await logWrites(pass.store, totals, { now: pass.options.now, actor: 'import' }).catch(() => undefined);
    return { count, late, fault: error.message };
  }
  await logWrites(pass.store, totals, { now: pass.options.now, actor: 'import' });
  return { count, late };
}

function ingestOptions(pass: Pass) {
  return {
    acceptValid: pass.options.acceptValid,
    actor: 'import',
    now: pass.options.now,
    known: pass.known,
    ...(pass.options.dates ? { dates: pass.options.dates } : {}),
  };
}
