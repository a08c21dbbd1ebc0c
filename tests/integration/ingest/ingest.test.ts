/**
 * The ingest service against the real store: bad batches change nothing, good ones land whole and
 * idempotently, and moves between teams leave no stray copies.
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

beforeEach(async () => {
  services = await testServices();
});
afterEach(() => disposeServices(services));

describe('ingest', () => {
  it('writes a whole authority in one batch, parents before children', async () => {
    const result = await run([
      event('e1', 'c1'),
      child('c1', 'team-1', { allocatedPractitionerId: 'p1' }),
      person('p1'),
      team(),
    ]);
    expect(result).toMatchObject({ written: true, accepted: 4, rejected: 0 });
    expect(await services.store.events.get('e1', 'team-1')).toMatchObject({
      childId: 'c1',
      teamId: 'team-1',
      source: 'feed',
    });
    expect(await services.store.children.get('c1', 'team-1')).toMatchObject({
      name: { first: 'Amira', familyInitial: 'K' },
    });
  });

  it("keeps a newly qualified practitioner's start date and the section 47 strategy discussion", async () => {
    const result = await run([
      team(),
      person('p1', 'team-1', { newlyQualified: true, startedOn: '2026-09-01' }),
      child('c1'),
      event('e1', 'c1', {
        kind: 'strategy-discussion',
        status: 'completed',
        completedDate: '2026-11-02',
        startedSection47: true,
      }),
    ]);
    expect(result).toMatchObject({ written: true });
    expect(await services.store.people.get('p1', 'team-1')).toMatchObject({
      newlyQualified: true,
      startedOn: '2026-09-01',
    });
    expect(await services.store.events.get('e1', 'team-1')).toMatchObject({ startedSection47: true });
  });

  it('keeps only the initial of a family name', async () => {
    await run([team(), child('c1', 'team-1', { familyName: 'Ó Briain' })]);
    const stored = await services.store.children.get('c1', 'team-1');
    expect(stored?.name).toEqual({ first: 'Amira', familyInitial: 'Ó' });
    expect(JSON.stringify(stored)).not.toContain('Briain');
  });

  it('keeps the flags audit themes pick out and when the practitioner took the child on', async () => {
    await run([team(), child('c1', 'team-1', { flags: ['neglect'], allocatedSince: '2026-09-14' })]);
    expect(await services.store.children.get('c1', 'team-1')).toMatchObject({
      flags: ['neglect'],
      allocatedSince: '2026-09-14',
    });
    await run([team(), child('c1', 'team-1')]);
    const resent = await services.store.children.get('c1', 'team-1');
    expect(resent?.flags).toBeUndefined();
  });

  it('is idempotent: the same batch twice leaves one copy of everything', async () => {
    const batch = [team(), child('c1'), event('e1', 'c1')];
    await run(batch);
    const first = await snapshotStore(services.store);
    await run(batch);
    const second = await snapshotStore(services.store);
    expect(second.children).toHaveLength(1);
    expect(second.events).toHaveLength(1);
    expect(second.people).toHaveLength(first.people?.length ?? 0);
  });

  it.each<[string, unknown[], number, RegExp]>([
    ['an unknown team', [child('c1', 'team-nowhere')], 0, /teamId: no team team-nowhere/],
    ['an unknown child', [team(), event('e1', 'c-missing')], 1, /childId: no child c-missing/],
    [
      'an unknown practitioner',
      [team(), child('c1', 'team-1', { allocatedPractitionerId: 'ghost' })],
      1,
      /allocatedPractitionerId: no person ghost/,
    ],
    ['an unknown kind of record', [team(), { type: 'household', id: 'h1' }], 1, /type: must be one of/],
    ['wrong types', [team(), child('c1', 'team-1', { closed: 'yes' })], 1, /closed: must be true or false/],
  ])('refuses a batch with %s and writes nothing', async (_, batch, badIndex, reason) => {
    const before = await snapshotStore(services.store);
    const result = await run(batch);
    expect(result.written).toBe(false);
    expect(result.outcomes[badIndex]).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(reason),
    });
    expect(await snapshotStore(services.store)).toEqual(before);
  });

  it('rejects every copy of an id that appears twice in one batch', async () => {
    const result = await run([team(), child('c1'), child('c1', 'team-1', { firstName: 'Zara' })]);
    expect(result.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'rejected', 'rejected']);
    expect(result.outcomes[1]?.reason).toBe('child c1 appears more than once in this batch (records 1, 2)');
    expect(await services.store.children.findByIds(['c1'])).toEqual([]);
  });

  it('with acceptValid, writes the good records and reports the bad ones', async () => {
    const result = await run(
      [team(), child('c1'), child('c2', 'team-1', { dateOfBirth: '31/12/2015' })],
      true,
    );
    expect(result).toMatchObject({ written: true, accepted: 2, rejected: 1 });
    expect(result.outcomes[2]).toMatchObject({
      index: 2,
      id: 'c2',
      outcome: 'rejected',
      reason: 'dateOfBirth: must be a date like 2026-11-23',
    });
    expect((await services.store.children.findByIds(['c1', 'c2'])).map((c) => c.id)).toEqual(['c1']);
  });

  it('keeps what a person chose in Hearth when the feed sends them again', async () => {
    await run([team(), person('p1', 'team-1', { morningTime: '08:00' })]);
    await services.store.people.update('p1', 'team-1', (p) => ({
      ...p,
      morningTime: '07:45',
      paused: true,
      reachability: 'reachable',
    }));
    await run([person('p1', 'team-1', { displayName: 'Sam Renamed', morningTime: '09:00' })]);
    expect(await services.store.people.get('p1', 'team-1')).toMatchObject({
      displayName: 'Sam Renamed',
      morningTime: '07:45',
      paused: true,
      reachability: 'reachable',
    });
  });

  it('moves a child and their events when the child changes team, leaving no copy behind', async () => {
    await run([team('team-1'), team('team-2'), child('c1', 'team-1'), event('e1', 'c1'), event('e2', 'c1')]);
    await run([child('c1', 'team-2')]);
    expect((await services.store.children.findByIds(['c1'])).map((c) => c.teamId)).toEqual(['team-2']);
    expect((await services.store.events.findByIds(['e1', 'e2'])).map((e) => e.teamId)).toEqual([
      'team-2',
      'team-2',
    ]);
  });

  it('finishes a move that an outage interrupted when the batch is sent again', async () => {
    await run([team('team-1'), team('team-2'), child('c1', 'team-1'), event('e1', 'c1')]);
    // As if the first attempt wrote the new copy and then the store went away.
    await services.store.children.upsert({
      ...(await services.store.children.get('c1', 'team-1'))!,
      teamId: 'team-2',
    });
    await run([child('c1', 'team-2')]);
    expect((await services.store.children.findByIds(['c1'])).map((c) => c.teamId)).toEqual(['team-2']);
    expect((await services.store.events.findByIds(['e1'])).map((e) => e.teamId)).toEqual(['team-2']);
  });

  it('records who wrote what in the activity log, with counts and no names', async () => {
    await run([team(), child('c1'), event('e1', 'c1')]);
    const entries = await services.store.activity.inPartition('team-1');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'test',
      action: 'records.upserted',
      details: { teams: 1, children: 1, events: 1, people: 0 },
    });
    expect(JSON.stringify(entries)).not.toContain('Amira');
  });
});
