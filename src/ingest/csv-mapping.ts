/**
 * How a CSV extract's columns become feed records. A mapping file (JSON) names, for each Hearth
 * field, the column it comes from, and optionally translates a case system's codes ("CIN") into
 * Hearth's words ("child-in-need"). Without a mapping, column headers are the field names.
 * See `docs/csv-mapping.example.json` for a worked example.
 */
import { z } from 'zod/v4';
import { describeIssues } from '../domain/feed-records';
import { headerProblem } from './csv-headers';

export const CSV_KINDS = ['teams', 'people', 'children', 'events'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

const RECORD_TYPE: Record<CsvKind, string> = {
  teams: 'team',
  people: 'person',
  children: 'child',
  events: 'event',
};

/** Fields a CSV can fill for each kind; `anchors.<name>` fills one anchor date. */
export const CSV_FIELDS: Record<CsvKind, readonly string[]> = {
  teams: ['id', 'name'],
  people: [
    'id',
    'teamId',
    'displayName',
    'entraObjectId',
    'email',
    'roles',
    'managesTeamIds',
    'workingDays',
    'morningTime',
    'newlyQualified',
    'startedOn',
  ],
  children: [
    'id',
    'teamId',
    'firstName',
    'familyName',
    'dateOfBirth',
    'kind',
    'allocatedPractitionerId',
    'anchors.referral',
    'anchors.caseOpened',
    'anchors.concern',
    'anchors.strategyDiscussion',
    'anchors.initialConference',
    'anchors.cameIntoCare',
    'anchors.lastMove',
    'anchors.leftCare',
    'homeIntendedUntil18',
    'longTermFosterVisitsAgreed',
    'allocatedSince',
    'flags',
    'closed',
  ],
  events: [
    'id',
    'childId',
    'kind',
    'status',
    'dueDate',
    'scheduledDate',
    'completedDate',
    'seenAlone',
    'startedSection47',
    'notPossibleReason',
    'recordedBy',
    'recordedAt',
  ],
};

const DATE_FIELDS = new Set([
  'dateOfBirth',
  'dueDate',
  'scheduledDate',
  'completedDate',
  'startedOn',
  'allocatedSince',
]);
const BOOLEAN_FIELDS = new Set([
  'homeIntendedUntil18',
  'longTermFosterVisitsAgreed',
  'closed',
  'seenAlone',
  'newlyQualified',
  'startedSection47',
]);
/** Cells holding several values, separated by semicolons: `mon;tue;wed`. */
const LIST_FIELDS = new Set(['roles', 'managesTeamIds', 'workingDays', 'flags']);

export const mappingSchema = z.strictObject({
  /** Hearth field -> CSV column header. */
  columns: z.record(z.string(), z.string().min(1)).default({}),
  /** Hearth field -> { value in the CSV -> Hearth value }. */
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Columns in the extract that Hearth should leave out on purpose (any other unknown one is an error). */
  ignoreColumns: z.array(z.string().min(1)).default([]),
});
export type Mapping = z.infer<typeof mappingSchema>;

export class MappingError extends Error {
  override name = 'MappingError';
}

/** Parses a mapping file's JSON text and checks it names only real fields. */
export function parseMapping(text: string, kind: CsvKind): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MappingError(`The mapping file is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success)
    throw new MappingError(`The mapping file is not right: ${describeIssues(parsed.error)}`);
  const unknown = [...Object.keys(parsed.data.columns), ...Object.keys(parsed.data.values)].filter(
    (field) => !CSV_FIELDS[kind].includes(field),
  );
  if (unknown.length > 0) {
    throw new MappingError(
      `The mapping file names field(s) that ${kind} do not have: ${[...new Set(unknown)].join(', ')}. ` +
        `Fields for ${kind}: ${CSV_FIELDS[kind].join(', ')}.`,
    );
  }
  return parsed.data;
}

/**
 * Which column index feeds each field, from the header row. Missing required columns are an
 * error, and so is a column Hearth does not read: its data would otherwise be lost without a word.
 */
export function resolveColumns(header: string[], kind: CsvKind, mapping: Mapping): Map<string, number> {
  const trimmed = header.map((h) => h.trim());
  const columns = new Map<string, number>();
  const missing: string[] = [];
  for (const field of CSV_FIELDS[kind]) {
    const name = mapping.columns[field] ?? field;
    const index = trimmed.indexOf(name);
    if (index >= 0) columns.set(field, index);
    else if (mapping.columns[field]) missing.push(`${name} (for ${field})`);
  }
  if (!columns.has('id') && !mapping.columns.id) missing.push('id (for id)');
  const problem = headerProblem({
    header: trimmed,
    kind,
    known: CSV_FIELDS[kind].map((field) => mapping.columns[field] ?? field),
    fieldsByKind: CSV_FIELDS,
    ignored: mapping.ignoreColumns,
  });
  const lacking = missing.length > 0 ? `The header row has no column ${missing.join(', ')}.` : undefined;
  if (lacking || problem) throw new MappingError([lacking, problem].filter(Boolean).join('\n'));
  return columns;
}

/** `dd/mm/yyyy` or `yyyy-mm-dd` to ISO; undefined when it is neither. */
export function toIsoDate(cell: string): string | undefined {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  if (uk) return `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return cell;
  return undefined;
}

function toBoolean(cell: string): boolean | undefined {
  const v = cell.toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(v)) return true;
  if (['no', 'n', 'false', '0'].includes(v)) return false;
  return undefined;
}

export type RowResult = { ok: true; raw: Record<string, unknown> } | { ok: false; reason: string };

/** Turns one CSV row into a raw feed record (still to be parsed by the record schema). */
export function rowToRecord(
  cells: string[],
  columns: Map<string, number>,
  kind: CsvKind,
  mapping: Mapping,
): RowResult {
  const raw: Record<string, unknown> = { type: RECORD_TYPE[kind] };
  const problems: string[] = [];
  for (const [field, index] of columns) {
    const original = (cells[index] ?? '').trim();
    if (original === '') continue;
    const cell = mapping.values[field]?.[original] ?? original;
    let value: unknown = cell;
    if (DATE_FIELDS.has(field) || field.startsWith('anchors.')) {
      value = toIsoDate(cell);
      if (value === undefined)
        problems.push(`${field}: "${cell}" is not a date (use dd/mm/yyyy or yyyy-mm-dd)`);
    } else if (BOOLEAN_FIELDS.has(field)) {
      value = toBoolean(cell);
      if (value === undefined) problems.push(`${field}: "${cell}" is not yes or no`);
    } else if (LIST_FIELDS.has(field)) {
      value = cell
        .split(';')
        .map((part) => mapping.values[field]?.[part.trim()] ?? part.trim())
        .filter(Boolean);
    }
    if (field.startsWith('anchors.')) {
      const anchors = (raw.anchors ?? {}) as Record<string, unknown>;
      anchors[field.slice('anchors.'.length)] = value;
      raw.anchors = anchors;
    } else {
      raw[field] = value;
    }
  }
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, raw };
}
