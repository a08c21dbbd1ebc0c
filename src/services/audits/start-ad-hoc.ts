/**
 * A manager starts an audit of any child in their teams from the chat (`audit <child>`): the child
 * is found by number or by their short name among the manager's teams, the audit is written once a
 * day per child (pressing twice opens the same one), and its first step comes back.
 */
import { randomUUID } from 'node:crypto';
import type { Audit } from '../../domain/audit';
import { adHocAuditId, emptyAnswers, monthOf } from '../../domain/audit';
import { teamsOf } from '../../domain/audit-people';
import { shortName } from '../../domain/names';
import type { Child } from '../../domain/types';
import { NOTE_WORDS } from '../../text/audit-messages';
import type { AuditDeps, AuditReply } from './deps';
import { findPerson, today } from './deps';
import { note, stepCard } from './views';

const MAX_QUERY = 100;
const normal = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.\s]+/g, ' ')
    .trim();

/** Children in these teams matching what was typed: the number exactly, else the short name. */
export function matchChildren(children: readonly Child[], text: string): Child[] {
  const wanted = normal(text);
  const byId = children.filter((c) => c.id.toLowerCase() === wanted);
  if (byId.length > 0) return byId;
  return children.filter(
    (c) =>
      normal(shortName(c, 'first-name-initial')) === wanted ||
      normal(`${c.name.first} ${c.name.familyInitial}`) === wanted ||
      normal(c.name.first) === wanted,
  );
}

function adHocAudit(deps: AuditDeps, child: Child, auditorId: string, date: string): Audit {
  return {
    id: adHocAuditId(date, child.id),
    teamId: child.teamId,
    childId: child.id,
    childKind: child.kind,
    ...(child.allocatedPractitionerId ? { practitionerId: child.allocatedPractitionerId } : {}),
    auditorId,
    month: monthOf(date),
    origin: 'ad-hoc',
    reason: { method: 'ad-hoc' },
    assignedOn: date,
    dueDate: deps.calendar.addWorkingDays(date, deps.programme.dueWorkingDays),
    status: 'assigned',
    standards: deps.programme.standards,
    answers: emptyAnswers(),
    step: 'facts',
    revision: 0,
    actions: [],
    worryIds: [],
  };
}

export async function startAdHocAudit(
  deps: AuditDeps,
  input: { actorId: string | undefined; child: string },
): Promise<AuditReply> {
  const actor = await findPerson(deps.store, input.actorId);
  if (!actor || !(actor.roles.includes('manager') || actor.roles.includes('head-of-service')))
    return note(NOTE_WORDS.audits, [NOTE_WORDS.adHocNotManager], 'not-yours');
  const text = input.child.trim().slice(0, MAX_QUERY);
  const teams = teamsOf(actor);
  const children = await deps.store.children.query('ARRAY_CONTAINS(@teams, c.teamId)', [
    { name: '@teams', value: teams },
  ]);
  const found = text ? matchChildren(children, text) : [];
  if (found.length === 0) return note(NOTE_WORDS.audits, [NOTE_WORDS.adHocNotFound(text)], 'not-found');
  if (found.length > 1)
    return note(
      NOTE_WORDS.audits,
      [
        NOTE_WORDS.adHocSeveral(
          found.map((c) => `${shortName(c, deps.nameStyle ?? 'first-name-initial')} (${c.id})`),
        ),
      ],
      'ambiguous',
    );
  const child = found[0] as Child;
  if (child.closed) return note(NOTE_WORDS.audits, [NOTE_WORDS.adHocClosed], 'closed');
  const audit = adHocAudit(deps, child, actor.id, today(deps));
  const created = await deps.store.audits.audits.createIfAbsent(audit);
  const current = created ? audit : ((await deps.store.audits.audits.get(audit.id, audit.teamId)) ?? audit);
  if (current.auditorId !== actor.id) return note(NOTE_WORDS.audits, [NOTE_WORDS.notAuditor], 'not-yours');
  if (created) {
    await deps.store.activity.upsert({
      id: randomUUID(),
      teamId: child.teamId,
      at: deps.now().toISOString(),
      actor: actor.id,
      action: 'audit.started-ad-hoc',
      details: { auditId: audit.id, childId: child.id },
    });
  }
  return { card: await stepCard(deps, current, current.step), outcome: created ? 'started' : 'opened' };
}
