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
import { asRecord, parse, submitData } from './invoke-data';
import { alreadySubmitted, auditGone, myAuditsCard, openAuditFor, stepCard, stepReply } from './views';
import { writeIfUnchanged } from './write-audit';

export async function submitAudit(
  deps: AuditDeps,
  input: { actorId: string | undefined; data: unknown },
): Promise<AuditReply> {
  const raw = asRecord(input.data);
  const data = parse(submitData, raw);
  const found = await openAuditFor(deps, raw, input.actorId);
  if ('reply' in found) return found.reply;
  const { audit } = found;
  if (!data) return stepReply(deps, audit, 'check', 'malformed', { notice: { kind: 'malformed' } });
  if (data.rev !== audit.revision)
    return stepReply(deps, audit, 'check', 'stale', { notice: { kind: 'changed-elsewhere' } });
  const problems = submitProblems(audit);
  if (problems.length > 0) return stepReply(deps, audit, 'check', 'refused', { problems });

  const everyLeader = await leaders(deps.store);
  const people = await peopleById(deps.store, [audit.practitionerId, audit.auditorId]);
  const practitioner = audit.practitionerId ? people.get(audit.practitionerId) : undefined;
  const supervisors = practitioner
    ? lineManagersOf(practitioner, everyLeader)
    : managersOfTeam(audit.teamId, everyLeader);
  const actions = agreedActions(audit, supervisors[0]?.id);
  const { saved: submitted, changedMeanwhile } = await writeIfUnchanged(deps, audit, data.rev, (current) => ({
    ...current,
    status: 'submitted',
    submittedAt: deps.now().toISOString(),
    actions,
    revision: current.revision + 1,
  }));
  if (!submitted) return auditGone();
  if (changedMeanwhile)
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
  return submittedReply(deps, submitted, practitioner);
}

/** Each agreed action with its id and the person who will see it as an item. */
function agreedActions(audit: Audit, managerId: string | undefined): AuditAction[] {
  return audit.answers.actions.map((a, i) => ({
    ...a,
    id: String(i + 1),
    ownerId: ownerOfAction(a.who, {
      ...(audit.practitionerId ? { practitionerId: audit.practitionerId } : {}),
      ...(managerId ? { managerId } : {}),
      auditorId: audit.auditorId,
    }),
  }));
}

/** The auditor's list again, with thanks and what happens next. */
async function submittedReply(
  deps: AuditDeps,
  submitted: Audit,
  practitioner: Person | undefined,
): Promise<AuditReply> {
  const child = await findChild(deps.store, submitted.childId, submitted.teamId);
  const left = (await deps.store.audits.forAuditor(submitted.auditorId, submitted.month)).filter(
    (a) => a.status !== 'submitted',
  ).length;
  const line = `${NOTE_WORDS.submitted(childName(deps, child, submitted.childId), practitioner?.displayName, submitted.actions.length)} ${NOTE_WORDS.otherAudits(left)}`;
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
