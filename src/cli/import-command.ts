/**
 * `hearth import <file> --kind children|events|people|teams`: a nightly CSV extract into the store.
 * Every row is checked first; if any is bad nothing is written (unless --accept-valid), and every
 * bad row is reported with its line number and reason, optionally as a CSV of rejects.
 */
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { SingleBar } from 'cli-progress';
import type { CsvKind } from '../ingest/csv-mapping';
import { MappingError, parseMapping } from '../ingest/csv-mapping';
import { readCsv } from '../ingest/csv-import';
import { csvLine } from '../util/csv-out';
import { ingest } from '../services/ingest-batch';
import type { Store } from '../store/store';

export interface ImportOptions {
  file: string;
  kind: CsvKind;
  mapping?: string | undefined;
  acceptValid: boolean;
  rejects?: string | undefined;
  progress: boolean;
  now: Date;
}

export interface ImportReport {
  rows: number;
  written: boolean;
  accepted: number;
  problems: { line: number; reason: string }[];
  /** 0 written cleanly, 1 refused (nothing written), 4 written with some rows rejected. */
  exitCode: 0 | 1 | 4;
}

export async function runImport(
  store: Store,
  options: ImportOptions,
  print: (line: string) => void,
): Promise<ImportReport> {
  const mapping = parseMapping(options.mapping ? readFileSync(options.mapping, 'utf8') : '{}', options.kind);
  const size = statSync(options.file).size;
  const bar = options.progress
    ? new SingleBar({ format: 'Reading {bar} {percentage}% | {value}/{total} bytes', stream: process.stderr })
    : undefined;
  bar?.start(size, 0);
  let csv;
  try {
    csv = await readCsv(createReadStream(options.file), options.kind, mapping, (bytes) => bar?.update(bytes));
    bar?.update(size);
  } catch (error) {
    // The file is read whole before anything is written, so a file it cannot read changes nothing.
    if (error instanceof MappingError) throw new MappingError(`${error.message}\nNothing was written.`);
    throw error;
  } finally {
    bar?.stop();
  }

  const result = await ingest(
    store,
    csv.rows.map((r) => r.raw),
    {
      acceptValid: options.acceptValid,
      actor: 'import',
      now: options.now,
      dryRun: csv.problems.length > 0 && !options.acceptValid,
    },
  );
  const problems = [
    ...csv.problems.map((p) => ({ line: p.line, reason: p.reason, cells: p.cells })),
    ...result.outcomes
      .filter((o) => o.outcome === 'rejected')
      .map((o) => {
        const row = csv.rows[o.index];
        return { line: row?.line ?? 0, reason: o.reason ?? 'rejected', cells: row?.cells ?? [] };
      }),
  ].sort((a, b) => a.line - b.line);

  const rows = csv.rows.length + csv.problems.length;
  print(`Read ${rows} row(s) of ${options.kind} from ${options.file}.`);
  for (const p of problems) print(`  line ${p.line}: ${p.reason}`);
  const good = rows - problems.length;
  if (result.written) {
    print(
      `Wrote ${good} row(s).${problems.length ? ` ${problems.length} row(s) were not written (above).` : ''}`,
    );
  } else if (problems.length > 0) {
    print(
      `Nothing was written: ${problems.length} row(s) have problems. Fix them, or run again with ` +
        `--accept-valid to write the other ${good}.`,
    );
  } else {
    print('Nothing to write: the file has no rows.');
  }

  if (options.rejects && problems.length > 0) {
    const out = createWriteStream(options.rejects, { encoding: 'utf8' });
    out.write(csvLine(['line', 'reason', ...csv.header]));
    for (const p of problems) out.write(csvLine([p.line, p.reason, ...p.cells]));
    out.end();
    await once(out, 'finish');
    print(`Rejected rows are in ${options.rejects}.`);
  }

  return {
    rows,
    written: result.written,
    accepted: result.written ? good : 0,
    problems: problems.map(({ line, reason }) => ({ line, reason })),
    exitCode: result.written ? (problems.length ? 4 : 0) : problems.length ? 1 : 0,
  };
}
