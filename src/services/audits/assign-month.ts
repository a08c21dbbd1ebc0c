/**
 * The month's assignments, from the timer on the first working day: the sample is drawn once and
 * kept with the month, each audit is written once (its id is the month and the child), and each
 * auditor gets one card listing their children, why each was picked, the due date and Start.
 * Running it again for the same month writes and sends nothing new. `auditorIds` limits whose
 * cards go in this run (for sending at each auditor's morning time); every audit is written.
 */
import { randomUUID } from 'node:crypto';
import type { Audit } from '../../domain/audit';
import { emptyAnswers, monthlyAuditId } from '../../domain/audit';
import type { SamplePick } from '../../domain/audit-sampling';
import { ASSIGNMENT_WORDS } from '../../text/audit-messages';
import type { AuditMonth } from '../../store/audits-repository';
import { auditMonthId, AUTHORITY_PARTITION } from '../../store/audits-repository';
import type { AuditDeps } from './deps';
import { messageId, today } from './deps';
import { planMonth } from './plan-month';
import { myAuditsCard } from './views';

export interface AssignResult {
  month: string;
  audits: number;
  auditors: number;
  /** Cards handed to `send` in this run. */
  sent: number;
  shortfall: number;
}

async function keptPlan(deps: AuditDeps, month: string): Promise<NonNullable<AuditMonth['plan']>> {
  const existing = await deps.store.audits.month(month);
  if (existing?.plan) return existing.plan;
  const drawn = await planMonth(deps, month);
  const plan: NonNullable<AuditMonth['plan']> = {
    seed: drawn.seed,
    ...(drawn.theme ? { theme: drawn.theme } : {}),
    assignOn: drawn.assignOn,
    dueDate: drawn.dueDate,
    picks: drawn.picks,
    shortfall: drawn.shortfall,
    drawnAt: deps.now().toISOString(),
  };
  if (!existing) {
    const created = await deps.store.audits.months.createIfAbsent({
      id: auditMonthId(month),
      teamId: AUTHORITY_PARTITION,
      month,
      plan,
    });
    if (created) return plan;
  }
  // Someone else drew it first, or the month was there with only a theme: keep whichever plan is stored.
  const stored = await deps.store.audits.months.update(auditMonthId(month), AUTHORITY_PARTITION, (m) =>
    m.plan ? undefined : { ...m, plan },
  );
  return stored?.plan ?? plan;
}

function auditFromPick(
  deps: AuditDeps,
  month: string,
  plan: NonNullable<AuditMonth['plan']>,
  pick: SamplePick,
): Audit {
  return {
    id: monthlyAuditId(month, pick.childId),
    teamId: pick.teamId,
    childId: pick.childId,
    childKind: pick.childKind,
    practitionerId: pick.practitionerId,
    auditorId: pick.auditorId,
    month,
    origin: 'monthly',
    reason: pick.reason,
    assignedOn: plan.assignOn,
    dueDate: plan.dueDate,
    status: 'assigned',
    standards: deps.programme.standards,
    answers: emptyAnswers(),
    step: 'facts',
    revision: 0,
    actions: [],
    worryIds: [],
  };
}

export async function assignMonth(
  deps: AuditDeps,
  input: { month: string; auditorIds?: readonly string[] },
): Promise<AssignResult> {
  const plan = await keptPlan(deps, input.month);
  for (const pick of plan.picks) {
    await deps.store.audits.audits.createIfAbsent(auditFromPick(deps, input.month, plan, pick));
  }
  const auditors = [...new Set(plan.picks.map((p) => p.auditorId))].sort();
  const wanted = input.auditorIds ? auditors.filter((a) => input.auditorIds?.includes(a)) : auditors;
  const date = today(deps);
  for (const auditorId of wanted) {
    const card = await myAuditsCard(deps, auditorId, input.month);
    const count = plan.picks.filter((p) => p.auditorId === auditorId).length;
    await deps.send({
      to: auditorId,
      kind: 'audit-assignment',
      // The month, not the day: a second run on a later day is the same message.
      id: messageId(auditorId, plan.assignOn, 'audit-assignment', input.month),
      card,
      preview: ASSIGNMENT_WORDS.preview(input.month, count),
    });
  }
  await deps.store.audits.months.update(auditMonthId(input.month), AUTHORITY_PARTITION, (m) =>
    m.assignedAt ? undefined : { ...m, assignedAt: deps.now().toISOString() },
  );
  await deps.store.activity.upsert({
    id: randomUUID(),
    teamId: AUTHORITY_PARTITION,
    at: deps.now().toISOString(),
    actor: 'hearth',
    action: 'audit.month-assigned',
    details: {
      month: input.month,
      audits: plan.picks.length,
      auditors: auditors.length,
      sent: wanted.length,
      day: date,
    },
  });
  return {
    month: input.month,
    audits: plan.picks.length,
    auditors: auditors.length,
    sent: wanted.length,
    shortfall: plan.shortfall,
  };
}
