/**
 * Opening an audit (Start or Carry on): the step the auditor reached, with what they saved, on any
 * device. And "my audits": the month's list with where each one is. Only the auditor may open it.
 */
import type { AuditDeps, AuditReply } from './deps';
import { asRecord, openData, parse } from './invoke-data';
import { auditGone, currentMonth, myAuditsCard, openAuditFor, stepReply } from './views';

export async function openAudit(
  deps: AuditDeps,
  input: { actorId: string | undefined; data: unknown },
): Promise<AuditReply> {
  const raw = asRecord(input.data);
  const data = parse(openData, raw);
  if (!data) return auditGone();
  const found = await openAuditFor(deps, raw, input.actorId);
  if ('reply' in found) return found.reply;
  return stepReply(deps, found.audit, data.step || found.audit.step, 'opened');
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
