/**
 * References are checked against what will really be written (issue 10 item 2): a record whose
 * team, practitioner or child is rejected in the same batch is rejected too, each with its own
 * reason; `acceptValid` writes the rest and never leaves a record pointing at nobody; resending
 * gives the same answer. And one Entra account is one person (item 8).
 */
import type { Services } from '../../../src/app/root';
import { ingest } from '../../../src/services/ingest-batch';
import { child, event, person, team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';
import { snapshotStore } from '../../support/snapshot';

let services: Services;
const now = new Date('2026-11-23T09:00:00Z');
const run = (records: unknown[], acceptValid = false) =>
  ingest(services.store, records, { acceptValid, actor: 'test', now });
const verdicts = (result: Awaited<ReturnType<typeof run>>) =>
  result.outcomes.map((o) => [o.outcome, o.reason ?? '']);

beforeEach(async () => {
  services = await testServices();
});
afterEach(() => disposeServices(services));

describe('a team, a child pointing at a missing team, and an event for that child', () => {
  const batch = [team('T1'), child('C1', 'T-missing'), event('E1', 'C1')];
  const expected = [
    ['accepted', ''],
    ['rejected', 'teamId: no team T-missing (send the team first or in this batch)'],
    ['rejected', 'childId: child C1 is rejected in this batch (record 1), so this is not written either'],
  ];

  it('without acceptValid: 422-style refusal naming both, and nothing written', async () => {
    const before = await snapshotStore(services.store);
    const result = await run(batch);
    expect(result).toMatchObject({ written: false, accepted: 1, rejected: 2 });
    expect(verdicts(result)).toEqual(expected);
    expect(await snapshotStore(services.store)).toEqual(before);
  });

  it('with acceptValid: writes the team only, and a resend gives the same answer', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await run(batch, true);
      expect(result).toMatchObject({ written: true, accepted: 1, rejected: 2 });
      expect(verdicts(result)).toEqual(expected);
    }
    expect(await services.store.teams.findByIds(['T1'])).toHaveLength(1);
    expect(await services.store.children.findByIds(['C1'])).toEqual([]);
    expect(await services.store.events.findByIds(['E1'])).toEqual([]);
  });
});

describe('rejections cascade', () => {
  it('from a rejected practitioner to the child allocated to them, and on to its events', async () => {
    const result = await run(
      [
        team('T1'),
        person('P1', 'T1', { roles: [] }),
        child('C1', 'T1', { allocatedPractitionerId: 'P1' }),
        event('E1', 'C1'),
        child('C2', 'T1'),
      ],
      true,
    );
    expect(verdicts(result)).toEqual([
      ['accepted', ''],
      ['rejected', 'roles: must list at least one role'],
      [
        'rejected',
        'allocatedPractitionerId: person P1 is rejected in this batch (record 1), so this is not written either',
      ],
      ['rejected', 'childId: child C1 is rejected in this batch (record 2), so this is not written either'],
      ['accepted', ''],
    ]);
    expect((await services.store.children.findByIds(['C1', 'C2'])).map((c) => c.id)).toEqual(['C2']);
  });

  it('from a rejected team to the people and children in it', async () => {
    const result = await run([team('T1', ''), person('P1', 'T1'), child('C1', 'T1')], true);
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(result.outcomes[1]?.reason).toBe(
      'teamId: team T1 is rejected in this batch (record 0), so this is not written either',
    );
    expect(result.written).toBe(false);
  });

  it('not when what is pointed at is already in the store, even if this copy of it is refused', async () => {
    await run([team('T1'), person('P1', 'T1')]);
    const result = await run(
      [person('P1', 'T1', { displayName: '' }), child('C1', 'T1', { allocatedPractitionerId: 'P1' })],
      true,
    );
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['rejected', 'accepted']);
    expect(await services.store.children.get('C1', 'T1')).toMatchObject({ allocatedPractitionerId: 'P1' });
  });
});

describe('one Entra account is one person', () => {
  const aad = '6f1c0a52-1111-4222-8333-444455556666';

  it('refuses a second person with an Entra id that someone in the store holds', async () => {
    await run([team('T1'), person('P1', 'T1', { entraObjectId: aad })]);
    const result = await run([person('P2', 'T1', { entraObjectId: aad.toUpperCase() })]);
    expect(verdicts(result)).toEqual([
      ['rejected', 'entraObjectId: already belongs to person P1; one Entra account is one person'],
    ]);
    expect(await services.store.people.findByIds(['P2'])).toEqual([]);
  });

  it('refuses both when two people in one batch claim the same account', async () => {
    const result = await run([
      team('T1'),
      person('P1', 'T1', { entraObjectId: aad }),
      person('P2', 'T1', { entraObjectId: aad }),
    ]);
    expect(result.outcomes.map((o) => o.reason)).toEqual([
      undefined,
      'entraObjectId: also given to another person in this batch (record 2); one Entra account is one person',
      'entraObjectId: also given to another person in this batch (record 1); one Entra account is one person',
    ]);
  });

  it('lets an account pass to someone else when the batch gives its holder another', async () => {
    await run([team('T1'), person('P1', 'T1', { entraObjectId: aad })]);
    const other = '00000000-aaaa-4bbb-8ccc-000000000001';
    const result = await run([
      person('P1', 'T1', { entraObjectId: other }),
      person('P2', 'T1', { entraObjectId: aad }),
    ]);
    expect(result.written).toBe(true);
    expect((await services.store.people.get('P2', 'T1'))?.entraObjectId).toBe(aad);
  });

  it('accepts the same person sent again with their own account', async () => {
    await run([team('T1'), person('P1', 'T1', { entraObjectId: aad })]);
    expect(
      (await run([person('P1', 'T1', { entraObjectId: aad, displayName: 'Sam Renamed' })])).written,
    ).toBe(true);
  });
});
