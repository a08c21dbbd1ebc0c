/**
 * `hearth audit export`: the audits due or submitted in a period, for the quality assurance board.
 * Ids, not names, unless names are asked for; CSV that a spreadsheet opens safely (no cell runs as
 * a formula). And the one-page printable summary of a month, as HTML.
 */
import type { Audit } from '../../domain/audit';
import { monthEnd } from '../../domain/audit';
import { auditFindings } from '../../domain/audit-findings';
import type { AuditProgramme } from '../../domain/audit-programme';
import { themeCode } from '../../domain/audit-programme';
import type { NameStyle } from '../../domain/names';
import { shortName } from '../../domain/names';
import type { IsoDate } from '../../domain/types';
import { csvLine } from '../../util/csv-out';
import type { Store } from '../../store/store';
import { auditSummaryPage } from '../../text/audit-summary-page';
import { spokenMonth } from '../../text/audit-messages';

export interface ExportDeps {
  store: Store;
  programme: AuditProgramme;
  nameStyle?: NameStyle;
}

export interface AuditExport {
  header: string[];
  rows: (string | number)[][];
}

const reasonCode = (a: Audit) =>
  a.reason.method === 'themed'
    ? `themed:${themeCode(a.reason.theme)}`
    : a.reason.method === 'stratified'
      ? `stratified:${a.reason.by === 'kind' ? a.reason.childKind : 'practitioner'}`
      : a.reason.method;

const ID_COLUMNS = [
  'audit_id',
  'month',
  'origin',
  'team_id',
  'child_id',
  'child_kind',
  'practitioner_id',
  'auditor_id',
];
const NAME_COLUMNS = ['child_name', 'practitioner_name', 'auditor_name'];
const AUDIT_COLUMNS = [
  'reason',
  'assigned_on',
  'due_date',
  'status',
  'submitted_on',
  'grade',
  'moderated',
  'moderation_agreed',
  'moderated_grade',
];

/** One audit's cells after its ids and names: where it came from, where it is, what it found. */
function auditCells(a: Audit, standardIds: readonly string[]): (string | number)[] {
  const outcome = a.moderation?.outcome;
  return [
    reasonCode(a),
    a.assignedOn,
    a.dueDate,
    a.status,
    a.submittedAt?.slice(0, 10) ?? '',
    a.answers.grade ?? '',
    outcome ? 'yes' : a.moderation ? 'waiting' : 'no',
    outcome ? (outcome.agreed ? 'yes' : 'no') : '',
    outcome?.grade ?? '',
    ...standardIds.map((id) => a.answers.standards[id]?.answer ?? ''),
    a.actions.length,
    a.actions.filter((x) => !x.doneAt).length,
    a.worryIds.length,
  ];
}

/** Names for the audits' children and staff: only read when asked for. */
async function namesFor(deps: ExportDeps, audits: readonly Audit[]) {
  const [children, people] = await Promise.all([
    deps.store.children.findByIds(audits.map((a) => a.childId)),
    deps.store.people.findByIds([
      ...new Set(audits.flatMap((a) => [a.auditorId, a.practitionerId ?? '']).filter(Boolean)),
    ]),
  ]);
  const child = new Map(children.map((c) => [c.id, shortName(c, deps.nameStyle ?? 'first-name-initial')]));
  const person = new Map(people.map((p) => [p.id, p.displayName]));
  return (a: Audit) => [
    child.get(a.childId) ?? '',
    person.get(a.practitionerId ?? '') ?? '',
    person.get(a.auditorId) ?? '',
  ];
}

export async function exportAudits(
  deps: ExportDeps,
  input: { from: IsoDate; to: IsoDate; names: boolean },
): Promise<AuditExport> {
  const audits = (await deps.store.audits.between(input.from, input.to)).sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
  const standardIds = [
    ...new Set([
      ...deps.programme.standards.map((s) => s.id),
      ...audits.flatMap((a) => a.standards.map((s) => s.id)),
    ]),
  ];
  const names = input.names ? await namesFor(deps, audits) : undefined;
  const header = [
    ...ID_COLUMNS,
    ...(names ? NAME_COLUMNS : []),
    ...AUDIT_COLUMNS,
    ...standardIds.map((id) => `standard_${id}`),
    'actions',
    'actions_open',
    'worries',
  ];
  const rows = audits.map((a) => [
    ...[a.id, a.month, a.origin, a.teamId, a.childId, a.childKind, a.practitionerId ?? '', a.auditorId],
    ...(names ? names(a) : []),
    ...auditCells(a, standardIds),
  ]);
  return { header, rows };
}

export function auditExportCsv(data: AuditExport): string {
  return [data.header, ...data.rows].map((row) => csvLine(row)).join('');
}

/** The month's one-page summary, as a printable HTML page. */
export async function auditMonthSummary(
  deps: ExportDeps,
  input: { month: string; made: IsoDate },
): Promise<string> {
  const from = `${input.month}-01`;
  const to = monthEnd(input.month);
  const audits = await deps.store.audits.between(from, to);
  const findings = auditFindings(audits, { from, to, today: input.made });
  return auditSummaryPage({ monthName: spokenMonth(input.month), findings, made: input.made });
}
