/**
 * The daily part for deadlines: an audit not submitted by its due date gets one gentle nudge to
 * its auditor, the working day after (marked with the ETag read, so two runs nudge once). The
 * manager's line five working days later is in the digest section (see digest-section.ts).
 */
import { auditsToNudge } from '../../domain/audit-follow-up';
import { NOTE_WORDS } from '../../text/audit-messages';
import type { AuditDeps } from './deps';
import { childName, messageId, today } from './deps';
import { note } from './views';

export async function nudgeLateAudits(deps: AuditDeps): Promise<{ nudged: string[] }> {
  const date = today(deps);
  if (!deps.calendar.isWorkingDay(date)) return { nudged: [] };
  const due = auditsToNudge(await deps.store.audits.notSubmittedDueBefore(date), date);
  const children = new Map(
    (await deps.store.children.findByIds(due.map((a) => a.childId))).map((c) => [c.id, c]),
  );
  const nudged: string[] = [];
  for (const audit of due) {
    let marked = false;
    await deps.store.audits.audits.update(audit.id, audit.teamId, (current) => {
      if (current.nudgedOn || current.status === 'submitted') return undefined;
      marked = true;
      return { ...current, nudgedOn: date };
    });
    if (!marked) continue;
    const name = childName(deps, children.get(audit.childId), audit.childId);
    await deps.send({
      to: audit.auditorId,
      kind: 'audit-nudge',
      id: messageId(audit.auditorId, date, 'audit-nudge', audit.id),
      card: note(NOTE_WORDS.nudgeTitle, [NOTE_WORDS.nudge(name, audit.dueDate, date)], 'note', [
        { title: NOTE_WORDS.open, verb: 'audit-open', audit: audit.id, team: audit.teamId },
      ]).card,
      preview: NOTE_WORDS.nudgePreview,
    });
    nudged.push(audit.id);
  }
  return { nudged };
}
