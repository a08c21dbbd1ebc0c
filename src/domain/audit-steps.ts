/**
 * The audit as a few short steps, each small enough for a phone: the facts Hearth knows, the
 * standards three at a time, the Signs of Safety reflection, the difference and the grade, the
 * actions, and a last check. The card's input ids, and the problems a step can have (which
 * src/text/audit.ts turns into words), are here; reading a step is in audit-step-input.ts.
 */
import type { Audit } from './audit';
import { unansweredRequired } from './audit';
import type { AuditStandard } from './audit-programme';

export const STANDARDS_PER_STEP = 3;
export const MAX_ACTIONS = 3;
export const ACTION_WHAT_MAX = 300;
export const WHO_ELSE_MAX = 100;

export type StepKind = 'facts' | 'standards' | 'reflection' | 'grade' | 'actions' | 'check';

export interface AuditStep {
  /** `facts`, `standards-1`, `standards-2`..., `reflection`, `grade`, `actions`, `check`. */
  id: string;
  kind: StepKind;
  /** For standards: which three, 1-based. */
  page?: number;
}

/** The card's input ids: one place, so the cards and the reading agree. */
export const INPUT = {
  factsRight: 'factsRight',
  factsCorrection: 'factsCorrection',
  answer: (standardId: string) => `answer-${standardId}`,
  comment: (standardId: string) => `comment-${standardId}`,
  workingWell: 'workingWell',
  worried: 'worried',
  needsToHappen: 'needsToHappen',
  difference: 'difference',
  grade: 'grade',
  actionWhat: (row: number) => `action${row}What`,
  actionWho: (row: number) => `action${row}Who`,
  actionElse: (row: number) => `action${row}Else`,
  actionBy: (row: number) => `action${row}By`,
} as const;

export const REFLECTION_FIELDS = ['workingWell', 'worried', 'needsToHappen'] as const;
export type ReflectionField = (typeof REFLECTION_FIELDS)[number] | 'difference';

/** Where on the card a problem is. */
export type FieldRef =
  | { field: 'facts' }
  | { field: 'standard-answer' | 'standard-comment'; position: number }
  | { field: ReflectionField }
  | { field: 'grade' }
  | { field: 'action-what' | 'action-who' | 'action-else' | 'action-by'; row: number };

export type AuditProblem =
  | { code: 'too-long'; at: FieldRef; limit: number; length: number }
  | { code: 'not-a-choice'; at: FieldRef }
  | { code: 'not-a-date'; at: FieldRef }
  | { code: 'date-passed'; at: FieldRef }
  | { code: 'needed'; at: FieldRef }
  | { code: 'facts-unconfirmed' }
  | { code: 'grade-needs-standards'; positions: number[] }
  | { code: 'needs-grade' }
  | { code: 'needs-working-well' };

export function auditSteps(standards: readonly AuditStandard[]): AuditStep[] {
  const pages = Math.ceil(standards.length / STANDARDS_PER_STEP);
  return [
    { id: 'facts', kind: 'facts' },
    ...Array.from({ length: pages }, (_, i) => ({
      id: `standards-${i + 1}`,
      kind: 'standards' as const,
      page: i + 1,
    })),
    { id: 'reflection', kind: 'reflection' },
    { id: 'grade', kind: 'grade' },
    { id: 'actions', kind: 'actions' },
    { id: 'check', kind: 'check' },
  ];
}

export function findStep(audit: Pick<Audit, 'standards'>, id: string): AuditStep | undefined {
  return auditSteps(audit.standards).find((s) => s.id === id);
}

/** The step after (`1`) or before (`-1`) this one; the same step at either end. */
export function stepBeside(audit: Pick<Audit, 'standards'>, id: string, direction: 1 | -1): AuditStep {
  const steps = auditSteps(audit.standards);
  const index = Math.max(
    0,
    steps.findIndex((s) => s.id === id),
  );
  return steps[Math.min(steps.length - 1, Math.max(0, index + direction))] as AuditStep;
}

/** The standards a standards step shows, with their positions in the whole list (1-based). */
export function standardsOn(
  audit: Pick<Audit, 'standards'>,
  step: AuditStep,
): { standard: AuditStandard; position: number }[] {
  if (step.kind !== 'standards' || !step.page) return [];
  const first = (step.page - 1) * STANDARDS_PER_STEP;
  return audit.standards
    .slice(first, first + STANDARDS_PER_STEP)
    .map((standard, i) => ({ standard, position: first + i + 1 }));
}

/** What stands between a draft and submitting it. */
export function submitProblems(audit: Pick<Audit, 'standards' | 'answers'>): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const missing = unansweredRequired(audit);
  if (missing.length > 0) problems.push({ code: 'grade-needs-standards', positions: missing });
  if (!audit.answers.grade) problems.push({ code: 'needs-grade' });
  if (!audit.answers.reflection.workingWell) problems.push({ code: 'needs-working-well' });
  return problems;
}

/** The values a step's inputs show: what was saved, as the card's strings. */
export function savedInputs(
  audit: Pick<Audit, 'standards' | 'answers'>,
  step: AuditStep,
): Record<string, string> {
  const a = audit.answers;
  const out: Record<string, string> = {};
  const put = (id: string, value: string | undefined) => {
    if (value !== undefined) out[id] = value;
  };
  if (step.kind === 'facts') {
    put(INPUT.factsRight, a.facts ? String(a.facts.right) : undefined);
    put(INPUT.factsCorrection, a.facts?.correction);
  }
  for (const { standard } of standardsOn(audit, step)) {
    put(INPUT.answer(standard.id), a.standards[standard.id]?.answer);
    put(INPUT.comment(standard.id), a.standards[standard.id]?.comment);
  }
  if (step.kind === 'reflection') for (const f of REFLECTION_FIELDS) put(INPUT[f], a.reflection[f]);
  if (step.kind === 'grade') {
    put(INPUT.difference, a.reflection.difference);
    put(INPUT.grade, a.grade);
  }
  if (step.kind === 'actions') {
    a.actions.forEach((action, i) => {
      put(INPUT.actionWhat(i + 1), action.what);
      put(INPUT.actionWho(i + 1), action.who);
      put(INPUT.actionElse(i + 1), action.whoElse);
      put(INPUT.actionBy(i + 1), action.by);
    });
  }
  return out;
}
