/**
 * The words of the audit's other cards: the monthly assignment, the worry alert and its
 * escalation, the learning back to the practitioner (strengths first) and their reflection, the
 * moderation card, an action as an item, and the short notes (a nudge, a refusal, a thank-you).
 * Lock-screen previews never name a child. Outside text is escaped here with `escapeCardText`.
 */
import type { Grade } from '../domain/audit';
import type { AuditTheme } from '../domain/audit-programme';
import { londonTime } from '../domain/dates';
import { spokenDate } from './spoken-date';
import { plural } from './grammar';
import type { IsoDate } from '../domain/types';
import { listed } from './audit';
import { GRADE_MEANINGS, GRADE_NAMES, themeName } from './audit-standards';
import { escapeCardText } from './escape';

const e = escapeCardText;
const monthName = (month: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

export const ASSIGNMENT_WORDS = {
  preview: (month: string, n: number) =>
    `Your audits for ${monthName(month)}: ${plural(n, 'child', 'children')}`,
  title: (month: string) => `Your audits for ${monthName(month)}`,
  intro: (dueDate: IsoDate, today: IsoDate) =>
    `Thank you for auditing this month. An audit looks at the difference our work is making for each child, and finds strengths first. Please finish by ${spokenDate(dueDate, today)}.`,
  theme: (theme: AuditTheme) => `This month’s theme: ${themeName(theme)}.`,
  why: (reason: string) => `Why this child: ${reason}.`,
  status: {
    assigned: 'Not started yet.',
    'in-progress': 'Started: carry on where you left off.',
    submitted: (on: IsoDate, today: IsoDate) => `Submitted on ${spokenDate(on, today)}. Thank you.`,
  },
  start: 'Start',
  carryOn: 'Carry on',
  none: 'You have no audits this month.',
  savedForLater: 'Saved. Carry on whenever you are ready: the audit opens where you left it, on any device.',
} as const;

export const WORRY_WORDS = {
  preview: 'A worry about a child’s safety, raised during an audit',
  escalationPreview: 'A worry about a child’s safety has not been acknowledged yet',
  title: (childName: string) => `A worry about ${e(childName)}’s safety`,
  escalationTitle: (childName: string) => `Not acknowledged yet: a worry about ${e(childName)}’s safety`,
  lines: (w: { auditor: string; childName: string; raisedAt: Date; today: IsoDate }) => [
    `${e(w.auditor)} is auditing ${e(w.childName)}’s record and is worried about their safety now. They raised it at ${londonTime(w.raisedAt)} on ${spokenDate(londonDay(w.raisedAt), w.today)}.`,
    `Please speak to ${e(firstOf(w.auditor))} today and act under your safeguarding procedure. Acknowledge it here so everyone can see someone has it.`,
  ],
  escalationLine: (hours: number) =>
    `Nobody has acknowledged it within ${plural(hours, 'working hour', 'working hours')}, so Hearth is telling more people.`,
  acknowledge: 'I have this',
  acknowledged: (who: string, at: Date, today: IsoDate) =>
    `Acknowledged by ${e(who)} at ${londonTime(at)} on ${spokenDate(londonDay(at), today)}.`,
  record: 'Open the record',
  notYours: 'This worry went to other people, so Hearth has not changed anything.',
} as const;

const londonDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at);
const firstOf = (name: string) => name.split(' ')[0] ?? name;

export const LEARNING_WORDS = {
  preview: 'What an audit of your work found, strengths first',
  copyPreview: 'A copy of what an audit found, for someone you supervise',
  title: (childName: string) => `What the audit of your work with ${e(childName)} found`,
  intro: (auditor: string, childName: string) =>
    `${e(auditor)} audited ${e(childName)}’s record. Thank you for your work with them. Here is what the audit found, starting with what is working well.`,
  copyIntro: (practitioner: string, auditor: string, childName: string) =>
    `A copy for you as ${e(practitioner)}’s supervisor. ${e(auditor)} audited ${e(childName)}’s record; here is what they found, starting with what is working well.`,
  workingWell: 'What’s working well',
  worried: 'What we are worried about',
  needsToHappen: 'What needs to happen',
  difference: 'The difference our work is making',
  grade: 'Grade',
  gradeLine: (grade: Grade) => `${GRADE_NAMES[grade]}: ${GRADE_MEANINGS[grade]}`,
  standards: 'Standards',
  standardsLine: (met: number, partly: number, notYet: number, notApplicable: number) =>
    `Met: ${met}. Partly met: ${partly}. Not met yet: ${notYet}.${notApplicable > 0 ? ` Not applicable: ${notApplicable}.` : ''}`,
  actions: 'Actions agreed',
  actionLine: (what: string, who: string, by: IsoDate, today: IsoDate) =>
    `${e(what)}: ${e(who)}, by ${spokenDate(by, today)}.`,
  nothing: 'Nothing written here.',
  you: 'you',
  reflectionLabel: 'What I’d like you to know about this child’s story',
  send: (auditor: string) => `Send to ${e(firstOf(auditor))}`,
  sent: (auditor: string, on: IsoDate, today: IsoDate) =>
    `You sent your reflection to ${e(firstOf(auditor))} on ${spokenDate(on, today)}. Thank you.`,
  reflectionEmpty: 'Please write something before sending.',
  reflectionTooLong: (length: number, limit: number) =>
    `Your reflection is ${length.toLocaleString('en-GB')} characters long; the most is ${limit.toLocaleString('en-GB')}. Please shorten it.`,
  notYours: 'Only the practitioner whose work was audited can reply here, so nothing has changed.',
  reflectionPreview: 'A practitioner replied to your audit',
  reflectionTitle: (practitioner: string, childName: string) =>
    `${e(practitioner)} replied to your audit of ${e(childName)}’s record`,
} as const;

export const MODERATION_WORDS = {
  preview: 'An audit to moderate',
  title: (childName: string) => `Moderation: the audit of ${e(childName)}’s record`,
  summary: (auditor: string, grade: Grade) => `${e(auditor)} graded it ${GRADE_NAMES[grade]}.`,
  agree: (grade: Grade) => `Agree: ${GRADE_NAMES[grade]}`,
  regradeLabel: 'Or give another grade',
  reasonLabel: 'Why this grade?',
  regrade: 'Regrade',
  agreed: (grade: Grade) => `You agreed with the grade: ${GRADE_NAMES[grade]}. Thank you.`,
  regraded: (grade: Grade) => `You regraded this audit as ${GRADE_NAMES[grade]}. Thank you.`,
  needsReason: 'Please say why you would grade it differently.',
  needsOtherGrade: 'Please choose a grade that differs from the auditor’s, or agree with theirs.',
  reasonTooLong: (length: number, limit: number) =>
    `The reason is ${length.toLocaleString('en-GB')} characters long; the most is ${limit.toLocaleString('en-GB')}. Please shorten it.`,
  notYours: 'This audit is for another moderator, so nothing has changed.',
  notSubmitted: 'This audit has not been submitted yet, so there is nothing to moderate.',
} as const;

export const ACTION_WORDS = {
  preview: 'An action from an audit',
  title: 'An action from an audit',
  line: (childName: string, what: string, by: IsoDate, today: IsoDate) =>
    by < today
      ? `For ${e(childName)}: ${e(what)}. This was due by ${spokenDate(by, today)} and is not done yet.`
      : `For ${e(childName)}: ${e(what)}, by ${spokenDate(by, today)}.`,
  done: 'Done',
  doneLine: (on: IsoDate, today: IsoDate) => `Done on ${spokenDate(on, today)}. Thank you.`,
  notYours: 'This action is someone else’s to close, so nothing has changed.',
  gone: 'Hearth cannot find this action any more, so nothing has changed.',
} as const;

export const NOTE_WORDS = {
  audits: 'Audits',
  nudgePreview: 'A gentle reminder about an audit',
  nudgeTitle: 'A gentle reminder',
  nudge: (childName: string, due: IsoDate, today: IsoDate) =>
    `Your audit of ${e(childName)}’s record was due by ${spokenDate(due, today)}. Could you find time to finish it? It helps the practitioner learn what is working for ${e(childName)}.`,
  open: 'Open the audit',
  notAuditor: 'Only the person doing this audit can change it, so nothing has changed.',
  gone: 'Hearth cannot find this audit any more, so nothing has changed.',
  alreadySubmitted: (on: IsoDate, today: IsoDate) =>
    `This audit was submitted on ${spokenDate(on, today)}, so it cannot change now. Here is what happens next: the practitioner and their supervisor have the learning.`,
  submittedPreview: 'Your audit is submitted',
  submittedTitle: 'Thank you: the audit is submitted',
  submitted: (childName: string, practitioner: string | undefined, actions: number) =>
    `Your audit of ${e(childName)}’s record is submitted. ${practitioner ? `${e(practitioner)} and their supervisor now have the learning` : 'The learning has gone to the team’s manager'}${actions > 0 ? `, and ${plural(actions, 'action is', 'actions are')} on their way to the people who will do them` : ''}.`,
  otherAudits: (n: number) =>
    n === 0
      ? 'That was your last audit this month.'
      : `You have ${plural(n, 'more audit', 'more audits')} this month.`,
  myAudits: 'My audits',
  adHocNotManager: 'Only a manager can start an audit of a child in their teams.',
  adHocNotFound: (text: string) =>
    `Hearth could not find a child called “${e(text)}” in your teams. Try the number from their record.`,
  adHocSeveral: (names: readonly string[]) =>
    `More than one child matches: ${listed(names.map(e))}. Please use the number from their record.`,
  adHocClosed: 'Hearth has this child’s record as closed, so there is nothing to audit now.',
  themeSet: (month: string, theme: AuditTheme) =>
    `${monthName(month)} will have the theme ${themeName(theme)}.`,
  themeNotHead: 'Only a head of service can set a themed month.',
  themeTooLate: (month: string) =>
    `The audits for ${monthName(month)} have already gone out, so the theme cannot change now.`,
  themeUnknown: 'Hearth does not know that theme. Try flag:neglect, kind:child-in-care or not-seen-alone.',
  reflectionPreview: 'A practitioner replied to your audit',
  worryAcknowledgedPreview: 'Someone has your worry about a child',
  worryAcknowledgedTitle: 'Your worry is acknowledged',
  worryAcknowledged: (who: string, childName: string) =>
    `${e(who)} has acknowledged your worry about ${e(childName)}’s safety and is acting on it.`,
  aColleague: 'a colleague',
  moderationGone: 'This audit is not waiting for moderation, so nothing has changed.',
} as const;

export const spokenMonth = monthName;
