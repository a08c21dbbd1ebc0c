/**
 * Closing an agreed action with Done: only its owner may, once; the card shows it done in place,
 * and it leaves their morning card and their manager's digest.
 */
import { randomUUID } from 'node:crypto';
import { renderAuditActionCard } from '../../cards/audit-cards';
import { ACTION_WORDS, NOTE_WORDS } from '../../text/audit-messages';
import type { AuditDeps, AuditReply } from './deps';
import { childName, findChild, today } from './deps';
import { actionDoneData, asRecord, auditRef, parse } from './invoke-data';
import { note } from './views';

export async function closeAuditAction(
  deps: AuditDeps,
  input: { actorId: string | undefined; data: unknown },
): Promise<AuditReply> {
  const data = parse(actionDoneData, asRecord(input.data));
  const ref = auditRef(asRecord(input.data));
  const audit = data ? await deps.store.audits.findAudit(ref.id, ref.team) : undefined;
  const action = audit?.actions.find((a) => a.id === data?.action);
  if (!audit || !action || !data) return note(NOTE_WORDS.audits, [ACTION_WORDS.gone], 'gone');
  const child = await findChild(deps.store, audit.childId, audit.teamId);
  const view = { audit, childName: childName(deps, child, audit.childId), today: today(deps) };
  if (action.ownerId !== input.actorId)
    return {
      card: renderAuditActionCard({ ...view, action, refusal: ACTION_WORDS.notYours }),
      outcome: 'not-yours',
    };
  if (action.doneAt) return { card: renderAuditActionCard({ ...view, action }), outcome: 'stale' };
  const at = deps.now().toISOString();
  const saved = await deps.store.audits.audits.update(audit.id, audit.teamId, (current) => {
    const target = current.actions.find((a) => a.id === data.action);
    if (!target || target.doneAt) return undefined;
    return {
      ...current,
      actions: current.actions.map((a) =>
        a.id === data.action ? { ...a, doneAt: at, doneBy: action.ownerId } : a,
      ),
    };
  });
  const closed = saved?.actions.find((a) => a.id === data.action) ?? action;
  await deps.store.activity.upsert({
    id: randomUUID(),
    teamId: audit.teamId,
    at,
    actor: action.ownerId,
    action: 'audit.action-done',
    details: { auditId: audit.id, actionId: action.id, childId: audit.childId },
  });
  return {
    card: renderAuditActionCard({ ...view, action: closed }),
    outcome: closed.doneAt === at ? 'done' : 'stale',
  };
}
