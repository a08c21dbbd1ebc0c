/**
 * The practitioner's reflection on an audit of their work ("What I'd like you to know about this
 * child's story"), sent back to the auditor. Only the practitioner may add it, once.
 */
import { randomUUID } from 'node:crypto';
import { renderAuditLearningCard } from '../../cards/audit-cards';
import type { Audit, AuditAction } from '../../domain/audit';
import { LEARNING_WORDS, NOTE_WORDS } from '../../text/audit-messages';
import { escapeCardText } from '../../text/escape';
import type { AuditDeps, AuditReply } from './deps';
import { childName, displayName, findChild, messageId, peopleById, today } from './deps';
import { asRecord, auditRef, parse, reflectData } from './invoke-data';
import { auditGone, note } from './views';

async function learningCard(
  deps: AuditDeps,
  audit: Audit,
  extra: { value?: string; notice?: { text: string; good: boolean } },
) {
  const people = await peopleById(deps.store, [
    audit.auditorId,
    audit.practitionerId,
    ...audit.actions.map((a) => a.ownerId),
  ]);
  const child = await findChild(deps.store, audit.childId, audit.teamId);
  return renderAuditLearningCard({
    audit,
    childName: childName(deps, child, audit.childId),
    auditorName: displayName(people, audit.auditorId),
    practitionerName: displayName(people, audit.practitionerId),
    forSupervisor: false,
    ownerWords: (a: AuditAction) =>
      a.ownerId === audit.practitionerId
        ? LEARNING_WORDS.you
        : a.who === 'other' && a.whoElse
          ? a.whoElse
          : displayName(people, a.ownerId),
    today: today(deps),
    maxLength: deps.programme.commentMaxLength,
    ...(extra.value !== undefined ? { reflectionValue: extra.value } : {}),
    ...(extra.notice ? { notice: extra.notice } : {}),
  });
}

export async function addReflection(
  deps: AuditDeps,
  input: { actorId: string | undefined; data: unknown },
): Promise<AuditReply> {
  const data = parse(reflectData, asRecord(input.data));
  const ref = auditRef(asRecord(input.data));
  const audit = data ? await deps.store.audits.findAudit(ref.id, ref.team) : undefined;
  if (!audit || !data || audit.status !== 'submitted') return auditGone();
  if (!audit.practitionerId || audit.practitionerId !== input.actorId)
    return note(NOTE_WORDS.audits, [LEARNING_WORDS.notYours], 'not-yours');
  if (audit.reflection) return { card: await learningCard(deps, audit, {}), outcome: 'stale' };
  const text = (data.reflection ?? '').trim();
  const limit = deps.programme.commentMaxLength;
  if (!text || text.length > limit) {
    const problem = !text
      ? LEARNING_WORDS.reflectionEmpty
      : LEARNING_WORDS.reflectionTooLong(text.length, limit);
    return {
      card: await learningCard(deps, audit, {
        value: data.reflection ?? '',
        notice: { text: problem, good: false },
      }),
      outcome: 'refused',
    };
  }
  const at = deps.now().toISOString();
  const saved = await deps.store.audits.audits.update(audit.id, audit.teamId, (current) =>
    current.reflection ? undefined : { ...current, reflection: { text, at } },
  );
  if (!saved) return auditGone();
  if (saved.reflection?.at !== at) return { card: await learningCard(deps, saved, {}), outcome: 'stale' };
  const people = await peopleById(deps.store, [audit.practitionerId]);
  const child = await findChild(deps.store, audit.childId, audit.teamId);
  const date = today(deps);
  await deps.send({
    to: audit.auditorId,
    kind: 'audit-reflection',
    id: messageId(audit.auditorId, date, 'audit-reflection', audit.id),
    card: note(
      LEARNING_WORDS.reflectionTitle(
        displayName(people, audit.practitionerId),
        childName(deps, child, audit.childId),
      ),
      [LEARNING_WORDS.reflectionLabel, escapeCardText(text)],
      'note',
    ).card,
    preview: LEARNING_WORDS.reflectionPreview,
  });
  await deps.store.activity.upsert({
    id: randomUUID(),
    teamId: audit.teamId,
    at,
    actor: audit.practitionerId,
    action: 'audit.reflection-added',
    details: { auditId: audit.id, childId: audit.childId },
  });
  return { card: await learningCard(deps, saved, {}), outcome: 'sent' };
}
