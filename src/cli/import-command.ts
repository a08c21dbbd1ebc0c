/**
 * `hearth import <file> --kind children|events|people|teams`: a nightly CSV extract into the store.
 * Every row is checked first; if any is bad nothing is written (unless --accept-valid), and every
 * bad row is reported with its line number and reason, optionally as a CSV of rejects.
 *
 * The file is streamed, in slices of a few thousand rows, never held whole: one pass checks every
 * row (against the store too), an optional pass writes the rejects, and a last pass writes the good
 * rows. Memory stays small whatever the file's length (a 50 MB, 900,000-row file stays under
 * 300 MB: `npm run bench`); what grows with the file is one entry per row id (to find the same id
 * twice) and one per bad row.
 */
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { SingleBar } from 'cli-progress';
import type { DateLimitSettings } from '../domain/schemas';
import type { CsvKind, Mapping } from '../ingest/csv-mapping';
import { MappingError, parseMapping } from '../ingest/csv-mapping';
import type { CsvRow } from '../ingest/csv-import';
import { csvRows } from '../ingest/csv-import';
import { csvLine } from '../ingest/csv-out';
import { IdTable } from '../ingest/id-table';
import type { KnownIds, WriteCounts } from '../services/ingest-batch';
import { ingest, logWrites, noKnownIds, StoreFault } from '../services/ingest-batch';
import type { Store } from '../store/store';

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

export interface ImportReport {
  rows: number;
  written: boolean;
  accepted: number;
  /** The bad rows, by line (the first `LISTED` of them; `problemCount` says how many in all). */
  problems: { line: number; reason: string }[];
  problemCount: number;
  /**
   * 0 written cleanly (or a clean dry run), 1 refused (nothing written), 3 the store failed part
   * way (run the same import again: rows are written by id), 4 written with some rows rejected.
   */
  exitCode: 0 | 1 | 3 | 4;
}

/** Rows checked or written together: enough to keep the store busy, few enough to stay small. */
export const SLICE_ROWS = 2_000;
/** Bad rows printed; the rest are counted (and all are in the rejects file). */
export const LISTED = 1_000;

interface Pass {
  store: Store;
  options: ImportOptions;
  mapping: Mapping;
  known: KnownIds;
}

export async function runImport(
  store: Store,
  options: ImportOptions,
  print: (line: string) => void,
): Promise<ImportReport> {
  const mapping = parseMapping(options.mapping ? readFileSync(options.mapping, 'utf8') : '{}', options.kind);
  const pass: Pass = { store, options, mapping, known: noKnownIds() };
  const checked = await withProgress(options, 'Checking', (onBytes) => checkFile(pass, onBytes)).catch(
    (error: unknown) => {
      // The file is checked whole before anything is written, so a file it cannot read changes nothing.
      throw error instanceof MappingError
        ? new MappingError(`${error.message}\nNothing was written.`)
        : error;
    },
  );
  const { rows, header } = checked;
  const problems = checked.problems;
  const say = (line: string) => print(line.replaceAll('\u0000', ''));

  say(`Read ${rows} row(s) of ${options.kind} from ${options.file}.`);
  const sorted = [...problems].sort(([a], [b]) => a - b);
  for (const [line, reason] of sorted.slice(0, LISTED)) say(`  line ${line}: ${reason}`);
  if (sorted.length > LISTED) say(`  ... and ${sorted.length - LISTED} more row(s) with problems.`);
  if (options.rejects && problems.size > 0) {
    await writeRejects(pass, header, problems);
    say(`Rejected rows are in ${options.rejects}.`);
  }

  const good = rows - problems.size;
  const report = (written: boolean, accepted: number, exitCode: ImportReport['exitCode']): ImportReport => ({
    rows,
    written,
    accepted,
    problems: sorted.slice(0, LISTED).map(([line, reason]) => ({ line, reason })),
    problemCount: problems.size,
    exitCode,
  });
  if (options.dryRun) {
    say(`Dry run: nothing was written. ${good} row(s) would be written.`);
    return report(false, 0, problems.size > 0 ? 1 : 0);
  }
  if (good === 0 || (problems.size > 0 && !options.acceptValid)) {
    say(
      problems.size === 0
        ? 'Nothing to write: the file has no rows.'
        : `Nothing was written: ${problems.size} row(s) have problems. Fix them, or run again with ` +
            `--accept-valid to write the other ${good}.`,
    );
    return report(false, 0, problems.size > 0 ? 1 : 0);
  }

  const written = await withProgress(options, 'Writing', (onBytes) => writeFile(pass, problems, onBytes));
  for (const [line, reason] of written.late) say(`  line ${line}: ${reason}`);
  if (written.fault) {
    say(
      `The store stopped answering after ${written.count} row(s) were written (${written.fault}). ` +
        'Rows are written by id, so running the same import again finishes it.',
    );
    return report(written.count > 0, written.count, 3);
  }
  const notWritten = problems.size + written.late.length;
  say(`Wrote ${written.count} row(s).${notWritten ? ` ${notWritten} row(s) were not written (above).` : ''}`);
  return report(true, written.count, notWritten ? 4 : 0);
}

async function withProgress<T>(
  options: ImportOptions,
  label: string,
  work: (onBytes: (bytes: number) => void) => Promise<T>,
): Promise<T> {
  const size = statSync(options.file).size;
  const bar = options.progress
    ? new SingleBar({
        format: `${label} {bar} {percentage}% | {value}/{total} bytes`,
        stream: process.stderr,
      })
    : undefined;
  bar?.start(size, 0);
  try {
    const result = await work((bytes) => bar?.update(bytes));
    bar?.update(size);
    return result;
  } finally {
    bar?.stop();
  }
}

/** First pass: every row parsed and checked, slice by slice; nothing written. */
async function checkFile(
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
async function writeRejects(pass: Pass, header: string[], problems: Map<number, string>): Promise<void> {
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
async function writeFile(
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
