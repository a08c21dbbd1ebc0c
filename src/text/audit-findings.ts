/**
 * "What audits found", in words: the lines of the manager's digest section, and the words of the
 * quality board's one-page summary. Digest lines escape names and quoted words for the card here
 * (escape.ts); the summary page escapes through `html` (src/text/html.ts).
 */
import type { Grade } from '../domain/audit';
import { GRADES } from '../domain/audit';
import type { AuditFindings, StandardTally } from '../domain/audit-findings';
import { escapeCardText } from './escape';
import { spokenDate } from './spoken-date';
import { plural } from './grammar';
import type { IsoDate } from '../domain/types';
import { clip, listed } from './audit';
import { GRADE_NAMES, standardText } from './audit-standards';

export interface LateAudit {
  auditorName: string;
  childName: string;
  dueDate: IsoDate;
}

const quote = (text: string, max = 160) => `“${clip(text.replace(/\s+/g, ' ').trim(), max)}”`;
const asked = (t: StandardTally) => t.yes + t.partly + t.no;

export function gradeCounts(grades: Record<Grade, number>): string {
  return listed(GRADES.filter((g) => grades[g] > 0).map((g) => `${GRADE_NAMES[g]} ${grades[g]}`));
}

/** The digest's "What audits found" lines, strengths first, ready for the card. */
export function auditDigestLines(
  findings: AuditFindings,
  late: readonly LateAudit[],
  today: IsoDate,
): string[] {
  const lines: string[] = [];
  for (const s of findings.strengths) lines.push(`Working well: ${escapeCardText(quote(s.text))}`);
  if (findings.due > 0) {
    lines.push(
      `${findings.done} of the ${plural(findings.due, 'audit', 'audits')} due by ${spokenDate(findings.to, today)} ${findings.done === 1 ? 'is' : 'are'} done.`,
    );
  }
  const graded = GRADES.reduce((n, g) => n + findings.grades[g], 0);
  if (graded > 0) lines.push(`Grades: ${gradeCounts(findings.grades)}.`);
  for (const t of findings.mostMet)
    lines.push(`Most often met: ${quote(standardText(t.standard), 90)} (yes in ${t.yes} of ${asked(t)}).`);
  for (const t of findings.leastMet)
    lines.push(`Least often met: ${quote(standardText(t.standard), 90)} (yes in ${t.yes} of ${asked(t)}).`);
  if (findings.openActions > 0) {
    lines.push(
      `${plural(findings.openActions, 'action from audits is', 'actions from audits are')} open${findings.actionsNotDoneByDate > 0 ? `; ${findings.actionsNotDoneByDate} ${findings.actionsNotDoneByDate === 1 ? 'has' : 'have'} not been done by ${findings.actionsNotDoneByDate === 1 ? 'its' : 'their'} date` : ''}.`,
    );
  }
  for (const a of late) {
    lines.push(
      `${escapeCardText(a.auditorName)}’s audit of ${escapeCardText(a.childName)}’s record was due by ${spokenDate(a.dueDate, today)} and is not submitted yet.`,
    );
  }
  if (findings.moderation.moderated > 0) {
    lines.push(
      `Moderators agreed with ${findings.moderation.agreed} of ${plural(findings.moderation.moderated, 'grade', 'grades')}.`,
    );
  }
  return lines;
}

export const SUMMARY_WORDS = {
  title: (monthName: string) => `What audits found: ${monthName}`,
  done: (done: number, due: number) => `Audits done: ${done} of ${due} due.`,
  noneDue: 'No audits were due this month.',
  grades: 'Grades',
  gradeColumn: 'Grade',
  auditsColumn: 'Audits',
  standards: 'Standards',
  standardColumn: 'Standard',
  answerColumns: ['Yes', 'Partly', 'No', 'Not applicable'] as const,
  strengths: 'What is working well, in the auditors’ words',
  noStrengths: 'No audits were submitted this month.',
  actions: 'Actions',
  actionsLine: (open: number, late: number) =>
    `${plural(open, 'action is', 'actions are')} open; ${late} ${late === 1 ? 'has' : 'have'} not been done by ${late === 1 ? 'its' : 'their'} date.`,
  moderation: 'Moderation',
  moderationLine: (agreed: number, moderated: number) =>
    moderated === 0
      ? 'No audits have been moderated yet.'
      : `Moderators agreed with ${agreed} of ${plural(moderated, 'grade', 'grades')}.`,
  footer: (made: IsoDate) => `Made by Hearth on ${spokenDate(made)}, from the audits auditors submitted.`,
  lang: 'en-GB',
} as const;
