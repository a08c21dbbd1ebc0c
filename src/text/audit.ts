/**
 * The words of an audit's steps on a phone: headings, labels, the facts Hearth knows, buttons,
 * the line that says what to fix when a step is refused, and the notices (saved, changed
 * elsewhere, worry sent). Pure functions; names and the auditor's own words from outside are
 * escaped with `escapeCardText` here, so the cards never escape by hand. Checked by the language test.
 */
import type { AuditFacts } from '../domain/audit-facts';
import type { AuditStandard } from '../domain/audit-programme';
import type { AuditProblem, AuditStep, FieldRef } from '../domain/audit-steps';
import { spokenDate } from './spoken-date';
import { plural } from './grammar';
import { escapeCardText } from './escape';
import { standardText } from './audit-standards';

export { ANSWER_NAMES, GRADE_MEANINGS, GRADE_NAMES, pickReasonText, standardText } from './audit-standards';

/** "a, b and c". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) as string}`;
}

const possessive = (name: string) => `${name}’s`;

export const STEP_WORDS = {
  title: (childName: string) => `Audit: ${escapeCardText(childName)}`,
  progress(step: AuditStep, index: number, total: number, standardCount: number): string {
    const what: Record<AuditStep['kind'], string> = {
      facts: 'what Hearth knows',
      standards: standardRange(step.page ?? 1, standardCount),
      reflection: 'reflection',
      grade: 'the difference and the grade',
      actions: 'actions',
      check: 'check and submit',
    };
    return `Step ${index + 1} of ${total}: ${what[step.kind]}`;
  },
  factsIntro: (childName: string) =>
    `What Hearth knows about ${escapeCardText(childName)} from the record. Please check it against the record.`,
  factsRight: 'These facts are right',
  factsCorrection: 'Anything not right? Say what is different',
  answerLabel: (position: number, standard: AuditStandard) => `${position}. ${standardText(standard)}`,
  answerPlaceholder: 'Choose an answer',
  commentLabel: 'Comment (optional)',
  workingWell: 'What’s working well?',
  worried: 'What are we worried about?',
  needsToHappen: 'What needs to happen?',
  difference: 'What difference is our work making for this child?',
  gradeLabel: 'Grade',
  gradePlaceholder: 'Choose a grade',
  actionsIntro: 'Agree up to three actions. Each becomes an item, with its date, for the person who does it.',
  actionWhat: (row: number) => `Action ${row}: what will happen`,
  actionWho: (row: number) => `Action ${row}: who does it`,
  actionElse: (row: number) => `Action ${row}: their name, if someone else`,
  actionBy: (row: number) => `Action ${row}: by when`,
  whoChoices: (practitionerFirstName: string) => ({
    practitioner: `The practitioner (${escapeCardText(practitionerFirstName)})`,
    manager: 'Their manager',
    auditor: 'Me',
    other: 'Someone else',
  }),
  checkIntro:
    'Here is the audit as saved. Submit it when you are happy: the practitioner and their supervisor will get the learning.',
  next: 'Save and continue',
  back: 'Back',
  later: 'Finish later',
  submit: 'Submit the audit',
  worry: 'I am worried about this child’s safety now',
  worryConfirmTitle: 'Yes, tell them now',
  worryConfirm:
    'Hearth will tell the practitioner’s manager and the head of service straight away, and ask them to acknowledge it. Please also follow your safeguarding procedure as usual.',
  problemsTitle: 'Please check this step:',
  preview: 'Your audit, saved as you go',
} as const;

function standardRange(page: number, count: number): string {
  const first = (page - 1) * 3 + 1;
  const last = Math.min(count, first + 2);
  return first === last ? `standard ${first}` : `standards ${first} to ${last}`;
}

/** What Hearth knows, one line each, for the auditor to confirm or correct. */
export function factLines(facts: AuditFacts, childName: string): string[] {
  const name = escapeCardText(childName);
  const v = facts.visits;
  const when = (date: string) => spokenDate(date, facts.asOf);
  const lines = [
    v.done === 0
      ? `Hearth has no visits to ${name} in the last 3 months.`
      : `${name} was visited ${v.done === 1 ? 'once' : `${v.done} times`} in the last 3 months: ${visitTiming(v)}.`,
  ];
  if (v.nextDue) lines.push(`The next visit is due by ${when(v.nextDue)}.`);
  lines.push(
    facts.lastSeenAlone
      ? `${name} was last seen alone on ${when(facts.lastSeenAlone)}.`
      : `Hearth has no record of ${name} being seen alone.`,
  );
  lines.push(
    facts.familyNetworkMeeting
      ? `A family network meeting was held on ${when(facts.familyNetworkMeeting)}.`
      : 'Hearth has no family network meeting in the record.',
  );
  lines.push(
    facts.openItems === 0
      ? `Nothing is due for ${name} right now.`
      : `${plural(facts.openItems, 'thing is', 'things are')} due for ${name}; ${facts.notDoneYet === 0 ? 'none is past its date' : `${facts.notDoneYet} ${facts.notDoneYet === 1 ? 'has' : 'have'} not happened by ${facts.notDoneYet === 1 ? 'its' : 'their'} date yet`}.`,
  );
  lines.push(
    facts.lastReview && facts.daysSinceLastReview !== undefined
      ? `${possessive(name)} last review was ${plural(facts.daysSinceLastReview, 'day', 'days')} ago, on ${when(facts.lastReview)}.`
      : `Hearth has no review for ${name} in the record.`,
  );
  return lines;
}

function visitTiming(v: AuditFacts['visits']): string {
  const parts = [];
  if (v.onTime > 0) parts.push(`${v.onTime} on time`);
  if (v.late > 0) parts.push(`${v.late} later than the plan said`);
  if (v.unknown > 0) parts.push(`${v.unknown} Hearth cannot check against a date`);
  return listed(parts);
}

function fieldName(at: FieldRef): string {
  switch (at.field) {
    case 'facts':
      return 'What is different';
    case 'standard-answer':
      return `The answer to standard ${at.position}`;
    case 'standard-comment':
      return `The comment on standard ${at.position}`;
    case 'workingWell':
      return '“What’s working well?”';
    case 'worried':
      return '“What are we worried about?”';
    case 'needsToHappen':
      return '“What needs to happen?”';
    case 'difference':
      return '“What difference is our work making?”';
    case 'grade':
      return 'The grade';
    case 'action-what':
      return `What will happen for action ${at.row}`;
    case 'action-who':
      return `Who does action ${at.row}`;
    case 'action-else':
      return `The name for action ${at.row}`;
    case 'action-by':
      return `The date for action ${at.row}`;
  }
}

/** One clear line for each thing to fix on a refused step. */
export function problemLine(problem: AuditProblem): string {
  switch (problem.code) {
    case 'too-long':
      return `${fieldName(problem.at)} is ${problem.length.toLocaleString('en-GB')} characters long; the most is ${problem.limit.toLocaleString('en-GB')}. Please shorten it.`;
    case 'not-a-choice':
      return `${fieldName(problem.at)} needs to be one of the choices on the card.`;
    case 'not-a-date':
      return `${fieldName(problem.at)} needs to be a real date.`;
    case 'date-passed':
      return `${fieldName(problem.at)} has already passed; please choose today or later.`;
    case 'needed':
      return `${fieldName(problem.at)} is missing; please fill it in.`;
    case 'facts-unconfirmed':
      return 'Please tick “These facts are right”, or say what is different.';
    case 'grade-needs-standards':
      return `A grade needs every standard answered first: ${problem.positions.length === 1 ? 'standard' : 'standards'} ${listed(problem.positions.map(String))} ${problem.positions.length === 1 ? 'has' : 'have'} no answer yet.`;
    case 'needs-grade':
      return 'Please choose a grade.';
    case 'needs-working-well':
      return 'Please say what’s working well: the learning starts there.';
  }
}

export type StepNotice =
  | { kind: 'saved' }
  | { kind: 'changed-elsewhere' }
  | { kind: 'malformed' }
  | { kind: 'worry-sent'; names: string[] };

export function noticeLine(notice: StepNotice): string {
  switch (notice.kind) {
    case 'saved':
      return 'Saved.';
    case 'changed-elsewhere':
      return 'This audit changed on another device since this card was shown, so nothing you typed was saved. Here is the latest; please check it and carry on.';
    case 'malformed':
      return 'That did not come through properly, so nothing changed. Here is the audit as it was saved.';
    case 'worry-sent':
      return `Your worry has gone to ${names(notice.names)}, who are asked to acknowledge it. Carry on with the audit when you are ready; nothing on this step was saved yet.`;
  }
}

const names = (list: readonly string[]) =>
  list.length > 0 ? listed(list.map(escapeCardText)) : 'the head of service';

/** The last step's summary of the draft. */
export function checkLines(summary: {
  answered: number;
  standards: number;
  grade?: string;
  actions: number;
  workingWell?: string;
}): string[] {
  return [
    `Standards answered: ${summary.answered} of ${summary.standards}.`,
    summary.grade ? `Grade: ${summary.grade}.` : 'No grade yet.',
    summary.actions === 0 ? 'No actions agreed.' : `${plural(summary.actions, 'action', 'actions')} agreed.`,
    summary.workingWell
      ? `What’s working well: ${escapeCardText(clip(summary.workingWell, 200))}`
      : 'Nothing yet on what’s working well.',
  ];
}

/** At most `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
