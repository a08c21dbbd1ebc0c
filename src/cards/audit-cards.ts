/**
 * The audit's cards besides the steps: the monthly assignment, the worry alert, the learning back
 * to the practitioner (and the supervisor's copy), moderation, an action as an item, and a short
 * note. View model in, Adaptive Card JSON out, through the templates in cards/. Buttons carry ids
 * only (`audit`, `worry`, `action`), never names.
 */
import type { Audit, AuditAction, Grade, PickReason } from '../domain/audit';
import { GRADES } from '../domain/audit';
import type { AuditTheme } from '../domain/audit-programme';
import type { AuditWorry } from '../domain/audit-worry';
import type { IsoDate } from '../domain/types';
import {
  ACTION_WORDS,
  ASSIGNMENT_WORDS,
  LEARNING_WORDS,
  MODERATION_WORDS,
  WORRY_WORDS,
} from '../text/audit-messages';
import { GRADE_NAMES, pickReasonText } from '../text/audit-standards';
import { escapeCardText } from '../text/escape';
import { renderCard } from './render';

export interface AssignmentView {
  month: string;
  today: IsoDate;
  dueDate: IsoDate;
  theme?: AuditTheme;
  /** A line at the top, already in words (for example after "Finish later"). */
  notice?: string;
  items: {
    auditId: string;
    teamId: string;
    childName: string;
    reason: PickReason;
    status: Audit['status'];
    submittedOn?: IsoDate;
  }[];
}

export function renderAuditAssignmentCard(v: AssignmentView): Record<string, unknown> {
  return renderCard('audit-assignment', {
    preview: ASSIGNMENT_WORDS.preview(v.month, v.items.length),
    title: ASSIGNMENT_WORDS.title(v.month),
    notice: v.notice ?? '',
    intro: v.items.length === 0 ? ASSIGNMENT_WORDS.none : ASSIGNMENT_WORDS.intro(v.dueDate, v.today),
    theme: v.theme ? ASSIGNMENT_WORDS.theme(v.theme) : '',
    children: v.items.map((item) => ({
      name: escapeCardText(item.childName),
      why: ASSIGNMENT_WORDS.why(pickReasonText(item.reason)),
      status:
        item.status === 'submitted'
          ? ASSIGNMENT_WORDS.status.submitted(item.submittedOn ?? v.today, v.today)
          : ASSIGNMENT_WORDS.status[item.status],
      buttonTitle:
        item.status === 'submitted'
          ? ''
          : item.status === 'in-progress'
            ? ASSIGNMENT_WORDS.carryOn
            : ASSIGNMENT_WORDS.start,
      auditId: item.auditId,
      teamId: item.teamId,
    })),
  });
}

export interface WorryView {
  worry: AuditWorry;
  childName: string;
  auditorName: string;
  recordUrl: string;
  today: IsoDate;
  /** The escalation, sent when nobody acknowledged in time. */
  escalation?: { hours: number };
  acknowledgedByName?: string;
  /** A refusal to show in place (someone the worry did not go to pressed the button). */
  refusal?: string;
}

export function renderAuditWorryCard(v: WorryView): Record<string, unknown> {
  const lines = WORRY_WORDS.lines({
    auditor: v.auditorName,
    childName: v.childName,
    raisedAt: new Date(v.worry.raisedAt),
    today: v.today,
  });
  if (v.escalation) lines.push(WORRY_WORDS.escalationLine(v.escalation.hours));
  const acknowledged = v.worry.acknowledgedAt
    ? WORRY_WORDS.acknowledged(v.acknowledgedByName ?? '', new Date(v.worry.acknowledgedAt), v.today)
    : '';
  return renderCard('audit-worry', {
    preview: v.escalation ? WORRY_WORDS.escalationPreview : WORRY_WORDS.preview,
    title: v.escalation ? WORRY_WORDS.escalationTitle(v.childName) : WORRY_WORDS.title(v.childName),
    lines: lines.map((line) => ({ line })),
    notice: v.refusal ?? acknowledged,
    noticeColor: v.refusal ? 'Warning' : 'Good',
    acknowledgeTitle: v.worry.acknowledgedAt ? '' : WORRY_WORDS.acknowledge,
    worryId: v.worry.id,
    recordTitle: WORRY_WORDS.record,
    recordUrl: v.recordUrl,
  });
}

export interface LearningView {
  audit: Audit;
  childName: string;
  auditorName: string;
  practitionerName: string;
  /** The supervisor's copy: no reply box. */
  forSupervisor: boolean;
  /** Who does each action, in words ("you" on the practitioner's own card). */
  ownerWords: (action: AuditAction) => string;
  today: IsoDate;
  maxLength: number;
  reflectionValue?: string;
  /** A line in words: sent, or what to fix. */
  notice?: { text: string; good: boolean };
}

const para = (text: string | undefined) => [{ line: text ? escapeCardText(text) : LEARNING_WORDS.nothing }];

export function renderAuditLearningCard(v: LearningView): Record<string, unknown> {
  const { answers } = v.audit;
  const count = (answer: string) =>
    v.audit.standards.filter((s) => answers.standards[s.id]?.answer === answer).length;
  const sections = [
    { title: LEARNING_WORDS.workingWell, lines: para(answers.reflection.workingWell) },
    { title: LEARNING_WORDS.worried, lines: para(answers.reflection.worried) },
    { title: LEARNING_WORDS.needsToHappen, lines: para(answers.reflection.needsToHappen) },
    { title: LEARNING_WORDS.difference, lines: para(answers.reflection.difference) },
    ...(answers.grade
      ? [{ title: LEARNING_WORDS.grade, lines: [{ line: LEARNING_WORDS.gradeLine(answers.grade) }] }]
      : []),
    {
      title: LEARNING_WORDS.standards,
      lines: [
        {
          line: LEARNING_WORDS.standardsLine(
            count('yes'),
            count('partly'),
            count('no'),
            count('not-applicable'),
          ),
        },
      ],
    },
    ...(v.audit.actions.length > 0
      ? [
          {
            title: LEARNING_WORDS.actions,
            lines: v.audit.actions.map((a) => ({
              line: LEARNING_WORDS.actionLine(a.what, v.ownerWords(a), a.by, v.today),
            })),
          },
        ]
      : []),
  ];
  const sent = v.audit.reflection !== undefined;
  return renderCard('audit-learning', {
    preview: v.forSupervisor ? LEARNING_WORDS.copyPreview : LEARNING_WORDS.preview,
    title: LEARNING_WORDS.title(v.childName),
    intro: v.forSupervisor
      ? LEARNING_WORDS.copyIntro(v.practitionerName, v.auditorName, v.childName)
      : LEARNING_WORDS.intro(v.auditorName, v.childName),
    sections,
    notice:
      v.notice?.text ??
      (sent && !v.forSupervisor
        ? LEARNING_WORDS.sent(v.auditorName, v.audit.reflection!.at.slice(0, 10), v.today)
        : ''),
    noticeColor: v.notice && !v.notice.good ? 'Attention' : 'Good',
    canReflect: !v.forSupervisor && !sent,
    reflectionLabel: LEARNING_WORDS.reflectionLabel,
    reflectionValue: v.reflectionValue ?? '',
    maxLength: v.maxLength,
    sendTitle: LEARNING_WORDS.send(v.auditorName),
    auditId: v.audit.id,
    teamId: v.audit.teamId,
  });
}

export interface ModerationView {
  audit: Audit;
  childName: string;
  auditorName: string;
  today: IsoDate;
  maxLength: number;
  values?: { grade?: string; reason?: string };
  /** A line in words: what to fix, or a refusal. */
  problem?: string;
}

export function renderAuditModerationCard(v: ModerationView): Record<string, unknown> {
  const grade = v.audit.answers.grade as Grade;
  const outcome = v.audit.moderation?.outcome;
  const { reflection } = v.audit.answers;
  const quoted = [reflection.workingWell, reflection.worried, reflection.needsToHappen].filter(
    Boolean,
  ) as string[];
  return renderCard('audit-moderation', {
    preview: MODERATION_WORDS.preview,
    title: MODERATION_WORDS.title(v.childName),
    lines: [MODERATION_WORDS.summary(v.auditorName, grade), ...quoted.map(escapeCardText)].map((line) => ({
      line,
    })),
    notice:
      v.problem ??
      (outcome
        ? outcome.agreed
          ? MODERATION_WORDS.agreed(outcome.grade)
          : MODERATION_WORDS.regraded(outcome.grade)
        : ''),
    noticeColor: v.problem ? 'Attention' : 'Good',
    open: !outcome,
    auditId: v.audit.id,
    teamId: v.audit.teamId,
    agreeTitle: MODERATION_WORDS.agree(grade),
    gradeLabel: MODERATION_WORDS.regradeLabel,
    gradeValue: v.values?.grade ?? '',
    gradePlaceholder: '',
    grades: GRADES.filter((g) => g !== grade).map((g) => ({ title: GRADE_NAMES[g], value: g })),
    reasonLabel: MODERATION_WORDS.reasonLabel,
    reasonValue: v.values?.reason ?? '',
    maxLength: v.maxLength,
    regradeTitle: MODERATION_WORDS.regrade,
  });
}

export interface ActionView {
  audit: Pick<Audit, 'id' | 'teamId'>;
  action: AuditAction;
  childName: string;
  today: IsoDate;
  refusal?: string;
}

export function renderAuditActionCard(v: ActionView): Record<string, unknown> {
  const done = v.action.doneAt ? ACTION_WORDS.doneLine(v.action.doneAt.slice(0, 10), v.today) : '';
  return renderCard('audit-action', {
    preview: ACTION_WORDS.preview,
    title: ACTION_WORDS.title,
    sentence: ACTION_WORDS.line(v.childName, v.action.what, v.action.by, v.today),
    notice: v.refusal ?? done,
    noticeColor: v.refusal ? 'Warning' : 'Good',
    doneTitle: v.action.doneAt ? '' : ACTION_WORDS.done,
    auditId: v.audit.id,
    teamId: v.audit.teamId,
    actionId: v.action.id,
  });
}

export interface NoteView {
  preview: string;
  title: string;
  /** Already in words and escaped (from src/text). */
  lines: string[];
  buttons?: { title: string; verb: string; audit: string; team: string }[];
}

export function renderAuditNoteCard(v: NoteView): Record<string, unknown> {
  return renderCard('audit-note', {
    preview: v.preview,
    title: v.title,
    lines: v.lines.map((line) => ({ line })),
    buttons: v.buttons ?? [],
  });
}
