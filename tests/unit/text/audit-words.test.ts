/**
 * Every sentence, heading, button and preview the audit cards show, run through the language
 * check with realistic and hostile names; names and the auditor's words always escaped.
 */
import type { AuditProblem, FieldRef } from '../../../src/domain/audit-steps';
import { GRADES } from '../../../src/domain/audit';
import { DEFAULT_PROGRAMME } from '../../../src/domain/audit-programme';
import { CHILD_FLAGS, CHILD_KINDS } from '../../../src/domain/types';
import { checkLines, factLines, listed, noticeLine, problemLine, STEP_WORDS } from '../../../src/text/audit';
import { auditDigestLines, SUMMARY_WORDS } from '../../../src/text/audit-findings';
import {
  ACTION_WORDS,
  ASSIGNMENT_WORDS,
  LEARNING_WORDS,
  MODERATION_WORDS,
  NOTE_WORDS,
  WORRY_WORDS,
} from '../../../src/text/audit-messages';
import {
  ANSWER_NAMES,
  GRADE_MEANINGS,
  GRADE_NAMES,
  pickReasonText,
  standardText,
} from '../../../src/text/audit-standards';
import { escapeCardText } from '../../../src/text/escape';
import { checkLanguage } from '../../../src/text/language-check';

const NAMES = [
  'Amira K.',
  'Zoë Ó.',
  'Casey L.',
  'مريم ع.',
  '[Click me](https://evil.example)',
  '*bold* _it_ `code` # > ~',
  '${$root.auditId}',
  '=HYPERLINK("http://x")',
  '<script>alert(1)</script>',
  'A'.repeat(120),
];
const TODAY = '2026-12-07';
const AT = new Date('2026-12-07T10:32:00Z');

/** Calls every catalogue entry with every name: strings and functions alike. */
function sentences(name: string, withDigest = true): string[] {
  const out: string[] = [];
  const call = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(call);
    else if (typeof value === 'object' && value) Object.values(value).forEach(call);
  };
  call(Object.values(STEP_WORDS).filter((v) => typeof v === 'string'));
  call(STEP_WORDS.title(name));
  call(STEP_WORDS.factsIntro(name));
  call(STEP_WORDS.whoChoices(name));
  DEFAULT_PROGRAMME.standards.forEach((s, i) => call(STEP_WORDS.answerLabel(i + 1, s)));
  for (let row = 1; row <= 3; row++)
    call([
      STEP_WORDS.actionWhat(row),
      STEP_WORDS.actionWho(row),
      STEP_WORDS.actionElse(row),
      STEP_WORDS.actionBy(row),
    ]);
  const facts = [
    {
      asOf: TODAY,
      visits: { done: 4, onTime: 3, late: 1, unknown: 0, nextDue: '2026-12-14' },
      lastSeenAlone: '2026-10-22',
      familyNetworkMeeting: '2026-10-01',
      openItems: 3,
      notDoneYet: 1,
      lastReview: '2026-11-03',
      daysSinceLastReview: 34,
    },
    { asOf: TODAY, visits: { done: 1, onTime: 0, late: 0, unknown: 1 }, openItems: 1, notDoneYet: 0 },
    { asOf: TODAY, visits: { done: 0, onTime: 0, late: 0, unknown: 0 }, openItems: 0, notDoneYet: 0 },
    {
      asOf: TODAY,
      visits: { done: 2, onTime: 2, late: 0, unknown: 0 },
      openItems: 5,
      notDoneYet: 3,
      lastReview: '2026-12-06',
      daysSinceLastReview: 1,
    },
  ];
  for (const f of facts) call(factLines(f, name));
  const refs: FieldRef[] = [
    { field: 'facts' },
    { field: 'standard-answer', position: 3 },
    { field: 'standard-comment', position: 10 },
    { field: 'workingWell' },
    { field: 'worried' },
    { field: 'needsToHappen' },
    { field: 'difference' },
    { field: 'grade' },
    { field: 'action-what', row: 1 },
    { field: 'action-who', row: 2 },
    { field: 'action-else', row: 3 },
    { field: 'action-by', row: 1 },
  ];
  const problems: AuditProblem[] = [
    ...refs.flatMap((at): AuditProblem[] => [
      { code: 'too-long', at, limit: 1000, length: 1240 },
      { code: 'not-a-choice', at },
      { code: 'not-a-date', at },
      { code: 'date-passed', at },
      { code: 'needed', at },
    ]),
    { code: 'facts-unconfirmed' },
    { code: 'grade-needs-standards', positions: [2] },
    { code: 'grade-needs-standards', positions: [2, 7, 9] },
    { code: 'needs-grade' },
    { code: 'needs-working-well' },
  ];
  call(problems.map(problemLine));
  call([
    noticeLine({ kind: 'saved' }),
    noticeLine({ kind: 'changed-elsewhere' }),
    noticeLine({ kind: 'malformed' }),
    noticeLine({ kind: 'worry-sent', names: [name] }),
    noticeLine({ kind: 'worry-sent', names: [] }),
  ]);
  call(
    checkLines({
      answered: 7,
      standards: 10,
      grade: GRADE_NAMES.good,
      actions: 2,
      workingWell: `${name} is heard.`,
    }),
  );
  call(checkLines({ answered: 0, standards: 10, actions: 0 }));
  call(checkLines({ answered: 10, standards: 10, actions: 1 }));
  call([ANSWER_NAMES, GRADE_MEANINGS, DEFAULT_PROGRAMME.standards.map(standardText)]);
  call(CHILD_KINDS.map((k) => pickReasonText({ method: 'stratified', by: 'kind', childKind: k })));
  call(CHILD_FLAGS.map((flag) => pickReasonText({ method: 'themed', theme: { flag } })));
  call(CHILD_KINDS.map((childKind) => ASSIGNMENT_WORDS.theme({ childKind })));
  call([
    pickReasonText({ method: 'random' }),
    pickReasonText({ method: 'ad-hoc' }),
    pickReasonText({ method: 'stratified', by: 'practitioner' }),
    pickReasonText({ method: 'themed', theme: { notSeenAlone: true } }),
  ]);
  call([
    ASSIGNMENT_WORDS.preview('2026-12', 1),
    ASSIGNMENT_WORDS.preview('2026-12', 3),
    ASSIGNMENT_WORDS.title('2026-12'),
    ASSIGNMENT_WORDS.intro('2026-12-22', TODAY),
    ASSIGNMENT_WORDS.why('random'),
    ASSIGNMENT_WORDS.status.assigned,
    ASSIGNMENT_WORDS.status['in-progress'],
    ASSIGNMENT_WORDS.status.submitted('2026-12-15', TODAY),
    ASSIGNMENT_WORDS.start,
    ASSIGNMENT_WORDS.carryOn,
    ASSIGNMENT_WORDS.none,
  ]);
  call([
    WORRY_WORDS.preview,
    WORRY_WORDS.escalationPreview,
    WORRY_WORDS.title(name),
    WORRY_WORDS.escalationTitle(name),
    WORRY_WORDS.lines({ auditor: `${name} Taylor`, childName: name, raisedAt: AT, today: TODAY }),
    WORRY_WORDS.escalationLine(4),
    WORRY_WORDS.escalationLine(1),
    WORRY_WORDS.acknowledge,
    WORRY_WORDS.acknowledged(name, AT, TODAY),
    WORRY_WORDS.record,
    WORRY_WORDS.notYours,
  ]);
  call([
    LEARNING_WORDS.preview,
    LEARNING_WORDS.copyPreview,
    LEARNING_WORDS.title(name),
    LEARNING_WORDS.intro(name, name),
    LEARNING_WORDS.copyIntro(name, name, name),
    LEARNING_WORDS.workingWell,
    LEARNING_WORDS.worried,
    LEARNING_WORDS.needsToHappen,
    LEARNING_WORDS.difference,
    LEARNING_WORDS.grade,
    GRADES.map(LEARNING_WORDS.gradeLine),
    LEARNING_WORDS.standards,
    LEARNING_WORDS.standardsLine(7, 2, 1, 0),
    LEARNING_WORDS.standardsLine(7, 1, 1, 1),
    LEARNING_WORDS.actions,
    LEARNING_WORDS.actionLine(`Ask ${name}'s school`, name, '2027-01-08', TODAY),
    LEARNING_WORDS.nothing,
    LEARNING_WORDS.reflectionLabel,
    LEARNING_WORDS.send(name),
    LEARNING_WORDS.sent(name, TODAY, TODAY),
    LEARNING_WORDS.reflectionEmpty,
    LEARNING_WORDS.reflectionTooLong(3000, 1000),
    LEARNING_WORDS.notYours,
    LEARNING_WORDS.reflectionPreview,
    LEARNING_WORDS.reflectionTitle(name, name),
  ]);
  call([
    MODERATION_WORDS.preview,
    MODERATION_WORDS.title(name),
    GRADES.map((g) => [
      MODERATION_WORDS.summary(name, g),
      MODERATION_WORDS.agree(g),
      MODERATION_WORDS.agreed(g),
      MODERATION_WORDS.regraded(g),
    ]),
    MODERATION_WORDS.regradeLabel,
    MODERATION_WORDS.reasonLabel,
    MODERATION_WORDS.regrade,
    MODERATION_WORDS.needsReason,
    MODERATION_WORDS.needsOtherGrade,
    MODERATION_WORDS.reasonTooLong(1200, 1000),
    MODERATION_WORDS.notYours,
    MODERATION_WORDS.notSubmitted,
  ]);
  call([
    ACTION_WORDS.preview,
    ACTION_WORDS.title,
    ACTION_WORDS.line(name, 'Update the chronology', '2027-01-08', TODAY),
    ACTION_WORDS.line(name, 'Genogram', '2026-12-01', TODAY),
    ACTION_WORDS.done,
    ACTION_WORDS.doneLine(TODAY, TODAY),
    ACTION_WORDS.notYours,
    ACTION_WORDS.gone,
  ]);
  call([
    NOTE_WORDS.nudgePreview,
    NOTE_WORDS.nudgeTitle,
    NOTE_WORDS.nudge(name, '2026-12-22', TODAY),
    NOTE_WORDS.open,
    NOTE_WORDS.notAuditor,
    NOTE_WORDS.gone,
    NOTE_WORDS.alreadySubmitted('2026-12-15', TODAY),
    NOTE_WORDS.submittedPreview,
    NOTE_WORDS.submittedTitle,
    NOTE_WORDS.submitted(name, name, 2),
    NOTE_WORDS.submitted(name, undefined, 0),
    NOTE_WORDS.otherAudits(0),
    NOTE_WORDS.otherAudits(2),
    NOTE_WORDS.myAudits,
    NOTE_WORDS.adHocNotManager,
    NOTE_WORDS.adHocNotFound(name),
    NOTE_WORDS.adHocSeveral([name, name]),
    NOTE_WORDS.adHocClosed,
    NOTE_WORDS.themeSet('2027-01', { flag: 'neglect' }),
    NOTE_WORDS.themeNotHead,
    NOTE_WORDS.themeTooLate('2027-01'),
    NOTE_WORDS.themeUnknown,
    NOTE_WORDS.reflectionPreview,
  ]);
  const tally = (id: string, yes: number) => ({
    standard: { id, required: true },
    yes,
    partly: 1,
    no: 1,
    notApplicable: 0,
    metShare: 0.5,
  });
  if (withDigest)
    call(
      auditDigestLines(
        {
          from: '2026-12-01',
          to: '2026-12-31',
          due: 4,
          done: 3,
          grades: { outstanding: 1, good: 2, 'requires-improvement': 1, inadequate: 0 },
          standards: [],
          mostMet: [tally('seen-and-heard', 9)],
          leastMet: [tally('genogram', 2)],
          strengths: [{ auditId: 'a', text: `${name} trusts her worker.` }],
          openActions: 2,
          actionsNotDoneByDate: 1,
          notSubmitted: [],
          moderation: { moderated: 5, agreed: 4 },
        },
        [{ auditorName: name, childName: name, dueDate: '2026-12-22' }],
        TODAY,
      ),
    );
  call(Object.values(SUMMARY_WORDS).filter((v) => typeof v === 'string'));
  call(SUMMARY_WORDS.title('December 2026'));
  call([
    SUMMARY_WORDS.done(3, 4),
    SUMMARY_WORDS.actionsLine(1, 1),
    SUMMARY_WORDS.actionsLine(3, 0),
    SUMMARY_WORDS.moderationLine(0, 0),
    SUMMARY_WORDS.footer(TODAY),
  ]);
  return out;
}

describe('the audit words', () => {
  it.each(NAMES)('pass the language check with the name %s', (name) => {
    const all = sentences(name);
    expect(all.length).toBeGreaterThan(200);
    const problems = all.flatMap((s) => checkLanguage(s).map((p) => `${p.term} in: ${s}`));
    expect(problems).toEqual([]);
  });

  it('never leave a name from outside as a link or formatting', () => {
    const all = sentences('[Click me](https://evil.example)').join('\n');
    expect(all).not.toContain('[Click me](');
    expect(all).toContain(escapeCardText('[Click me](https://evil.example)'));
  });

  it('keep the four grade names as Ofsted gives them', () => {
    expect(GRADES.map((g) => GRADE_NAMES[g])).toEqual([
      'Outstanding',
      'Good',
      'Requires improvement to be good',
      'Inadequate',
    ]);
  });

  it('keep children’s names out of every lock-screen preview', () => {
    const previews = [
      ASSIGNMENT_WORDS.preview('2026-12', 2),
      WORRY_WORDS.preview,
      WORRY_WORDS.escalationPreview,
      LEARNING_WORDS.preview,
      LEARNING_WORDS.copyPreview,
      MODERATION_WORDS.preview,
      ACTION_WORDS.preview,
      NOTE_WORDS.nudgePreview,
      NOTE_WORDS.submittedPreview,
      NOTE_WORDS.reflectionPreview,
      STEP_WORDS.preview,
    ];
    for (const preview of previews) expect(preview).not.toMatch(/Amira|Zo|\[|\{/);
  });

  it('say a list the way people do', () => {
    expect([listed([]), listed(['a']), listed(['a', 'b']), listed(['a', 'b', 'c'])]).toEqual([
      '',
      'a',
      'a and b',
      'a, b and c',
    ]);
  });
});
