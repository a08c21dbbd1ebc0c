/**
 * Submitting an audit: checked whole (every required standard answered, a grade, what is working
 * well), written with the ETag read, then the learning goes to the practitioner and a copy to
 * their supervisor, and each agreed action becomes an item for its owner with its date.
 */
import { randomUUID } from 'node:crypto';
import { renderAuditLearningCard } from '../../cards/audit-cards';
import type { Audit, AuditAction } from '../../domain/audit';
import { lineManagersOf, managersOfTeam } from '../../domain/audit-people';
import { ownerOfAction } from '../../domain/audit-follow-up';
import { submitProblems } from '../../domain/audit-steps';
import type { Person } from '../../domain/types';
import { LEARNING_WORDS, NOTE_WORDS } from '../../text/audit-messages';
import type { AuditDeps, AuditReply } from './deps';
import { childName, displayName, findChild, leaders, messageId, peopleById, today } from './deps';
import { asRecord, auditRef, parse, submitData } from './invoke-data';
import { alreadySubmitted, auditGone, myAuditsCard, notTheAuditor, stepCard } from './views';

export async function submitAudit(
  deps: AuditDeps,
  input: { actorId: string | undefined; data: unknown },
): Promise<AuditReply> {
  const raw = asRecord(input.data);
  const data = parse(submitData, raw);
  const ref = auditRef(raw);
  const audit = await deps.store.audits.findAudit(ref.id, ref.team);
  if (!audit) return auditGone();
  if (audit.auditorId !== input.actorId) return notTheAuditor();
  if (audit.status === 'submitted') return alreadySubmitted(deps, audit);
  if (!data)
    return {
      card: await stepCard(deps, audit, 'check', { notice: { kind: 'malformed' } }),
      outcome: 'malformed',
    };
  if (data.rev !== audit.revision)
    return {
      card: await stepCard(deps, audit, 'check', { notice: { kind: 'changed-elsewhere' } }),
      outcome: 'stale',
    };
  const problems = submitProblems(audit);
  if (problems.length > 0)
    return { card: await stepCard(deps, audit, 'check', { problems }), outcome: 'refused' };

  const everyLeader = await leaders(deps.store);
  const people = await peopleById(deps.store, [audit.practitionerId, audit.auditorId]);
  const practitioner = audit.practitionerId ? people.get(audit.practitionerId) : undefined;
  const supervisors = practitioner
    ? lineManagersOf(practitioner, everyLeader)
    : managersOfTeam(audit.teamId, everyLeader);
  const actions: AuditAction[] = audit.answers.actions.map((a, i) => ({
    ...a,
    id: String(i + 1),
    ownerId: ownerOfAction(a.who, {
      ...(audit.practitionerId ? { practitionerId: audit.practitionerId } : {}),
      ...(supervisors[0] ? { managerId: supervisors[0].id } : {}),
      auditorId: audit.auditorId,
    }),
  }));
  let raced = false;
  const submitted = await deps.store.audits.audits.update(audit.id, audit.teamId, (current) => {
    if (current.revision !== data.rev || current.status === 'submitted') {
      raced = true;
      return undefined;
    }
    return {
      ...current,
      status: 'submitted',
      submittedAt: deps.now().toISOString(),
      actions,
      revision: current.revision + 1,
    };
  });
  if (!submitted) return auditGone();
  if (raced)
    return submitted.status === 'submitted'
      ? alreadySubmitted(deps, submitted)
      : {
          card: await stepCard(deps, submitted, 'check', { notice: { kind: 'changed-elsewhere' } }),
          outcome: 'stale',
        };

  await sendLearning(
    deps,
    submitted,
    practitioner,
    supervisors,
    new Map([...people, ...everyLeader.map((p) => [p.id, p] as const)]),
  );
  await deps.store.activity.upsert({
    id: randomUUID(),
    teamId: submitted.teamId,
    at: deps.now().toISOString(),
    actor: submitted.auditorId,
    action: 'audit.submitted',
    details: { auditId: submitted.id, childId: submitted.childId, actions: actions.length },
  });
  const child = await findChild(deps.store, submitted.childId, submitted.teamId);
  const left = (await deps.store.audits.forAuditor(submitted.auditorId, submitted.month)).filter(
    (a) => a.status !== 'submitted',
  ).length;
  const line = `${NOTE_WORDS.submitted(childName(deps, child, submitted.childId), practitioner?.displayName, actions.length)} ${NOTE_WORDS.otherAudits(left)}`;
  return { card: await myAuditsCard(deps, submitted.auditorId, submitted.month, line), outcome: 'submitted' };
}

/** The learning card for the practitioner, and a copy for each supervisor (not the auditor twice). */
async function sendLearning(
  deps: AuditDeps,
  audit: Audit,
  practitioner: Person | undefined,
  supervisors: readonly Person[],
  people: ReadonlyMap<string, Person>,
): Promise<void> {
  const child = await findChild(deps.store, audit.childId, audit.teamId);
  const name = childName(deps, child, audit.childId);
  const date = today(deps);
  const base = {
    audit,
    childName: name,
    auditorName: displayName(people, audit.auditorId),
    practitionerName: practitioner?.displayName ?? displayName(people, undefined),
    today: date,
    maxLength: deps.programme.commentMaxLength,
  };
  const owner = (self: string | undefined) => (a: AuditAction) =>
    a.ownerId === self
      ? LEARNING_WORDS.you
      : a.who === 'other' && a.whoElse
        ? a.whoElse
        : displayName(people, a.ownerId);
  if (practitioner) {
    await deps.send({
      to: practitioner.id,
      kind: 'audit-learning',
      id: messageId(practitioner.id, date, 'audit-learning', audit.id),
      card: renderAuditLearningCard({ ...base, forSupervisor: false, ownerWords: owner(practitioner.id) }),
      preview: LEARNING_WORDS.preview,
    });
  }
  for (const supervisor of supervisors) {
    if (supervisor.id === audit.auditorId && practitioner) continue;
    await deps.send({
      to: supervisor.id,
      kind: 'audit-learning-copy',
      id: messageId(supervisor.id, date, 'audit-learning-copy', audit.id),
      card: renderAuditLearningCard({ ...base, forSupervisor: true, ownerWords: owner(supervisor.id) }),
      preview: LEARNING_WORDS.copyPreview,
    });
  }
}
