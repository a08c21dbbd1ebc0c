/**
 * Writing CSV that a spreadsheet will open safely. Any cell that a spreadsheet would read as a
 * formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe so it
 * stays text; NUL bytes (which cut a cell short in some readers) are dropped; every cell is quoted
 * where needed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value).replaceAll('\u0000', '');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | undefined | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
