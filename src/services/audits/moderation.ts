/**
 * Moderation: choosing which of a month's submitted audits a moderator re-reads (idempotent: the
 * chosen stay chosen), sending each its card, and the moderator's decision (agree, or regrade with
 * a reason). Only the audit's moderator may decide, once.
 */
import { randomUUID } from 'node:crypto';
import { renderAuditModerationCard } from '../../cards/audit-cards';
import type { Audit } from '../../domain/audit';
import { chooseForModeration, pickModerator } from '../../domain/audit-moderation';
import { moderatorsIn } from '../../domain/audit-people';
import { MODERATION_WORDS, NOTE_WORDS } from '../../text/audit-messages';
import type { AuditDeps, AuditReply } from './deps';
import { childName, displayName, findChild, messageId, peopleById, today } from './deps';
import { asRecord, auditRef, moderateData, parse } from './invoke-data';
import { note } from './views';

async function moderationCard(
  deps: AuditDeps,
  audit: Audit,
  extra: { values?: { grade?: string; reason?: string }; problem?: string } = {},
) {
  const people = await peopleById(deps.store, [audit.auditorId]);
  const child = await findChild(deps.store, audit.childId, audit.teamId);
  return renderAuditModerationCard({
    audit,
    childName: childName(deps, child, audit.childId),
    auditorName: displayName(people, audit.auditorId),
    today: today(deps),
    maxLength: deps.programme.commentMaxLength,
    ...extra,
  });
}

/** Chooses the month's audits to moderate and sends each new one to its moderator. */
export async function chooseModeration(
  deps: AuditDeps,
  input: { month: string },
): Promise<{ chosen: string[]; sent: number }> {
  const audits = await deps.store.audits.forMonth(input.month);
  const chosen = chooseForModeration(audits, deps.programme);
  const moderators = moderatorsIn(await deps.store.people.query(), deps.programme);
  const load = new Map<string, number>();
  for (const a of audits)
    if (a.moderation) load.set(a.moderation.moderatorId, (load.get(a.moderation.moderatorId) ?? 0) + 1);
  const date = today(deps);
  let sent = 0;
  for (const audit of audits.filter((a) => chosen.includes(a.id) && !a.moderation)) {
    const moderatorId = pickModerator(audit, moderators, load);
    if (!moderatorId) continue;
    const saved = await deps.store.audits.audits.update(audit.id, audit.teamId, (current) =>
      current.moderation ? undefined : { ...current, moderation: { moderatorId, selectedOn: date } },
    );
    if (!saved || saved.moderation?.moderatorId !== moderatorId || saved.moderation.selectedOn !== date)
      continue;
    load.set(moderatorId, (load.get(moderatorId) ?? 0) + 1);
    await deps.send({
      to: moderatorId,
      kind: 'audit-moderation',
      id: messageId(moderatorId, date, 'audit-moderation', audit.id),
      card: await moderationCard(deps, saved),
      preview: MODERATION_WORDS.preview,
    });
    sent++;
  }
  return { chosen, sent };
}

export async function moderateAudit(
  deps: AuditDeps,
  input: { actorId: string | undefined; data: unknown },
): Promise<AuditReply> {
  const raw = asRecord(input.data);
  const data = parse(moderateData, raw);
  const ref = auditRef(raw);
  const audit = await deps.store.audits.findAudit(ref.id, ref.team);
  if (!audit || !audit.moderation) return note(NOTE_WORDS.audits, [NOTE_WORDS.moderationGone], 'gone');
  if (audit.moderation.moderatorId !== input.actorId)
    return note(NOTE_WORDS.audits, [MODERATION_WORDS.notYours], 'not-yours');
  if (audit.moderation.outcome) return { card: await moderationCard(deps, audit), outcome: 'stale' };
  const values = {
    grade: typeof raw.grade === 'string' ? raw.grade : '',
    reason: typeof raw.reason === 'string' ? raw.reason : '',
  };
  const auditorGrade = audit.answers.grade;
  if (!data || !auditorGrade)
    return {
      card: await moderationCard(deps, audit, { values, problem: MODERATION_WORDS.needsOtherGrade }),
      outcome: 'malformed',
    };
  const reason = data.reason?.trim() ?? '';
  let problem: string | undefined;
  if (data.agree === 'no') {
    if (!data.grade || data.grade === auditorGrade) problem = MODERATION_WORDS.needsOtherGrade;
    else if (!reason) problem = MODERATION_WORDS.needsReason;
    else if (reason.length > deps.programme.commentMaxLength)
      problem = MODERATION_WORDS.reasonTooLong(reason.length, deps.programme.commentMaxLength);
  }
  if (problem) return { card: await moderationCard(deps, audit, { values, problem }), outcome: 'refused' };
  const at = deps.now().toISOString();
  const outcome =
    data.agree === 'yes' || !data.grade
      ? { agreed: true, grade: auditorGrade, at }
      : { agreed: false, grade: data.grade, reason, at };
  const saved = await deps.store.audits.audits.update(audit.id, audit.teamId, (current) =>
    !current.moderation || current.moderation.outcome
      ? undefined
      : { ...current, moderation: { ...current.moderation, outcome } },
  );
  if (!saved) return note(NOTE_WORDS.audits, [NOTE_WORDS.moderationGone], 'gone');
  await deps.store.activity.upsert({
    id: randomUUID(),
    teamId: audit.teamId,
    at,
    actor: audit.moderation.moderatorId,
    action: 'audit.moderated',
    details: { auditId: audit.id, agreed: outcome.agreed },
  });
  return {
    card: await moderationCard(deps, saved),
    outcome: saved.moderation?.outcome?.at === at ? (outcome.agreed ? 'agreed' : 'regraded') : 'stale',
  };
}
