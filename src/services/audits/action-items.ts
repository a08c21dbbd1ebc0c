/**
 * A person's open actions from audits, as items with their dates for their morning card, each
 * with its sentence and a card with Done (verb `audit-action-done`).
 */
import { renderAuditActionCard } from '../../cards/audit-cards';
import type { AuditActionItem } from '../../domain/audit-follow-up';
import { openActionsFor } from '../../domain/audit-follow-up';
import { ACTION_WORDS } from '../../text/audit-messages';
import type { AuditDeps } from './deps';
import { childName, today } from './deps';

export interface ActionItemView extends AuditActionItem {
  /** Escaped for a card. */
  sentence: string;
  card: Record<string, unknown>;
}

export async function auditActionItems(
  deps: AuditDeps,
  input: { personId: string },
): Promise<ActionItemView[]> {
  const date = today(deps);
  const audits = await deps.store.audits.withOpenActionsFor(input.personId);
  const items = openActionsFor(audits, input.personId, date);
  const children = new Map(
    (await deps.store.children.findByIds(items.map((i) => i.childId))).map((c) => [c.id, c]),
  );
  return items.map((item) => {
    const name = childName(deps, children.get(item.childId), item.childId);
    const audit = audits.find((a) => a.id === item.auditId);
    const action = audit?.actions.find((a) => a.id === item.actionId);
    return {
      ...item,
      sentence: ACTION_WORDS.line(name, item.what, item.dueDate, date),
      card: action
        ? renderAuditActionCard({
            audit: { id: item.auditId, teamId: item.teamId },
            action,
            childName: name,
            today: date,
          })
        : {},
    };
  });
}
