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
import { asRecord, inputsOf, parse, saveData } from './invoke-data';
import { writeIfUnchanged } from './write-audit';
import { auditGone, myAuditsCard, openAuditFor, stepReply } from './views';

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
  const found = await openAuditFor(deps, raw, input.actorId);
  if ('reply' in found) return found.reply;
  const { audit } = found;
  // Read the child while the step is checked and written: the card needs their name.
  const child = findChild(deps.store, audit.childId, audit.teamId);
  // Some answers below never need it; a failed read then must not go unhandled.
  child.catch(() => undefined);
  const step = data ? findStep(audit, data.step) : undefined;
  const inputs = step ? inputsOf(raw, stepInputIds(audit, step)) : { ok: false as const };
  if (!data || !step || !inputs.ok)
    return stepReply(deps, audit, audit.step, 'malformed', { notice: { kind: 'malformed' } });
  if (data.rev !== audit.revision)
    return stepReply(deps, audit, step.id, 'stale', { notice: { kind: 'changed-elsewhere' } });

  const date = today(deps);
  const result = applyStep(audit, step, inputs.inputs, {
    commentMaxLength: deps.programme.commentMaxLength,
    today: date,
  });
  if (!result.ok) {
    return stepReply(deps, audit, step.id, 'refused', {
      child,
      values: inputs.inputs,
      problems: result.problems,
    });
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
    return stepReply(deps, saved, step.id, 'stale', { notice: { kind: 'changed-elsewhere' } });
  }
  if (data.go === 'later') {
    return {
      card: await myAuditsCard(deps, saved.auditorId, saved.month, ASSIGNMENT_WORDS.savedForLater),
      outcome: 'saved',
    };
  }
  return stepReply(deps, saved, next.id, 'saved', { child, notice: { kind: 'saved' } });
}

async function factsNow(deps: AuditDeps, audit: Audit, child: Child | undefined, date: string) {
  if (!child) return undefined;
  const events = await deps.store.events.inPartition(child.teamId, 'c.childId = @child', [
    { name: '@child', value: child.id },
  ]);
  return auditFacts(child, events, date, deps.calendar, rulesOf(deps));
}
