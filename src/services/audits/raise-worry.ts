/**
 * "I am worried about this child's safety now", from any step of an audit: recorded (who, when,
 * which child), sent at once to the practitioner's manager and the head of service, who are asked
 * to acknowledge it. The step comes back as it was typed (nothing on it is saved by the worry),
 * saying who has been told. A second press within a few minutes does not raise a second worry.
 */
import { randomUUID } from 'node:crypto';
import { renderAuditWorryCard } from '../../cards/audit-cards';
import type { Audit } from '../../domain/audit';
import type { AuditWorry } from '../../domain/audit-worry';
import { WORRY_WORDS } from '../../text/audit-messages';
import type { AuditDeps, AuditReply } from './deps';
import {
  childName,
  displayName,
  findChild,
  findPerson,
  leaders,
  messageId,
  peopleById,
  recordUrlOf,
  today,
} from './deps';
import { asRecord, auditRef, inputsOf, parse, worryData } from './invoke-data';
import { auditGone, notTheAuditor, stepCard, worryRecipients } from './views';

/** Pressing twice within this long raises one worry, not two. */
const SAME_WORRY_MS = 10 * 60 * 1000;

export async function raiseWorry(
  deps: AuditDeps,
  input: { actorId: string | undefined; data: unknown },
): Promise<AuditReply> {
  const raw = asRecord(input.data);
  const data = parse(worryData, raw);
  const audit = data ? await deps.store.audits.findAudit(data.audit, auditRef(raw).team) : undefined;
  if (!audit) return auditGone();
  if (audit.auditorId !== input.actorId) return notTheAuditor();
  const [practitioner, everyLeader] = await Promise.all([
    findPerson(deps.store, audit.practitionerId),
    leaders(deps.store),
  ]);
  const recipients = worryRecipients(audit, practitioner, everyLeader);
  const worry = await recordWorry(
    deps,
    audit,
    recipients.map((p) => p.id),
  );
  await alert(deps, audit, worry, new Map(everyLeader.map((p) => [p.id, p])));
  const inputs = inputsOf(raw, []);
  const stepId = data?.step || audit.step;
  const names = recipients.map((p) => p.displayName);
  return {
    card:
      audit.status === 'submitted'
        ? await stepCard(deps, audit, 'check', { notice: { kind: 'worry-sent', names } })
        : await stepCard(deps, audit, stepId, {
            ...(inputs.ok && Object.keys(inputs.inputs).length > 0 ? { values: inputs.inputs } : {}),
            notice: { kind: 'worry-sent', names },
          }),
    outcome: 'worry-raised',
  };
}

async function recordWorry(deps: AuditDeps, audit: Audit, notified: string[]): Promise<AuditWorry> {
  const now = deps.now();
  const recent = (
    await deps.store.audits.worries.inPartition(audit.teamId, 'c.auditId = @audit', [
      { name: '@audit', value: audit.id },
    ])
  )
    .filter(
      (w) =>
        w.raisedBy === audit.auditorId &&
        !w.acknowledgedAt &&
        now.getTime() - Date.parse(w.raisedAt) < SAME_WORRY_MS,
    )
    .sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : -1))[0];
  if (recent) return recent;
  let id = '';
  // The audit's list of worries numbers them: two presses at once still get two different ids.
  await deps.store.audits.audits.update(audit.id, audit.teamId, (current) => {
    id = `worry:${audit.id}:${current.worryIds.length + 1}`;
    return { ...current, worryIds: [...current.worryIds, id] };
  });
  const worry: AuditWorry = {
    id,
    teamId: audit.teamId,
    childId: audit.childId,
    auditId: audit.id,
    raisedBy: audit.auditorId,
    raisedAt: now.toISOString(),
    notified,
  };
  await deps.store.audits.worries.createIfAbsent(worry);
  await deps.store.activity.upsert({
    id: randomUUID(),
    teamId: audit.teamId,
    at: worry.raisedAt,
    actor: audit.auditorId,
    action: 'audit.worry-raised',
    details: { auditId: audit.id, childId: audit.childId, worryId: id, notified: notified.length },
  });
  return worry;
}

/** The alert to each person a worry goes to (or escalates to). */
export async function alert(
  deps: AuditDeps,
  audit: Pick<Audit, 'id' | 'auditorId' | 'childId' | 'teamId'>,
  worry: AuditWorry,
  known: ReadonlyMap<string, { displayName: string }>,
  escalation?: { to: readonly string[]; hours: number },
): Promise<void> {
  const child = await findChild(deps.store, audit.childId, audit.teamId);
  const people = new Map([...known, ...(await peopleById(deps.store, [audit.auditorId]))]);
  const date = today(deps);
  const kind = escalation ? 'audit-worry-escalation' : 'audit-worry';
  for (const to of escalation?.to ?? worry.notified) {
    await deps.send({
      to,
      kind,
      id: messageId(to, date, kind, worry.id),
      card: renderAuditWorryCard({
        worry,
        childName: childName(deps, child, audit.childId),
        auditorName: displayName(people, audit.auditorId),
        recordUrl: recordUrlOf(deps, audit.childId),
        today: date,
        ...(escalation ? { escalation: { hours: escalation.hours } } : {}),
      }),
      preview: escalation ? WORRY_WORDS.escalationPreview : WORRY_WORDS.preview,
    });
  }
}
