/**
 * Builds the cards the audit use cases answer with, from what is stored: a step (with the facts
 * Hearth knows, who a worry would go to, and what was typed), the auditor's list of audits for a
 * month, and the short notes (refusals, "already submitted").
 */
import { renderAuditAssignmentCard, renderAuditNoteCard } from '../../cards/audit-cards';
import { renderAuditStepCard } from '../../cards/audit-step-card';
import type { Audit } from '../../domain/audit';
import { monthOf } from '../../domain/audit';
import { auditFacts } from '../../domain/audit-facts';
import { headsOfServiceOf, lineManagersOf, managersOfTeam } from '../../domain/audit-people';
import type { AuditProblem } from '../../domain/audit-steps';
import { findStep, savedInputs } from '../../domain/audit-steps';
import { firstName } from '../../domain/names';
import type { Child, Person } from '../../domain/types';
import type { StepNotice } from '../../text/audit';
import { NOTE_WORDS, ASSIGNMENT_WORDS } from '../../text/audit-messages';
import type { Stored } from '../../store/repository';
import type { AuditDeps, AuditReply } from './deps';
import { auditRef } from './invoke-data';
import { childName, findChild, findPerson, peopleById, rulesOf, today } from './deps';

/** Who hears at once about a worry: the practitioner's managers and the heads of service, not the auditor. */
export function worryRecipients(
  audit: Audit,
  practitioner: Person | undefined,
  everyLeader: readonly Person[],
): Person[] {
  const managers = practitioner
    ? lineManagersOf(practitioner, everyLeader)
    : managersOfTeam(audit.teamId, everyLeader);
  const heads = headsOfServiceOf(audit.teamId, everyLeader);
  const all = new Map([...managers, ...heads].map((p) => [p.id, p]));
  all.delete(audit.auditorId);
  return [...all.values()];
}

export interface StepOptions {
  /** The child, when the caller has already started reading it (saves a round trip). */
  child?: Promise<Child | undefined>;
  values?: Record<string, string>;
  problems?: AuditProblem[];
  notice?: StepNotice;
}

export async function stepCard(deps: AuditDeps, audit: Audit, stepId: string, options: StepOptions = {}) {
  const step = findStep(audit, stepId) ?? findStep(audit, 'facts');
  if (!step) throw new Error(`audit ${audit.id} has no steps`);
  const date = today(deps);
  // Only what this step shows is read: a step is saved often, and each read is a round trip.
  const [child, practitioner] = await Promise.all([
    options.child ?? findChild(deps.store, audit.childId, audit.teamId),
    step.kind === 'actions' ? findPerson(deps.store, audit.practitionerId) : undefined,
  ]);
  const events =
    step.kind === 'facts' && child
      ? await deps.store.events.inPartition(child.teamId, 'c.childId = @child', [
          { name: '@child', value: child.id },
        ])
      : [];
  return renderAuditStepCard({
    audit,
    step,
    childName: childName(deps, child, audit.childId),
    practitionerFirstName: practitioner ? firstName(practitioner.displayName) : '',
    today: date,
    ...(step.kind === 'facts' && child
      ? { facts: auditFacts(child, events, date, deps.calendar, rulesOf(deps)) }
      : {}),
    values: options.values ?? savedInputs(audit, step),
    problems: options.problems ?? [],
    ...(options.notice ? { notice: options.notice } : {}),
    commentMaxLength: deps.programme.commentMaxLength,
  });
}

/** A step card as the answer to a card action. */
export const stepReply = async (
  deps: AuditDeps,
  audit: Audit,
  stepId: string,
  outcome: string,
  options: StepOptions = {},
): Promise<AuditReply> => ({ card: await stepCard(deps, audit, stepId, options), outcome });

/** An auditor's audits for a month, each with where it is and a button to start or carry on. */
export async function myAuditsCard(deps: AuditDeps, auditorId: string, month: string, notice?: string) {
  const [audits, monthDoc] = await Promise.all([
    deps.store.audits.forAuditor(auditorId, month),
    deps.store.audits.month(month),
  ]);
  const children = await deps.store.children.findByIds(audits.map((a) => a.childId));
  const byId = new Map(children.map((c) => [c.id, c]));
  const sorted = [...audits].sort((a, b) => (a.id < b.id ? -1 : 1));
  const theme = monthDoc?.plan?.theme;
  return renderAuditAssignmentCard({
    month,
    today: today(deps),
    dueDate: sorted[0]?.dueDate ?? monthDoc?.plan?.dueDate ?? today(deps),
    ...(theme ? { theme } : {}),
    ...(notice ? { notice } : {}),
    items: sorted.map((a) => ({
      auditId: a.id,
      teamId: a.teamId,
      childName: childName(deps, byId.get(a.childId), a.childId),
      reason: a.reason,
      status: a.status,
      ...(a.submittedAt ? { submittedOn: a.submittedAt.slice(0, 10) } : {}),
    })),
  });
}

export const note = (
  title: string,
  lines: string[],
  outcome: string,
  buttons: { title: string; verb: string; audit: string; team: string }[] = [],
): AuditReply => ({
  card: renderAuditNoteCard({ preview: title, title, lines, buttons }),
  outcome,
  lines,
});

export const notTheAuditor = () => note(NOTE_WORDS.audits, [NOTE_WORDS.notAuditor], 'not-yours');
export const auditGone = () => note(NOTE_WORDS.audits, [NOTE_WORDS.gone], 'gone');

/** The kind answer to a card pressed after its audit was submitted: what happened, and the list. */
export async function alreadySubmitted(deps: AuditDeps, audit: Audit): Promise<AuditReply> {
  const on = (audit.submittedAt ?? deps.now().toISOString()).slice(0, 10);
  return {
    card: await myAuditsCard(
      deps,
      audit.auditorId,
      audit.month,
      NOTE_WORDS.alreadySubmitted(on, today(deps)),
    ),
    outcome: 'stale',
  };
}

/** The month an auditor is working in now: this month, or the audit's. */
export const currentMonth = (deps: AuditDeps) => monthOf(today(deps));

export { ASSIGNMENT_WORDS, peopleById };

/**
 * The audit a card is about, if the person pressing it is its auditor and it is still open;
 * otherwise the kind answer to give instead, and nothing changes.
 */
export async function openAuditFor(
  deps: AuditDeps,
  raw: Record<string, unknown>,
  actorId: string | undefined,
): Promise<{ audit: Audit & Partial<Stored> } | { reply: AuditReply }> {
  const ref = auditRef(raw);
  const audit = await deps.store.audits.findAudit(ref.id, ref.team);
  if (!audit) return { reply: auditGone() };
  if (audit.auditorId !== actorId) return { reply: notTheAuditor() };
  if (audit.status === 'submitted') return { reply: await alreadySubmitted(deps, audit) };
  return { audit };
}
