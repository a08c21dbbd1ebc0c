/**
 * Acknowledging a worry raised during an audit: only someone it went to may, the first one is
 * recorded (ETag-safe), the auditor hears who has it, and the card shows who acknowledged and when.
 */
import { randomUUID } from 'node:crypto';
import { renderAuditWorryCard } from '../../cards/audit-cards';
import type { AuditWorry } from '../../domain/audit-worry';
import { acknowledgeWorry } from '../../domain/audit-worry';
import { NOTE_WORDS, WORRY_WORDS } from '../../text/audit-messages';
import type { AuditDeps, AuditReply } from './deps';
import { childName, displayName, findChild, messageId, peopleById, recordUrlOf, today } from './deps';
import { acknowledgeData, asRecord, parse } from './invoke-data';
import { note } from './views';

export async function acknowledgeAuditWorry(
  deps: AuditDeps,
  input: { actorId: string | undefined; data: unknown },
): Promise<AuditReply> {
  const data = parse(acknowledgeData, asRecord(input.data));
  const found = data ? await deps.store.audits.findWorry(data.worry) : undefined;
  if (!found) return note(NOTE_WORDS.audits, [NOTE_WORDS.gone], 'gone');
  let outcome = 'not-yours' as 'acknowledged' | 'already' | 'not-yours';
  const worry: AuditWorry =
    (await deps.store.audits.worries.update(found.id, found.teamId, (current) => {
      const result = acknowledgeWorry(current, input.actorId ?? '', deps.now());
      outcome = result.outcome;
      return result.outcome === 'acknowledged' ? result.worry : undefined;
    })) ?? found;
  const people = await peopleById(deps.store, [worry.raisedBy, worry.acknowledgedBy, input.actorId]);
  const child = await findChild(deps.store, worry.childId, worry.teamId);
  const name = childName(deps, child, worry.childId);
  if (outcome === 'acknowledged') {
    await deps.store.activity.upsert({
      id: randomUUID(),
      teamId: worry.teamId,
      at: deps.now().toISOString(),
      actor: input.actorId ?? '',
      action: 'audit.worry-acknowledged',
      details: { worryId: worry.id, childId: worry.childId },
    });
    const date = today(deps);
    await deps.send({
      to: worry.raisedBy,
      kind: 'audit-worry-acknowledged',
      id: messageId(worry.raisedBy, date, 'audit-worry-acknowledged', worry.id),
      card: note(
        NOTE_WORDS.worryAcknowledgedTitle,
        [NOTE_WORDS.worryAcknowledged(displayName(people, worry.acknowledgedBy), name)],
        'note',
      ).card,
      preview: NOTE_WORDS.worryAcknowledgedPreview,
    });
  }
  return {
    card: renderAuditWorryCard({
      worry,
      childName: name,
      auditorName: displayName(people, worry.raisedBy),
      recordUrl: recordUrlOf(deps, worry.childId),
      today: today(deps),
      ...(worry.acknowledgedBy ? { acknowledgedByName: displayName(people, worry.acknowledgedBy) } : {}),
      ...(outcome === 'not-yours' ? { refusal: WORRY_WORDS.notYours } : {}),
    }),
    outcome,
  };
}
