/**
 * The month's assignments through the real store: one card per auditor, the same audits however
 * often the timer runs, a head of service's theme, and the sample printed without writing.
 */
import { escapeCardText } from '../../../../src/text/escape';
import type { Services } from '../../../../src/app/root';
import { assignMonth, planMonth, setThemedMonth, startAdHocAudit } from '../../../../src/services/audits';
import { disposeServices, testServices } from '../../../support/services';
import { auditDeps, cardText, HOSTILE_CHILD, seedAuthority } from '../../../support/audit-authority';
import type { TestDeps } from '../../../support/audit-authority';

let services: Services;
let deps: TestDeps;

beforeEach(async () => {
  services = await testServices();
  await seedAuthority(services, new Date('2026-11-23T09:00:00Z'));
  deps = auditDeps(services, '2026-12-01T08:00:00Z');
});
afterEach(() => disposeServices(services));

describe('assignMonth', () => {
  it('writes the month’s audits and sends each auditor one card with the children, why, and the due date', async () => {
    const result = await assignMonth(deps, { month: '2026-12' });
    const audits = await services.store.audits.forMonth('2026-12');
    // Auditors: both managers and the quality lead, two each; C6 was allocated under four weeks ago.
    expect(result).toMatchObject({ month: '2026-12', audits: 5, auditors: 3, sent: 3, shortfall: 1 });
    expect(audits.map((a) => a.childId).sort()).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    for (const a of audits) {
      expect(a).toMatchObject({
        status: 'assigned',
        dueDate: '2026-12-22',
        assignedOn: '2026-12-01',
        step: 'facts',
      });
      if (a.auditorId === 'M1') expect(a.teamId).not.toBe('T1');
      if (a.auditorId === 'M2') expect(a.teamId).not.toBe('T2');
    }
    expect(deps.sent.map((m) => [m.to, m.kind, m.id])).toEqual(
      ['M1', 'M2', 'Q1'].map((id) => [id, 'audit-assignment', `${id}:2026-12-01:audit-assignment:2026-12`]),
    );
    const card = deps.sent.find((m) => m.to === 'Q1')!;
    expect(card.preview).toMatch(/^Your audits for December 2026: \d (child|children)$/);
    expect(cardText(card.card)).toContain('Please finish by Tuesday 22 December.');
    expect(cardText(card.card)).toMatch(/Why this child: (random|so .* looked at this quarter)\./);
    expect(JSON.stringify(deps.sent)).not.toContain('[Click](https');
  });

  it('writes and sends nothing new when the timer runs again, even after the children change', async () => {
    await assignMonth(deps, { month: '2026-12' });
    const first = await services.store.audits.forMonth('2026-12');
    await services.store.audits.audits.update(first[0]!.id, first[0]!.teamId, (a) => ({
      ...a,
      status: 'in-progress',
      revision: 1,
    }));
    await services.store.children.update('C1', 'T1', (c) => ({ ...c, closed: true }));
    deps.at('2026-12-02T08:00:00Z');
    const again = await assignMonth(deps, { month: '2026-12' });
    const second = await services.store.audits.forMonth('2026-12');
    expect(second.map((a) => a.id).sort()).toEqual(first.map((a) => a.id).sort());
    expect(second.find((a) => a.id === first[0]!.id)?.status).toBe('in-progress');
    expect(new Set(deps.sent.map((m) => m.id)).size).toBe(3);
    expect(again.audits).toBe(5);
  });

  it('sends only the cards asked for, so each auditor can have theirs at their morning time', async () => {
    await assignMonth(deps, { month: '2026-12', auditorIds: ['M2'] });
    expect(deps.sent.map((m) => m.to)).toEqual(['M2']);
    expect(await services.store.audits.forMonth('2026-12')).toHaveLength(5);
    await assignMonth(deps, { month: '2026-12', auditorIds: ['M1', 'Q1'] });
    expect(deps.sent.map((m) => m.to)).toEqual(['M2', 'M1', 'Q1']);
  });
});

describe('planMonth', () => {
  it('prints the same sample the assignment then writes, writing nothing itself', async () => {
    const plan = await planMonth(deps, '2026-12');
    expect(await services.store.audits.forMonth('2026-12')).toEqual([]);
    expect(await services.store.audits.month('2026-12')).toBeUndefined();
    await assignMonth(deps, { month: '2026-12' });
    const written = await services.store.audits.forMonth('2026-12');
    expect(written.map((a) => [a.childId, a.auditorId]).sort()).toEqual(
      plan.picks.map((p) => [p.childId, p.auditorId]).sort(),
    );
  });

  it('leaves out children audited in the last 12 months', async () => {
    await assignMonth(deps, { month: '2026-12' });
    const next = await planMonth({ ...deps }, '2027-01');
    expect(next.picks.map((p) => p.childId)).toEqual(['C6']);
  });
});

describe('setThemedMonth', () => {
  it('lets a head of service set a theme that the month then follows', async () => {
    const reply = await setThemedMonth(deps, {
      actorId: 'H1',
      month: '2026-12',
      theme: 'flag:neglect',
      share: 1,
    });
    expect(reply.outcome).toBe('set');
    expect(cardText(reply.card)).toContain('December 2026 will have the theme neglect.');
    await assignMonth(deps, { month: '2026-12' });
    const audits = await services.store.audits.forMonth('2026-12');
    expect(audits.find((a) => a.childId === 'C1')?.reason).toEqual({
      method: 'themed',
      theme: { flag: 'neglect' },
    });
    expect(cardText(deps.sent.find((m) => m.card && cardText(m.card).includes('Amira'))?.card)).toContain(
      'This month’s theme: neglect.',
    );
  });

  it.each([
    [
      'a manager',
      'M1',
      'flag:neglect',
      '2026-12',
      'not-yours',
      'Only a head of service can set a themed month.',
    ],
    ['someone unknown', 'nobody', 'flag:neglect', '2026-12', 'not-yours', 'Only a head of service'],
    ['an unknown theme', 'H1', 'flag:naughty', '2026-12', 'refused', 'Hearth does not know that theme.'],
    [
      'a month that is not one',
      'H1',
      'flag:neglect',
      '2026-13',
      'refused',
      'Hearth does not know that theme.',
    ],
  ])('refuses %s kindly', async (_, actorId, theme, month, outcome, line) => {
    const reply = await setThemedMonth(deps, { actorId, month, theme });
    expect(reply.outcome).toBe(outcome);
    expect(cardText(reply.card)).toContain(line);
    expect(await services.store.audits.month(month)).toBeUndefined();
  });

  it('says it is too late once the month’s audits have gone out', async () => {
    await assignMonth(deps, { month: '2026-12' });
    const reply = await setThemedMonth(deps, { actorId: 'H1', month: '2026-12', theme: 'not-seen-alone' });
    expect(reply.outcome).toBe('too-late');
    expect((await services.store.audits.month('2026-12'))?.theme).toBeUndefined();
  });
});

describe('startAdHocAudit', () => {
  it('lets a manager start an audit of a child in their teams, by name or number, once a day', async () => {
    const byName = await startAdHocAudit(deps, { actorId: 'M1', child: 'amira k' });
    expect(byName.outcome).toBe('started');
    expect(cardText(byName.card)).toContain('Audit: Amira K.');
    expect(cardText(byName.card)).toContain('Step 1 of 9: what Hearth knows');
    const again = await startAdHocAudit(deps, { actorId: 'M1', child: 'C1' });
    expect(again.outcome).toBe('opened');
    const audit = await services.store.audits.findAudit('audit:adhoc:2026-12-01:C1');
    expect(audit).toMatchObject({
      origin: 'ad-hoc',
      auditorId: 'M1',
      practitionerId: 'P1',
      dueDate: '2026-12-22',
    });
  });

  it.each([
    ['a practitioner', 'P1', 'C1', 'not-yours', 'Only a manager can start an audit'],
    [
      'a child in another team',
      'M1',
      'C4',
      'not-found',
      'Hearth could not find a child called “C4” in your teams.',
    ],
    ['a name with markdown', 'M1', '[x](https://evil)', 'not-found', escapeCardText('[x](https://evil)')],
    ['nothing at all', 'M1', '   ', 'not-found', 'Hearth could not find'],
  ])('refuses %s kindly', async (_, actorId, text, outcome, line) => {
    const reply = await startAdHocAudit(deps, { actorId, child: text });
    expect(reply.outcome).toBe(outcome);
    expect(cardText(reply.card)).toContain(line);
  });

  it('finds a child with a hostile name by number and shows the name as text', async () => {
    const reply = await startAdHocAudit(deps, { actorId: 'M1', child: 'C2' });
    expect(JSON.stringify(reply.card)).not.toContain(`${HOSTILE_CHILD}`);
    expect(cardText(reply.card)).toContain(escapeCardText(HOSTILE_CHILD));
  });
});
