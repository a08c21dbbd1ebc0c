/**
 * "I am worried about this child's safety now", through the real store: the alert goes at once to
 * the practitioner's manager and the head of service, is recorded, needs an acknowledgement from
 * one of them, and escalates once if nobody acknowledges within 4 working hours.
 */
import type { Services } from '../../../../src/app/root';
import type { Audit } from '../../../../src/domain/audit';
import { emptyAnswers } from '../../../../src/domain/audit';
import { DEFAULT_PROGRAMME } from '../../../../src/domain/audit-programme';
import {
  acknowledgeAuditWorry,
  escalateAuditWorries,
  openAudit,
  raiseWorry,
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
  status: 'in-progress',
  standards: DEFAULT_PROGRAMME.standards,
  answers: emptyAnswers(),
  step: 'standards-2',
  revision: 3,
  actions: [],
  worryIds: [],
};

beforeEach(async () => {
  services = await testServices();
  await seedAuthority(services, new Date('2026-11-23T09:00:00Z'));
  await services.store.audits.audits.createIfAbsent(audit);
  // Monday 7 December, 10:32 in London (UTC in winter).
  deps = auditDeps(services, '2026-12-07T10:32:00Z');
});
afterEach(() => disposeServices(services));

async function raise(inputs: Record<string, unknown> = {}) {
  const card = (await openAudit(deps, { actorId: 'M2', data: { audit: AUDIT_ID } })).card;
  return raiseWorry(deps, { actorId: 'M2', data: { ...buttonData(card, 'audit-worry'), ...inputs } });
}
const worries = () => services.store.audits.worries.query();

describe('raising a worry', () => {
  it('alerts the practitioner’s manager and the head of service at once, and records who, when and which child', async () => {
    const reply = await raise({ 'answer-identity': 'no', 'comment-identity': 'Not asked about' });
    expect(reply.outcome).toBe('worry-raised');
    expect(cardText(reply.card)).toContain(
      'Your worry has gone to Patti Fernandez and Lynne Robbins, who are asked to acknowledge it.',
    );
    // The step comes back as it was typed, not saved by the worry.
    expect(cardInputs(reply.card)).toMatchObject({
      'answer-identity': 'no',
      'comment-identity': 'Not asked about',
    });
    expect((await services.store.audits.findAudit(AUDIT_ID))?.answers.standards).toEqual({});
    expect(deps.sent.map((m) => [m.to, m.kind, m.preview])).toEqual([
      ['M1', 'audit-worry', 'A worry about a child’s safety, raised during an audit'],
      ['H1', 'audit-worry', 'A worry about a child’s safety, raised during an audit'],
    ]);
    const alert = cardText(deps.sent[0]!.card);
    expect(alert).toContain(
      'Sam Taylor is auditing Amira K.’s record and is worried about their safety now. They raised it at 10:32 on Monday 7 December.',
    );
    expect(alert).toContain('https://records.example/child/C1');
    expect(await worries()).toEqual([
      expect.objectContaining({
        id: `worry:${AUDIT_ID}:1`,
        childId: 'C1',
        raisedBy: 'M2',
        raisedAt: '2026-12-07T10:32:00.000Z',
        notified: ['M1', 'H1'],
      }),
    ]);
    const log = await services.store.activity.query("c.action = 'audit.worry-raised'");
    expect(log).toHaveLength(1);
    expect(JSON.stringify(log)).not.toMatch(/Amira|Khan/);
  });

  it('raises one worry when the button is pressed twice', async () => {
    await raise();
    deps.at('2026-12-07T10:35:00Z');
    await raise();
    expect(await worries()).toHaveLength(1);
    expect(new Set(deps.sent.map((m) => m.id)).size).toBe(2);
  });

  it('is for the auditor alone', async () => {
    const reply = await raiseWorry(deps, { actorId: 'P1', data: { audit: AUDIT_ID, step: 'facts', rev: 3 } });
    expect(reply.outcome).toBe('not-yours');
    expect(await worries()).toEqual([]);
    expect(deps.sent).toEqual([]);
  });
});

describe('acknowledging', () => {
  it('records the first person it went to who acknowledges, and tells the auditor', async () => {
    await raise();
    deps.sent.length = 0;
    const worryId = `worry:${AUDIT_ID}:1`;
    const stranger = await acknowledgeAuditWorry(deps, { actorId: 'P2', data: { worry: worryId } });
    expect(stranger.outcome).toBe('not-yours');
    expect(cardText(stranger.card)).toContain(
      'This worry went to other people, so Hearth has not changed anything.',
    );
    deps.at('2026-12-07T10:40:00Z');
    const mine = await acknowledgeAuditWorry(deps, { actorId: 'H1', data: { worry: worryId } });
    expect(mine.outcome).toBe('acknowledged');
    expect(cardText(mine.card)).toContain('Acknowledged by Lynne Robbins at 10:40 on Monday 7 December.');
    expect(deps.sent.map((m) => [m.to, m.kind])).toEqual([['M2', 'audit-worry-acknowledged']]);
    const second = await acknowledgeAuditWorry(deps, { actorId: 'M1', data: { worry: worryId } });
    expect(second.outcome).toBe('already');
    expect(cardText(second.card)).toContain('Acknowledged by Lynne Robbins');
    expect((await worries())[0]).toMatchObject({
      acknowledgedBy: 'H1',
      acknowledgedAt: '2026-12-07T10:40:00.000Z',
    });
  });

  it.each([{}, { worry: 'worry:nope:1' }, null])('answers %j kindly', async (data) => {
    expect((await acknowledgeAuditWorry(deps, { actorId: 'H1', data })).outcome).toBe('gone');
  });
});

describe('escalating', () => {
  it('escalates once, after 4 working hours with nobody acknowledging, to the heads of service and named people', async () => {
    deps = {
      ...deps,
      programme: { ...DEFAULT_PROGRAMME, worries: { ...DEFAULT_PROGRAMME.worries, escalateTo: ['Q1'] } },
    };
    await raise();
    deps.sent.length = 0;
    deps.at('2026-12-07T14:31:00Z');
    expect(await escalateAuditWorries(deps)).toEqual({ escalated: [] });
    deps.at('2026-12-07T14:32:00Z');
    expect(await escalateAuditWorries(deps)).toEqual({ escalated: [`worry:${AUDIT_ID}:1`] });
    expect(deps.sent.map((m) => [m.to, m.kind]).sort()).toEqual([
      ['H1', 'audit-worry-escalation'],
      ['M1', 'audit-worry-escalation'],
      ['Q1', 'audit-worry-escalation'],
    ]);
    expect(cardText(deps.sent[0]!.card)).toContain('Nobody has acknowledged it within 4 working hours');
    deps.at('2026-12-07T16:00:00Z');
    expect(await escalateAuditWorries(deps)).toEqual({ escalated: [] });
    // Someone it escalated to can acknowledge it.
    const reply = await acknowledgeAuditWorry(deps, {
      actorId: 'Q1',
      data: { worry: `worry:${AUDIT_ID}:1` },
    });
    expect(reply.outcome).toBe('acknowledged');
  });

  it('counts working hours only: raised late on a Friday, it escalates on Monday', async () => {
    deps.at('2026-12-11T16:00:00Z');
    await raise();
    deps.at('2026-12-14T11:59:00Z');
    expect((await escalateAuditWorries(deps)).escalated).toEqual([]);
    deps.at('2026-12-14T12:00:00Z');
    expect((await escalateAuditWorries(deps)).escalated).toHaveLength(1);
  });

  it('never escalates a worry someone acknowledged', async () => {
    await raise();
    await acknowledgeAuditWorry(deps, { actorId: 'M1', data: { worry: `worry:${AUDIT_ID}:1` } });
    deps.at('2026-12-08T17:00:00Z');
    expect(await escalateAuditWorries(deps)).toEqual({ escalated: [] });
  });
});
