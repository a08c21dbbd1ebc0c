/**
 * One step of an audit as an Adaptive Card that fits a phone: the heading and progress, what to
 * fix (when a step was refused, with the inputs filled with what was typed), the step's inputs,
 * and its buttons. Buttons carry only the audit id, the step, the revision shown and where to go.
 */
import type { Audit } from '../domain/audit';
import { ANSWERS, GRADES, isAnswered } from '../domain/audit';
import type { AuditFacts } from '../domain/audit-facts';
import type { AuditProblem, AuditStep } from '../domain/audit-steps';
import { auditSteps, INPUT, MAX_ACTIONS, REFLECTION_FIELDS, standardsOn } from '../domain/audit-steps';
import type { IsoDate } from '../domain/types';
import type { StepNotice } from '../text/audit';
import { checkLines, factLines, noticeLine, problemLine, STEP_WORDS } from '../text/audit';
import { ANSWER_NAMES, GRADE_MEANINGS, GRADE_NAMES } from '../text/audit-standards';
import { renderCard } from './render';

export interface AuditStepView {
  audit: Audit;
  step: AuditStep;
  childName: string;
  practitionerFirstName: string;
  today: IsoDate;
  /** For the facts step. */
  facts?: AuditFacts;
  /** What the inputs show: what was typed (a refused step) or what was saved. */
  values: Readonly<Record<string, string>>;
  problems: readonly AuditProblem[];
  notice?: StepNotice;
  commentMaxLength: number;
}

type Field =
  | { kind: 'heading'; text: string }
  | {
      kind: 'choice';
      id: string;
      label: string;
      value: string;
      style: 'compact' | 'expanded';
      placeholder: string;
      choices: { title: string; value: string }[];
    }
  | { kind: 'text'; id: string; label: string; value: string; multiline: boolean; maxLength: number }
  | { kind: 'date'; id: string; label: string; value: string; min: IsoDate }
  | { kind: 'toggle'; id: string; label: string; value: string };

const text = (
  v: AuditStepView,
  id: string,
  label: string,
  max = v.commentMaxLength,
  multiline = true,
): Field => ({
  kind: 'text',
  id,
  label,
  value: v.values[id] ?? '',
  multiline,
  maxLength: max,
});

function fieldsFor(v: AuditStepView): Field[] {
  const { step } = v;
  if (step.kind === 'facts') {
    return [
      {
        kind: 'toggle',
        id: INPUT.factsRight,
        label: STEP_WORDS.factsRight,
        value: v.values[INPUT.factsRight] ?? 'false',
      },
      text(v, INPUT.factsCorrection, STEP_WORDS.factsCorrection),
    ];
  }
  if (step.kind === 'standards') {
    return standardsOn(v.audit, step).flatMap(({ standard, position }): Field[] => [
      {
        kind: 'choice',
        id: INPUT.answer(standard.id),
        label: STEP_WORDS.answerLabel(position, standard),
        value: v.values[INPUT.answer(standard.id)] ?? '',
        style: 'compact',
        placeholder: STEP_WORDS.answerPlaceholder,
        choices: ANSWERS.map((a) => ({ title: ANSWER_NAMES[a], value: a })),
      },
      text(v, INPUT.comment(standard.id), STEP_WORDS.commentLabel),
    ]);
  }
  if (step.kind === 'reflection') return REFLECTION_FIELDS.map((f) => text(v, INPUT[f], STEP_WORDS[f]));
  if (step.kind === 'grade') {
    return [
      text(v, INPUT.difference, STEP_WORDS.difference),
      {
        kind: 'choice',
        id: INPUT.grade,
        label: STEP_WORDS.gradeLabel,
        value: v.values[INPUT.grade] ?? '',
        style: 'expanded',
        placeholder: STEP_WORDS.gradePlaceholder,
        choices: GRADES.map((g) => ({ title: `${GRADE_NAMES[g]}: ${GRADE_MEANINGS[g]}`, value: g })),
      },
    ];
  }
  if (step.kind === 'actions') return actionFields(v);
  return [];
}

function actionFields(v: AuditStepView): Field[] {
  const who = STEP_WORDS.whoChoices(v.practitionerFirstName);
  return Array.from({ length: MAX_ACTIONS }, (_, i) => i + 1).flatMap((row): Field[] => [
    text(v, INPUT.actionWhat(row), STEP_WORDS.actionWhat(row), 300, false),
    {
      kind: 'choice',
      id: INPUT.actionWho(row),
      label: STEP_WORDS.actionWho(row),
      value: v.values[INPUT.actionWho(row)] ?? 'practitioner',
      style: 'compact',
      placeholder: '',
      choices: (['practitioner', 'manager', 'auditor', 'other'] as const).map((w) => ({
        title: who[w],
        value: w,
      })),
    },
    text(v, INPUT.actionElse(row), STEP_WORDS.actionElse(row), 100, false),
    {
      kind: 'date',
      id: INPUT.actionBy(row),
      label: STEP_WORDS.actionBy(row),
      value: v.values[INPUT.actionBy(row)] ?? '',
      min: v.today,
    },
  ]);
}

function introFor(v: AuditStepView): { intro: string; lines: string[] } {
  if (v.step.kind === 'facts')
    return {
      intro: STEP_WORDS.factsIntro(v.childName),
      lines: v.facts ? factLines(v.facts, v.childName) : [],
    };
  if (v.step.kind === 'actions') return { intro: STEP_WORDS.actionsIntro, lines: [] };
  if (v.step.kind === 'check') {
    const a = v.audit.answers;
    return {
      intro: STEP_WORDS.checkIntro,
      lines: checkLines({
        answered: v.audit.standards.filter((s) => isAnswered(a, s.id)).length,
        standards: v.audit.standards.length,
        ...(a.grade ? { grade: GRADE_NAMES[a.grade] } : {}),
        actions: a.actions.length,
        ...(a.reflection.workingWell ? { workingWell: a.reflection.workingWell } : {}),
      }),
    };
  }
  return { intro: '', lines: [] };
}

export function renderAuditStepCard(v: AuditStepView): Record<string, unknown> {
  const steps = auditSteps(v.audit.standards);
  const index = steps.findIndex((s) => s.id === v.step.id);
  const { intro, lines } = introFor(v);
  const isCheck = v.step.kind === 'check';
  return renderCard('audit-step', {
    preview: STEP_WORDS.preview,
    title: STEP_WORDS.title(v.childName),
    progress: STEP_WORDS.progress(v.step, index, steps.length, v.audit.standards.length),
    notice: v.notice ? noticeLine(v.notice) : '',
    noticeColor: v.notice?.kind === 'saved' || v.notice?.kind === 'worry-sent' ? 'Good' : 'Warning',
    problemsTitle: STEP_WORDS.problemsTitle,
    problems: v.problems.map((p) => ({ line: problemLine(p) })),
    intro,
    lines: lines.map((line) => ({ line })),
    fields: fieldsFor(v),
    auditId: v.audit.id,
    teamId: v.audit.teamId,
    step: v.step.id,
    rev: v.audit.revision,
    submitTitle: isCheck ? STEP_WORDS.submit : '',
    nextTitle: isCheck ? '' : STEP_WORDS.next,
    backTitle: index > 0 ? STEP_WORDS.back : '',
    laterTitle: STEP_WORDS.later,
    worryTitle: STEP_WORDS.worry,
    worryConfirm: STEP_WORDS.worryConfirm,
    worryConfirmTitle: STEP_WORDS.worryConfirmTitle,
  });
}
