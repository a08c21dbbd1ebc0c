/**
 * `hearth import <file> --kind children|events|people|teams`: a nightly CSV extract into the store.
 * Every row is checked first; if any is bad nothing is written (unless --accept-valid), and every
 * bad row is reported with its line number and reason, optionally as a CSV of rejects.
 *
 * The file is streamed, in slices of a few thousand rows, never held whole: one pass checks every
 * row (against the store too), an optional pass writes the rejects, and a last pass writes the good
 * rows. Memory stays small whatever the file's length (a 50 MB, 900,000-row file stays under
 * 300 MB: `npm run bench`); what grows with the file is 12 bytes a row (to find the same id twice)
 * and one entry per bad row.
 */
import { readFileSync, statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { MappingError, parseMapping } from '../ingest/csv-mapping';
import { noKnownIds } from '../services/ingest-batch';
import type { Store } from '../store/store';
import type { ImportOptions, Pass } from './import-passes';
import { checkFile, writeFile, writeRejects } from './import-passes';

export type { ImportOptions } from './import-passes';
export { SLICE_ROWS } from './import-passes';

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

/** Bad rows printed; the rest are counted (and all are in the rejects file). */
export const LISTED = 1_000;

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
