/**
 * The case audit as data (DOMAIN.md section 3): one document per child audited, from the monthly
 * assignment through the auditor's draft, submission, the practitioner's reflection, the actions
 * that follow and moderation. Pure types and small helpers; the steps, facts, worries, deadlines,
 * moderation and findings are sibling modules.
 */
import type { AuditFacts } from './audit-facts';
import type { AuditStandard, AuditTheme } from './audit-programme';
import type { ChildKind, IsoDate, IsoInstant } from './types';

/** Ofsted's four-point scale, best first. The names stay Ofsted's (src/text/audit-standards.ts). */
export const GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export type Grade = (typeof GRADES)[number];

export const ANSWERS = ['yes', 'partly', 'no', 'not-applicable'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Who an agreed action is for; "other" names someone outside Hearth, followed up by the manager. */
export const ACTION_OWNERS = ['practitioner', 'manager', 'auditor', 'other'] as const;
export type ActionOwner = (typeof ACTION_OWNERS)[number];

/** Why a child was picked, so the auditor (and the quality board) can see the sample is fair. */
export type PickReason =
  | { method: 'random' }
  | { method: 'stratified'; by: 'kind'; childKind: ChildKind }
  | { method: 'stratified'; by: 'practitioner' }
  | { method: 'themed'; theme: AuditTheme }
  | { method: 'ad-hoc' };

export interface StandardAnswer {
  answer?: Answer;
  comment?: string;
}

export interface AuditReflection {
  workingWell?: string;
  worried?: string;
  needsToHappen?: string;
  /** "What difference is our work making for this child?" */
  difference?: string;
}

export interface ActionDraft {
  what: string;
  who: ActionOwner;
  /** The name of the person, when `who` is "other". */
  whoElse?: string;
  by: IsoDate;
}

export interface AuditAction extends ActionDraft {
  /** `1`, `2`...: stable within the audit. */
  id: string;
  /** Who sees it as an item with its date: the practitioner, manager or auditor. */
  ownerId: string;
  doneAt?: IsoInstant;
  doneBy?: string;
}

export interface AuditAnswers {
  facts?: { right: boolean; correction?: string };
  standards: Record<string, StandardAnswer>;
  reflection: AuditReflection;
  grade?: Grade;
  actions: ActionDraft[];
}

export const AUDIT_STATUSES = ['assigned', 'in-progress', 'submitted'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

export interface ModerationOutcome {
  agreed: boolean;
  /** The moderator's grade: the same as the auditor's when they agree. */
  grade: Grade;
  reason?: string;
  at: IsoInstant;
}

export interface Audit {
  /** `audit:2026-12:C1001` (monthly) or `audit:adhoc:2026-12-03:C1001`. */
  id: string;
  /** The child's team when the audit began: the partition. */
  teamId: string;
  childId: string;
  childKind: ChildKind;
  practitionerId?: string;
  auditorId: string;
  /** `yyyy-MM`: the programme month it belongs to. */
  month: string;
  origin: 'monthly' | 'ad-hoc';
  reason: PickReason;
  assignedOn: IsoDate;
  dueDate: IsoDate;
  status: AuditStatus;
  /** The standards asked, fixed when the audit began, so a programme change never strands answers. */
  standards: AuditStandard[];
  answers: AuditAnswers;
  /** What Hearth knew when the auditor confirmed the facts, kept with the audit. */
  facts?: AuditFacts;
  /** The step the auditor reached, to resume on any device. */
  step: string;
  /** Goes up by one with every save: a card carries the revision it showed. */
  revision: number;
  savedAt?: IsoInstant;
  submittedAt?: IsoInstant;
  actions: AuditAction[];
  reflection?: { text: string; at: IsoInstant };
  moderation?: { moderatorId: string; selectedOn: IsoDate; outcome?: ModerationOutcome };
  /** When the auditor had the gentle nudge about the due date. */
  nudgedOn?: IsoDate;
  worryIds: string[];
}

/** The id of a month's audit of a child: one a child a month, so assigning twice writes nothing new. */
export const monthlyAuditId = (month: string, childId: string) => `audit:${month}:${childId}`;
export const adHocAuditId = (date: IsoDate, childId: string) => `audit:adhoc:${date}:${childId}`;

export const emptyAnswers = (): AuditAnswers => ({ standards: {}, reflection: {}, actions: [] });

/** `2026-12` -> a number that counts months, so months can be compared and subtracted. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const monthOf = (date: IsoDate) => date.slice(0, 7);

/** The months of the calendar quarter a month falls in (January to March...). */
export function quarterMonths(month: string): string[] {
  const first = monthIndex(month) - (monthIndex(month) % 3);
  return [first, first + 1, first + 2].map(monthFromIndex);
}

/** The last day of a month. */
export function monthEnd(month: string): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function isAnswered(answers: AuditAnswers, standardId: string): boolean {
  return answers.standards[standardId]?.answer !== undefined;
}

/** The position (1-based) of each required standard without an answer. */
export function unansweredRequired(audit: Pick<Audit, 'standards' | 'answers'>): number[] {
  return audit.standards
    .map((s, i) => (s.required && !isAnswered(audit.answers, s.id) ? i + 1 : 0))
    .filter((n) => n > 0);
}

/** One audit in the history sampling looks back over. */
export interface AuditHistoryEntry {
  childId: string;
  month: string;
  auditorId: string;
  practitionerId?: string;
  childKind: ChildKind;
}
