/**
 * Saving one step of an audit, after every step: the step is read and checked (a refused step
 * comes back with what was typed and a line for each thing to fix), then written with the ETag
 * read, only if nobody has saved since the card was shown. A card older than the latest save sees
 * the latest and is told; a card for a submitted audit is answered kindly with what happened.
 */
import type { Audit } from '../../domain/audit';
import { applyStep } from '../../domain/audit-step-input';
import {
  findStep,
  INPUT,
  stepBeside,
  standardsOn,
  MAX_ACTIONS,
  REFLECTION_FIELDS,
} from '../../domain/audit-steps';
import type { AuditStep } from '../../domain/audit-steps';
import type { Child } from '../../domain/types';
import { auditFacts } from '../../domain/audit-facts';
import { ASSIGNMENT_WORDS } from '../../text/audit-messages';
import type { AuditDeps, AuditReply } from './deps';
import { findChild, rulesOf, today } from './deps';
import type { Stored } from '../../store/repository';
import { isStatus, withoutSystemFields } from '../../store/repository';
import { asRecord, auditRef, inputsOf, parse, saveData } from './invoke-data';
import { alreadySubmitted, auditGone, myAuditsCard, notTheAuditor, stepCard } from './views';

/** The input ids a step's card has, so a malformed value for one of them is caught. */
export function stepInputIds(audit: Pick<Audit, 'standards'>, step: AuditStep): string[] {
  if (step.kind === 'facts') return [INPUT.factsRight, INPUT.factsCorrection];
  if (step.kind === 'standards')
    return standardsOn(audit, step).flatMap(({ standard }) => [
      INPUT.answer(standard.id),
      INPUT.comment(standard.id),
    ]);
  if (step.kind === 'reflection') return REFLECTION_FIELDS.map((f) => INPUT[f]);
  if (step.kind === 'grade') return [INPUT.difference, INPUT.grade];
  if (step.kind === 'actions')
    return Array.from({ length: MAX_ACTIONS }, (_, i) => i + 1).flatMap((r) => [
      INPUT.actionWhat(r),
      INPUT.actionWho(r),
      INPUT.actionElse(r),
      INPUT.actionBy(r),
    ]);
  return [];
}

export async function saveAuditStep(
  deps: AuditDeps,
  input: { actorId: string | undefined; data: unknown },
): Promise<AuditReply> {
  const raw = asRecord(input.data);
  const data = parse(saveData, raw);
  const ref = auditRef(raw);
  const audit = await deps.store.audits.findAudit(ref.id, ref.team);
  if (!audit) return auditGone();
  if (audit.auditorId !== input.actorId) return notTheAuditor();
  if (audit.status === 'submitted') return alreadySubmitted(deps, audit);
  // Read the child while the step is checked and written: the card needs their name.
  const child = findChild(deps.store, audit.childId, audit.teamId);
  // Some answers below never need it; a failed read then must not go unhandled.
  child.catch(() => undefined);
  const step = data ? findStep(audit, data.step) : undefined;
  const inputs = step ? inputsOf(raw, stepInputIds(audit, step)) : { ok: false as const };
  if (!data || !step || !inputs.ok)
    return {
      card: await stepCard(deps, audit, audit.step, { notice: { kind: 'malformed' } }),
      outcome: 'malformed',
    };
  if (data.rev !== audit.revision)
    return {
      card: await stepCard(deps, audit, step.id, { notice: { kind: 'changed-elsewhere' } }),
      outcome: 'stale',
    };

  const date = today(deps);
  const result = applyStep(audit, step, inputs.inputs, {
    commentMaxLength: deps.programme.commentMaxLength,
    today: date,
  });
  if (!result.ok) {
    return {
      card: await stepCard(deps, audit, step.id, { child, values: inputs.inputs, problems: result.problems }),
      outcome: 'refused',
    };
  }
  const next = data.go === 'later' ? step : stepBeside(audit, step.id, data.go === 'back' ? -1 : 1);
  const facts = step.kind === 'facts' ? await factsNow(deps, audit, await child, date) : undefined;
  const { saved, changedMeanwhile } = await writeIfUnchanged(deps, audit, data.rev, (current) => ({
    ...current,
    answers: result.answers,
    ...(facts ? { facts } : {}),
    step: next.id,
    status: 'in-progress',
    revision: current.revision + 1,
    savedAt: deps.now().toISOString(),
  }));
  if (!saved) return auditGone();
  if (changedMeanwhile) {
    return {
      card: await stepCard(deps, saved, step.id, { notice: { kind: 'changed-elsewhere' } }),
      outcome: 'stale',
    };
  }
  if (data.go === 'later') {
    return {
      card: await myAuditsCard(deps, saved.auditorId, saved.month, ASSIGNMENT_WORDS.savedForLater),
      outcome: 'saved',
    };
  }
  return {
    card: await stepCard(deps, saved, next.id, { child, notice: { kind: 'saved' } }),
    outcome: 'saved',
  };
}

async function factsNow(deps: AuditDeps, audit: Audit, child: Child | undefined, date: string) {
  if (!child) return undefined;
  const events = await deps.store.events.inPartition(child.teamId, 'c.childId = @child', [
    { name: '@child', value: child.id },
  ]);
  return auditFacts(child, events, date, deps.calendar, rulesOf(deps));
}

/**
 * Writes a change to the audit only if it is still at the revision the card showed. The audit was
 * just read with its ETag, so the common case is one replace; if anyone wrote in between (412), it
 * is read again and the revision decides.
 */
export async function writeIfUnchanged(
  deps: AuditDeps,
  audit: Audit & Partial<Stored>,
  revision: number,
  change: (current: Audit) => Audit,
): Promise<{ saved: Audit | undefined; changedMeanwhile: boolean }> {
  const repo = deps.store.audits.audits;
  if (audit._etag && audit.revision === revision && audit.status !== 'submitted') {
    const current = withoutSystemFields<Audit>(audit);
    try {
      return { saved: await repo.replaceIfUnchanged(change(current), audit._etag), changedMeanwhile: false };
    } catch (error) {
      if (!isStatus(error, 412)) throw error;
    }
  }
  let changedMeanwhile = false;
  const saved = await repo.update(audit.id, audit.teamId, (current) => {
    changedMeanwhile = current.revision !== revision || current.status === 'submitted';
    return changedMeanwhile ? undefined : change(current);
  });
  return { saved, changedMeanwhile };
}
