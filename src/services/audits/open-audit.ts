/**
 * Opening an audit (Start or Carry on): the step the auditor reached, with what they saved, on any
 * device. And "my audits": the month's list with where each one is. Only the auditor may open it.
 */
import type { AuditDeps, AuditReply } from './deps';
import { asRecord, auditRef, openData, parse } from './invoke-data';
import { alreadySubmitted, auditGone, currentMonth, myAuditsCard, notTheAuditor, stepCard } from './views';

export async function openAudit(
  deps: AuditDeps,
  input: { actorId: string | undefined; data: unknown },
): Promise<AuditReply> {
  const data = parse(openData, asRecord(input.data));
  if (!data) return auditGone();
  const audit = await deps.store.audits.findAudit(data.audit, auditRef(asRecord(input.data)).team);
  if (!audit) return auditGone();
  if (audit.auditorId !== input.actorId) return notTheAuditor();
  if (audit.status === 'submitted') return alreadySubmitted(deps, audit);
  return { card: await stepCard(deps, audit, data.step || audit.step), outcome: 'opened' };
}

/** The auditor's audits for a month (this month when none is given). */
export async function showMyAudits(
  deps: AuditDeps,
  input: { actorId: string; month?: string },
): Promise<AuditReply> {
  return {
    card: await myAuditsCard(deps, input.actorId, input.month ?? currentMonth(deps)),
    outcome: 'listed',
  };
}
