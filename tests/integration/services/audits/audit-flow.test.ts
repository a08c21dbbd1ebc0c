/**
 * An audit from first step to learning, through the real store: each step saved as it goes,
 * refused steps coming back as typed, two devices on one audit, malformed and stale cards,
 * submission, the practitioner's learning and reflection, and actions closed with Done.
 */
import { escapeCardText } from '../../../../src/text/escape';
import type { Services } from '../../../../src/app/root';
import type { Audit } from '../../../../src/domain/audit';
import { emptyAnswers } from '../../../../src/domain/audit';
import { DEFAULT_PROGRAMME } from '../../../../src/domain/audit-programme';
import { INPUT } from '../../../../src/domain/audit-steps';
import type { AuditReply } from '../../../../src/services/audits';
import {
  addReflection,
  auditActionItems,
  closeAuditAction,
  openAudit,
  saveAuditStep,
  submitAudit,
} from '../../../../src/services/audits';
import { disposeServices, testServices } from '../../../support/services';
import { auditDeps, buttonData, cardInputs, cardText, seedAuthority } from '../../../support/audit-authority';
import type { TestDeps } from '../../../support/audit-authority';

let services: Services;
let deps: TestDeps;
const AUDIT_ID = 'audit:2026-12:C1';

const audit: Audit = {
  id: AUDIT_ID,
  teamId: 'T1',
  childId: 'C1',
  childKind: 'child-protection',
  practitionerId: 'P1',
  auditorId: 'M2',
  month: '2026-12',
  origin: 'monthly',
  reason: { method: 'random' },
  assignedOn: '2026-12-01',
  dueDate: '2026-12-22',
  status: 'assigned',
  standards: DEFAULT_PROGRAMME.standards,
  answers: emptyAnswers(),
  step: 'facts',
  revision: 0,
  actions: [],
  worryIds: [],
};

beforeEach(async () => {
  services = await testServices();
  await seedAuthority(services, new Date('2026-11-23T09:00:00Z'));
  await services.store.audits.audits.createIfAbsent(audit);
  deps = auditDeps(services, '2026-12-07T10:00:00Z');
});
afterEach(() => disposeServices(services));

const stored = async () => (await services.store.audits.findAudit(AUDIT_ID))!;
const save = (card: unknown, go: string, inputs: Record<string, unknown> = {}, actorId = 'M2') =>
  saveAuditStep(deps, { actorId, data: { ...buttonData(card, 'audit-save', go), ...inputs } });
const allYes = (ids: string[]) => Object.fromEntries(ids.map((id) => [INPUT.answer(id), 'yes']));

/** Opens the audit and walks it to the check step with good answers. */
async function walkToCheck(): Promise<AuditReply> {
  let reply = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } });
  reply = await save(reply.card, 'next', { factsRight: 'true' });
  for (const page of [0, 1, 2, 3]) {
    const ids = DEFAULT_PROGRAMME.standards.slice(page * 3, page * 3 + 3).map((s) => s.id);
    reply = await save(reply.card, 'next', allYes(ids));
  }
  reply = await save(reply.card, 'next', {
    workingWell: 'Amira trusts her worker and says so.',
    worried: 'No genogram.',
    needsToHappen: 'Draw the genogram with Amira.',
  });
  reply = await save(reply.card, 'next', { grade: 'good', difference: 'Amira is back at school.' });
  reply = await save(reply.card, 'next', {
    action1What: 'Draw the genogram with Amira',
    action1Who: 'practitioner',
    action1By: '2027-01-08',
    action2What: 'Invite the school to the core group',
    action2Who: 'other',
    action2Else: 'Ms Patel',
    action2By: '2027-01-15',
  });
  return reply;
}

describe('opening and saving steps', () => {
  it('opens at the facts Hearth knows, only for the auditor', async () => {
    const other = await openAudit(deps, { actorId: 'P1', data: { audit: AUDIT_ID } });
    expect(other.outcome).toBe('not-yours');
    expect(cardText(other.card)).toContain(
      'Only the person doing this audit can change it, so nothing has changed.',
    );
    const reply = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } });
    expect(reply.outcome).toBe('opened');
    const text = cardText(reply.card);
    expect(text).toContain('Step 1 of 9: what Hearth knows');
    expect(text).toContain('Amira K. was visited once in the last 3 months');
    expect(text).toContain('Amira K. was last seen alone on Friday 20 November.');
    expect(text).toContain('I am worried about this child’s safety now');
  });

  it('saves after every step and resumes where the auditor left off', async () => {
    const opened = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } });
    const next = await save(opened.card, 'next', { factsRight: 'true' });
    expect(next.outcome).toBe('saved');
    expect(cardText(next.card)).toContain('Saved.');
    expect(cardText(next.card)).toContain('Step 2 of 9: standards 1 to 3');
    expect(await stored()).toMatchObject({
      status: 'in-progress',
      step: 'standards-1',
      revision: 1,
      answers: { facts: { right: true } },
    });
    expect((await stored()).facts?.visits.done).toBe(1);
    const typed = await save(next.card, 'next', {
      [INPUT.answer('seen-and-heard')]: 'partly',
      [INPUT.comment('seen-and-heard')]: 'Seen alone once.',
    });
    const resumed = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } });
    expect(cardText(resumed.card)).toContain('Step 3 of 9: standards 4 to 6');
    const back = await save(typed.card, 'back');
    expect(cardInputs(back.card)).toMatchObject({
      [INPUT.answer('seen-and-heard')]: 'partly',
      [INPUT.comment('seen-and-heard')]: 'Seen alone once.',
    });
  });

  it('brings a refused step back as typed, with a line for each thing to fix, saving nothing', async () => {
    const opened = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } });
    const standards = await save(opened.card, 'next', { factsRight: 'true' });
    const typed = {
      [INPUT.answer('chronology')]: 'yes',
      [INPUT.comment('chronology')]: 'c'.repeat(1500),
      [INPUT.answer('genogram')]: 'maybe',
    };
    const refused = await save(standards.card, 'next', typed);
    expect(refused.outcome).toBe('refused');
    expect(cardInputs(refused.card)).toMatchObject(typed);
    const text = cardText(refused.card);
    expect(text).toContain(
      'The comment on standard 2 is 1,500 characters long; the most is 1,000. Please shorten it.',
    );
    expect(text).toContain('The answer to standard 3 needs to be one of the choices on the card.');
    expect(await stored()).toMatchObject({ step: 'standards-1', revision: 1, answers: { standards: {} } });
  });

  it('refuses a grade until every standard has an answer', async () => {
    await services.store.audits.audits.update(AUDIT_ID, 'T1', (a) => ({
      ...a,
      step: 'grade',
      status: 'in-progress',
      answers: { ...a.answers, standards: allYesAnswers(['risk', 'visits']) },
    }));
    const opened = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } });
    const refused = await save(opened.card, 'next', { grade: 'outstanding' });
    expect(refused.outcome).toBe('refused');
    expect(cardText(refused.card)).toContain(
      'A grade needs every standard answered first: standards 1, 2, 3, 4, 5, 6, 7 and 9 have no answer yet.',
    );
    expect((await stored()).answers.grade).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a revision that is not a number',
      { audit: AUDIT_ID, step: 'facts', rev: 'abc', go: 'next' },
      'malformed',
    ],
    ['no step', { audit: AUDIT_ID, rev: 0, go: 'next' }, 'malformed'],
    [
      'a step the audit does not have',
      { audit: AUDIT_ID, step: 'standards-9', rev: 0, go: 'next' },
      'malformed',
    ],
    [
      'an input that is not text',
      { audit: AUDIT_ID, step: 'facts', rev: 0, go: 'next', factsCorrection: { $gt: '' } },
      'malformed',
    ],
    ['a direction that is not one', { audit: AUDIT_ID, step: 'facts', rev: 0, go: 'sideways' }, 'malformed'],
    ['no audit', { step: 'facts', rev: 0, go: 'next' }, 'gone'],
    [
      'an audit that does not exist',
      { audit: 'audit:2026-12:nobody', step: 'facts', rev: 0, go: 'next' },
      'gone',
    ],
  ])('answers %s kindly and changes nothing', async (_, data, outcome) => {
    const reply = await saveAuditStep(deps, { actorId: 'M2', data });
    expect(reply.outcome).toBe(outcome);
    expect(cardText(reply.card)).toMatch(/did not come through properly|cannot find this audit/);
    expect(await stored()).toMatchObject({ revision: 0, status: 'assigned' });
  });

  it.each([null, 'text', [1, 2], 42])('answers data of %j kindly', async (data) => {
    expect((await saveAuditStep(deps, { actorId: 'M2', data })).outcome).toBe('gone');
  });

  it('finds the audit whatever team the card says, and still checks who is acting', async () => {
    for (const team of ['T2', 'nowhere', undefined]) {
      const reply = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID, team } });
      expect(reply.outcome).toBe('opened');
    }
    expect((await openAudit(deps, { actorId: 'P1', data: { audit: AUDIT_ID, team: 'T1' } })).outcome).toBe(
      'not-yours',
    );
  });

  it('refuses anyone but the auditor, changing nothing', async () => {
    const opened = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } });
    for (const actorId of ['P1', 'M1', undefined]) {
      const reply = await saveAuditStep(deps, {
        actorId,
        data: { ...buttonData(opened.card, 'audit-save', 'next'), factsRight: 'true' },
      });
      expect(reply.outcome).toBe('not-yours');
    }
    expect((await stored()).revision).toBe(0);
  });
});

const allYesAnswers = (except: string[]) =>
  Object.fromEntries(
    DEFAULT_PROGRAMME.standards
      .filter((s) => except.includes(s.id))
      .map((s) => [s.id, { answer: 'yes' as const }]),
  );

describe('two devices on one audit', () => {
  it('shows the second the latest and tells them, without overwriting', async () => {
    const phone = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } });
    const laptop = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } });
    await save(phone.card, 'next', { factsRight: 'false', factsCorrection: 'Seen on 3 December too.' });
    const late = await save(laptop.card, 'next', { factsRight: 'true' });
    expect(late.outcome).toBe('stale');
    expect(cardText(late.card)).toContain('This audit changed on another device since this card was shown');
    expect(cardInputs(late.card)).toMatchObject({
      factsRight: 'false',
      factsCorrection: 'Seen on 3 December too.',
    });
    expect(await stored()).toMatchObject({
      revision: 1,
      answers: { facts: { right: false, correction: 'Seen on 3 December too.' } },
    });
  });

  it('lets exactly one of two saves at once win', async () => {
    const card = (await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } })).card;
    const replies = await Promise.all([
      save(card, 'next', { factsRight: 'true' }),
      save(card, 'next', { factsRight: 'false', factsCorrection: 'Other device' }),
    ]);
    expect(replies.map((r) => r.outcome).sort()).toEqual(['saved', 'stale']);
    expect((await stored()).revision).toBe(1);
  });
});

describe('submitting', () => {
  it('sends the learning to the practitioner and a copy to their supervisor, and makes the actions items', async () => {
    const check = await walkToCheck();
    expect(cardText(check.card)).toContain('Step 9 of 9: check and submit');
    expect(cardText(check.card)).toContain('Standards answered: 10 of 10.');
    const reply = await submitAudit(deps, { actorId: 'M2', data: buttonData(check.card, 'audit-submit') });
    expect(reply.outcome).toBe('submitted');
    expect(cardText(reply.card)).toContain('Alex Wilber and their supervisor now have the learning');
    const done = await stored();
    expect(done).toMatchObject({ status: 'submitted', submittedAt: '2026-12-07T10:00:00.000Z' });
    expect(done.actions.map((a) => [a.id, a.ownerId, a.by])).toEqual([
      ['1', 'P1', '2027-01-08'],
      ['2', 'M1', '2027-01-15'],
    ]);
    expect(deps.sent.map((m) => [m.to, m.kind, m.preview])).toEqual([
      ['P1', 'audit-learning', 'What an audit of your work found, strengths first'],
      ['M1', 'audit-learning-copy', 'A copy of what an audit found, for someone you supervise'],
    ]);
    const learning = cardText(deps.sent[0]!.card);
    expect(learning.indexOf('Amira trusts her worker')).toBeLessThan(learning.indexOf('No genogram.'));
    expect(learning).toContain('Draw the genogram with Amira: you, by Friday 8 January 2027.');
    expect(learning).toContain('Invite the school to the core group: Ms Patel, by Friday 15 January 2027.');
    const items = await auditActionItems(deps, { personId: 'P1' });
    expect(items.map((i) => [i.key, i.dueDate, i.sentence])).toEqual([
      [
        `audit-action:${AUDIT_ID}:1`,
        '2027-01-08',
        'For Amira K.: Draw the genogram with Amira, by Friday 8 January 2027.',
      ],
    ]);
  });

  it('refuses to submit without a grade and strengths, saying what is missing', async () => {
    const opened = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID, step: 'check' } });
    const reply = await submitAudit(deps, { actorId: 'M2', data: buttonData(opened.card, 'audit-submit') });
    expect(reply.outcome).toBe('refused');
    expect(cardText(reply.card)).toContain('Please choose a grade.');
    expect(cardText(reply.card)).toContain('Please say what’s working well: the learning starts there.');
    expect((await stored()).status).toBe('assigned');
    expect(deps.sent).toEqual([]);
  });

  it('answers a card pressed after submission kindly, with what happened', async () => {
    const check = await walkToCheck();
    const oldStep = await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID, step: 'grade' } });
    await submitAudit(deps, { actorId: 'M2', data: buttonData(check.card, 'audit-submit') });
    const again = await submitAudit(deps, { actorId: 'M2', data: buttonData(check.card, 'audit-submit') });
    expect(again.outcome).toBe('stale');
    expect(cardText(again.card)).toContain(
      'This audit was submitted on Monday 7 December, so it cannot change now.',
    );
    const late = await save(oldStep.card, 'next', { grade: 'inadequate' });
    expect(late.outcome).toBe('stale');
    expect((await stored()).answers.grade).toBe('good');
    expect(deps.sent).toHaveLength(2);
  });
});

describe('after submission', () => {
  beforeEach(async () => {
    const check = await walkToCheck();
    await submitAudit(deps, { actorId: 'M2', data: buttonData(check.card, 'audit-submit') });
    deps.sent.length = 0;
  });

  it('takes the practitioner’s reflection once and sends it to the auditor', async () => {
    expect(
      (await addReflection(deps, { actorId: 'M1', data: { audit: AUDIT_ID, reflection: 'Hi' } })).outcome,
    ).toBe('not-yours');
    const empty = await addReflection(deps, { actorId: 'P1', data: { audit: AUDIT_ID, reflection: '   ' } });
    expect(empty.outcome).toBe('refused');
    expect(cardText(empty.card)).toContain('Please write something before sending.');
    const long = await addReflection(deps, {
      actorId: 'P1',
      data: { audit: AUDIT_ID, reflection: 'r'.repeat(1001) },
    });
    expect(cardText(long.card)).toContain('Your reflection is 1,001 characters long; the most is 1,000.');
    expect(cardInputs(long.card).reflection).toBe('r'.repeat(1001));
    const sent = await addReflection(deps, {
      actorId: 'P1',
      data: { audit: AUDIT_ID, reflection: 'Amira’s nan is the one who [matters](https://x).' },
    });
    expect(sent.outcome).toBe('sent');
    expect(cardText(sent.card)).toContain('You sent your reflection to Sam on Monday 7 December. Thank you.');
    expect(deps.sent.map((m) => [m.to, m.kind])).toEqual([['M2', 'audit-reflection']]);
    expect(cardText(deps.sent[0]!.card)).toContain(
      escapeCardText('Amira’s nan is the one who [matters](https://x).'),
    );
    const twice = await addReflection(deps, {
      actorId: 'P1',
      data: { audit: AUDIT_ID, reflection: 'Again' },
    });
    expect(twice.outcome).toBe('stale');
    expect((await stored()).reflection?.text).toBe('Amira’s nan is the one who [matters](https://x).');
  });

  it('closes an action with Done, only for its owner, once', async () => {
    const data = { audit: AUDIT_ID, action: '1' };
    const other = await closeAuditAction(deps, { actorId: 'M2', data });
    expect(other.outcome).toBe('not-yours');
    expect(cardText(other.card)).toContain('This action is someone else’s to close');
    const done = await closeAuditAction(deps, { actorId: 'P1', data });
    expect(done.outcome).toBe('done');
    expect(cardText(done.card)).toContain('Done on Monday 7 December. Thank you.');
    expect((await closeAuditAction(deps, { actorId: 'P1', data })).outcome).toBe('stale');
    expect(await auditActionItems(deps, { personId: 'P1' })).toEqual([]);
    expect(
      (await closeAuditAction(deps, { actorId: 'P1', data: { audit: AUDIT_ID, action: '9' } })).outcome,
    ).toBe('gone');
  });
});
