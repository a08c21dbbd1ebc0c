/**
 * Reads a CSV extract as a stream: UTF-8 (checked byte by byte: a bad byte stops the file, named by
 * line) with or without a byte order mark, CRLF or LF line ends, quoted commas and line breaks.
 * Each row becomes a raw feed record, or a problem with its line number, one at a time, so a file
 * of any length is read in the same small memory. Nothing here writes.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { CsvKind, Mapping } from './csv-mapping';
import { MappingError, resolveColumns, rowToRecord } from './csv-mapping';
import { InvalidUtf8Error, utf8Guard } from './utf8';

export interface CsvRow {
  /** Line number in the file where the row starts (the header is line 1). */
  line: number;
  raw: Record<string, unknown>;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  reason: string;
  cells: string[];
}

export type CsvItem = ({ ok: true } & CsvRow) | ({ ok: false } & CsvProblem);

export interface CsvReadResult {
  header: string[];
  rows: CsvRow[];
  problems: CsvProblem[];
}

/**
 * The rows of a CSV file, one by one. `onHeader` hears the header row before the first row;
 * `onBytes` how far into the file the reader is. A file that is empty, not UTF-8 or not CSV at all
 * throws `MappingError` saying so.
 */
export async function* csvRows(
  input: Readable,
  kind: CsvKind,
  mapping: Mapping,
  hooks: { onHeader?: (header: string[]) => void; onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<CsvItem> {
  const guard = utf8Guard();
  const parser = input.pipe(guard).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (`=HYPERLINK("x")`) is text, not a broken file.
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  input.on('error', (error) => guard.destroy(error));
  guard.on('error', (error) => parser.destroy(error));

  let header: string[] | undefined;
  let columns: Map<string, number> | undefined;
  const records = parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>;
  try {
    for await (const { record, info } of records) {
      const line = info.lines - countLineBreaks(record);
      if (!header) {
        header = record;
        columns = resolveColumns(header, kind, mapping);
        hooks.onHeader?.(header);
        continue;
      }
      hooks.onBytes?.(info.bytes);
      if (record.length !== header.length) {
        yield {
          ok: false,
          line,
          reason: `expected ${header.length} columns, found ${record.length}`,
          cells: record,
        };
        continue;
      }
      const result = rowToRecord(record, columns as Map<string, number>, kind, mapping);
      yield result.ok
        ? { ok: true, line, raw: result.raw, cells: record }
        : { ok: false, line, reason: result.reason, cells: record };
    }
  } catch (error) {
    if (error instanceof InvalidUtf8Error)
      throw new MappingError(`The file is not readable: ${error.message}.`);
    // csv-parse stops at a file it cannot read (an unclosed quote, say); say where, plainly.
    if (error instanceof CsvError)
      throw new MappingError(`The file is not readable as CSV: ${error.message}`);
    throw error;
  }
  if (!header) throw new MappingError('The file is empty: it has no header row.');
}

/** The whole file at once, for small files and tests; the importer streams with `csvRows`. */
export async function readCsv(
  input: Readable,
  kind: CsvKind,
  mapping: Mapping,
  onRow?: (bytesRead: number) => void,
): Promise<CsvReadResult> {
  let header: string[] = [];
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const hooks = { onHeader: (h: string[]) => (header = h), ...(onRow ? { onBytes: onRow } : {}) };
  for await (const item of csvRows(input, kind, mapping, hooks)) {
    if (item.ok) rows.push({ line: item.line, raw: item.raw, cells: item.cells });
    else problems.push({ line: item.line, reason: item.reason, cells: item.cells });
  }
  return { header, rows, problems };
}

/** `info.lines` is where a row ends; a quoted cell with line breaks starts the row earlier. */
function countLineBreaks(cells: string[]): number {
  return cells.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
}
