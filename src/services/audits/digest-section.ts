/**
 * The "What audits found" section of a manager's digest: findings for the children in the teams
 * they see, and a line for each audit by someone they manage that is past its due date by the
 * programme's grace. Returns plain sentences: the digest card escapes every line it shows.
 */
import { auditFindings } from '../../domain/audit-findings';
import type { AuditFindings } from '../../domain/audit-findings';
import { auditsLateForManager } from '../../domain/audit-follow-up';
import { lineManagersOf } from '../../domain/audit-people';
import { teamsVisibleTo } from '../../domain/digest-access';
import type { IsoDate } from '../../domain/types';
import { auditDigestLines } from '../../text/audit-findings';
import type { AuditDeps } from './deps';
import { childName, displayName, findPerson, leaders, peopleById, today } from './deps';

export async function auditDigestSection(
  deps: AuditDeps,
  input: { managerId: string; from: IsoDate; to: IsoDate },
): Promise<{ sentences: string[]; findings: AuditFindings } | undefined> {
  const manager = await findPerson(deps.store, input.managerId);
  if (!manager) return undefined;
  const teams = teamsVisibleTo(manager);
  const date = today(deps);
  const [audits, open, notSubmitted, everyLeader] = await Promise.all([
    deps.store.audits.between(input.from, input.to, teams),
    deps.store.audits.withOpenActions(teams),
    deps.store.audits.notSubmittedDueBefore(date),
    leaders(deps.store),
  ]);
  const all = new Map([...audits, ...open].map((a) => [a.id, a]));
  const findings = auditFindings([...all.values()], { from: input.from, to: input.to, today: date });
  const late = auditsLateForManager(notSubmitted, date, deps.calendar, deps.programme);
  const auditors = await peopleById(
    deps.store,
    late.map((a) => a.auditorId),
  );
  const mine = late.filter((a) => {
    const auditor = auditors.get(a.auditorId);
    return auditor !== undefined && lineManagersOf(auditor, everyLeader).some((m) => m.id === manager.id);
  });
  const children = new Map(
    (await deps.store.children.findByIds(mine.map((a) => a.childId))).map((c) => [c.id, c]),
  );
  const lines = auditDigestLines(
    findings,
    mine.map((a) => ({
      auditorName: displayName(auditors, a.auditorId),
      childName: childName(deps, children.get(a.childId), a.childId),
      dueDate: a.dueDate,
    })),
    date,
  );
  return lines.length > 0 ? { sentences: lines, findings } : undefined;
}
