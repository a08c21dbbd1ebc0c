/**
 * Reads a CSV extract as a stream: UTF-8 with or without a byte order mark, CRLF or LF line ends,
 * quoted commas and line breaks. Each row becomes a raw feed record, or a problem with its line
 * number. Nothing here writes: the caller hands the records to `ingest`, which writes all or none.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { CsvKind, Mapping } from './csv-mapping';
import { MappingError, resolveColumns, rowToRecord } from './csv-mapping';

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

export interface CsvReadResult {
  header: string[];
  rows: CsvRow[];
  problems: CsvProblem[];
}

export async function readCsv(
  input: Readable,
  kind: CsvKind,
  mapping: Mapping,
  onRow?: (bytesRead: number) => void,
): Promise<CsvReadResult> {
  const parser = input.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (`=HYPERLINK("x")`) is text, not a broken file.
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  input.on('error', (error) => parser.destroy(error));

  let header: string[] | undefined;
  let columns: Map<string, number> | undefined;
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const records = parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>;
  try {
    for await (const { record, info } of records) {
      const line = info.lines - countLineBreaks(record);
      if (!header) {
        header = record;
        columns = resolveColumns(header, kind, mapping);
        continue;
      }
      onRow?.(info.bytes);
      if (record.length !== header.length) {
        problems.push({
          line,
          reason: `expected ${header.length} columns, found ${record.length}`,
          cells: record,
        });
        continue;
      }
      const result = rowToRecord(record, columns as Map<string, number>, kind, mapping);
      if (result.ok) rows.push({ line, raw: result.raw, cells: record });
      else problems.push({ line, reason: result.reason, cells: record });
    }
  } catch (error) {
    // csv-parse stops at a file it cannot read (an unclosed quote, say); say where, plainly.
    if (error instanceof CsvError)
      throw new MappingError(`The file is not readable as CSV: ${error.message}`);
    throw error;
  }
  if (!header) throw new MappingError('The file is empty: it has no header row.');
  return { header, rows, problems };
}

/** `info.lines` is where a row ends; a quoted cell with line breaks starts the row earlier. */
function countLineBreaks(cells: string[]): number {
  return cells.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
}
