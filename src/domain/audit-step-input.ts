/**
 * Reading what an audit step's card sent back (strings, as Adaptive Cards send them): the new
 * answers, or what to fix on the step as structured problems. Nothing is saved from a step that
 * has a problem, and the limits are said in the problem so the card can say them.
 */
import type { ActionDraft, ActionOwner, Answer, Audit, AuditAnswers, Grade } from './audit';
import { ACTION_OWNERS, ANSWERS, GRADES, unansweredRequired } from './audit';
import type { AuditProblem, AuditStep, FieldRef } from './audit-steps';
import {
  ACTION_WHAT_MAX,
  INPUT,
  MAX_ACTIONS,
  REFLECTION_FIELDS,
  standardsOn,
  WHO_ELSE_MAX,
} from './audit-steps';
import { epochDay, fromEpochDay } from './dates';
import type { IsoDate } from './types';

export type StepResult = { ok: true; answers: AuditAnswers } | { ok: false; problems: AuditProblem[] };

export interface StepLimits {
  /** The programme's longest comment or answer. */
  commentMaxLength: number;
  today: IsoDate;
}

/** `yyyy-MM-dd` and a day the calendar has (not 30 February). */
export const isRealDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && fromEpochDay(epochDay(value)) === value;

type Raw = Readonly<Record<string, string | undefined>>;

const text = (raw: Raw, id: string) => {
  const value = raw[id]?.trim();
  return value ? value : undefined;
};

function limited(
  raw: Raw,
  id: string,
  limit: number,
  at: FieldRef,
  problems: AuditProblem[],
): string | undefined {
  const value = text(raw, id);
  if (value && value.length > limit) problems.push({ code: 'too-long', at, limit, length: value.length });
  return value;
}

function choice<T extends string>(
  raw: Raw,
  id: string,
  options: readonly T[],
  at: FieldRef,
  problems: AuditProblem[],
) {
  const value = text(raw, id);
  if (value === undefined) return undefined;
  if ((options as readonly string[]).includes(value)) return value as T;
  problems.push({ code: 'not-a-choice', at });
  return undefined;
}

function readFacts(
  answers: AuditAnswers,
  raw: Raw,
  limits: StepLimits,
  problems: AuditProblem[],
): AuditAnswers {
  const right = text(raw, INPUT.factsRight) === 'true';
  const correction = limited(
    raw,
    INPUT.factsCorrection,
    limits.commentMaxLength,
    { field: 'facts' },
    problems,
  );
  if (!right && !correction) problems.push({ code: 'facts-unconfirmed' });
  return { ...answers, facts: { right, ...(correction ? { correction } : {}) } };
}

function readStandards(
  audit: Pick<Audit, 'standards'>,
  step: AuditStep,
  answers: AuditAnswers,
  raw: Raw,
  limits: StepLimits,
  problems: AuditProblem[],
): AuditAnswers {
  const standards = { ...answers.standards };
  for (const { standard, position } of standardsOn(audit, step)) {
    const answer = choice<Answer>(
      raw,
      INPUT.answer(standard.id),
      ANSWERS,
      { field: 'standard-answer', position },
      problems,
    );
    const comment = limited(
      raw,
      INPUT.comment(standard.id),
      limits.commentMaxLength,
      { field: 'standard-comment', position },
      problems,
    );
    standards[standard.id] = { ...(answer ? { answer } : {}), ...(comment ? { comment } : {}) };
  }
  return { ...answers, standards };
}

function readReflection(
  answers: AuditAnswers,
  raw: Raw,
  limits: StepLimits,
  problems: AuditProblem[],
): AuditAnswers {
  const reflection = { ...answers.reflection };
  for (const field of REFLECTION_FIELDS) {
    const value = limited(raw, INPUT[field], limits.commentMaxLength, { field }, problems);
    if (value) reflection[field] = value;
    else delete reflection[field];
  }
  return { ...answers, reflection };
}

function readGrade(
  audit: Pick<Audit, 'standards'>,
  answers: AuditAnswers,
  raw: Raw,
  limits: StepLimits,
  problems: AuditProblem[],
): AuditAnswers {
  const difference = limited(
    raw,
    INPUT.difference,
    limits.commentMaxLength,
    { field: 'difference' },
    problems,
  );
  const grade = choice<Grade>(raw, INPUT.grade, GRADES, { field: 'grade' }, problems);
  const reflection = { ...answers.reflection };
  if (difference) reflection.difference = difference;
  else delete reflection.difference;
  const next: AuditAnswers = { ...answers, reflection };
  if (grade) next.grade = grade;
  else delete next.grade;
  const missing = unansweredRequired({ standards: audit.standards, answers: next });
  if (grade && missing.length > 0) problems.push({ code: 'grade-needs-standards', positions: missing });
  return next;
}

function readActions(
  answers: AuditAnswers,
  raw: Raw,
  limits: StepLimits,
  problems: AuditProblem[],
): AuditAnswers {
  const actions: ActionDraft[] = [];
  for (let row = 1; row <= MAX_ACTIONS; row++) {
    const what = limited(
      raw,
      INPUT.actionWhat(row),
      ACTION_WHAT_MAX,
      { field: 'action-what', row },
      problems,
    );
    const by = text(raw, INPUT.actionBy(row));
    const whoElse = limited(
      raw,
      INPUT.actionElse(row),
      WHO_ELSE_MAX,
      { field: 'action-else', row },
      problems,
    );
    if (!what && !by && !whoElse) continue; // an empty row: the "who" list always has a value
    const who =
      choice<ActionOwner>(raw, INPUT.actionWho(row), ACTION_OWNERS, { field: 'action-who', row }, problems) ??
      'practitioner';
    if (!what) problems.push({ code: 'needed', at: { field: 'action-what', row } });
    if (!by) problems.push({ code: 'needed', at: { field: 'action-by', row } });
    else if (!isRealDate(by)) problems.push({ code: 'not-a-date', at: { field: 'action-by', row } });
    else if (by < limits.today) problems.push({ code: 'date-passed', at: { field: 'action-by', row } });
    if (who === 'other' && !whoElse) problems.push({ code: 'needed', at: { field: 'action-else', row } });
    if (what && by) actions.push({ what, who, by, ...(who === 'other' && whoElse ? { whoElse } : {}) });
  }
  return { ...answers, actions };
}

/** The answers after one step, or what to fix on it. */
export function applyStep(
  audit: Pick<Audit, 'standards' | 'answers'>,
  step: AuditStep,
  raw: Raw,
  limits: StepLimits,
): StepResult {
  const problems: AuditProblem[] = [];
  let answers = audit.answers;
  if (step.kind === 'facts') answers = readFacts(answers, raw, limits, problems);
  if (step.kind === 'standards') answers = readStandards(audit, step, answers, raw, limits, problems);
  if (step.kind === 'reflection') answers = readReflection(answers, raw, limits, problems);
  if (step.kind === 'grade') answers = readGrade(audit, answers, raw, limits, problems);
  if (step.kind === 'actions') answers = readActions(answers, raw, limits, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}
