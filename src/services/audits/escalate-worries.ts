/**
 * The timer's part for worries: those nobody acknowledged within the programme's working hours go
 * to more people (the programme's named people and every head of service) and, as a reminder, to
 * those first told. Each worry escalates once, marked with the ETag read.
 */
import { randomUUID } from 'node:crypto';
import { worriesDueToEscalate } from '../../domain/audit-worry';
import type { AuditDeps } from './deps';
import { leaders } from './deps';
import { alert } from './raise-worry';

export async function escalateAuditWorries(deps: AuditDeps): Promise<{ escalated: string[] }> {
  const now = deps.now();
  const due = worriesDueToEscalate(
    await deps.store.audits.waitingWorries(),
    now,
    deps.calendar,
    deps.programme,
  );
  if (due.length === 0) return { escalated: [] };
  const everyLeader = await leaders(deps.store);
  const heads = everyLeader.filter((p) => p.roles.includes('head-of-service')).map((p) => p.id);
  const escalated: string[] = [];
  for (const worry of due) {
    const to = [...new Set([...deps.programme.worries.escalateTo, ...heads, ...worry.notified])].filter(
      (id) => id !== worry.raisedBy,
    );
    let marked = false;
    const stored = await deps.store.audits.worries.update(worry.id, worry.teamId, (current) => {
      if (current.acknowledgedAt || current.escalatedAt) return undefined;
      marked = true;
      return { ...current, escalatedAt: now.toISOString(), escalatedTo: to };
    });
    if (!marked || !stored) continue;
    await alert(
      deps,
      { id: worry.auditId, auditorId: worry.raisedBy, childId: worry.childId, teamId: worry.teamId },
      stored,
      new Map(everyLeader.map((p) => [p.id, p])),
      {
        to,
        hours: deps.programme.worries.acknowledgeWithinWorkingHours,
      },
    );
    await deps.store.activity.upsert({
      id: randomUUID(),
      teamId: worry.teamId,
      at: now.toISOString(),
      actor: 'hearth',
      action: 'audit.worry-escalated',
      details: { worryId: worry.id, childId: worry.childId, escalatedTo: to.length },
    });
    escalated.push(worry.id);
  }
  return { escalated };
}
