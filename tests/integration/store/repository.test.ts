/**
 * The store through the real @azure/cosmos client against the embedded Cosmos server.
 */
import type { Services } from '../../../src/app/root';
import { ConcurrencyError } from '../../../src/store/repository';
import { disposeServices, testServices } from '../../support/services';
import type { Child } from '../../../src/domain/types';

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => disposeServices(services));

const child = (id: string, teamId = 'team-a'): Child => ({
  id,
  teamId,
  name: { first: 'Leo', familyInitial: 'S' },
  kind: 'child-in-need',
  anchors: {},
  closed: false,
});

describe('Repository', () => {
  it('creates every container in DESIGN.md with its partition key', async () => {
    const { resources } = await services.store.database.containers.readAll().fetchAll();
    const keys = Object.fromEntries(resources.map((c) => [c.id, c.partitionKey?.paths[0]]));
    expect(keys).toEqual({
      people: '/teamId',
      children: '/teamId',
      events: '/teamId',
      outbox: '/recipientId',
      audits: '/teamId',
      feedback: '/teamId',
      activity: '/teamId',
    });
  });

  it('reads back what it wrote, without Cosmos system fields', async () => {
    await services.store.children.upsert(child('c-read'));
    const [found] = await services.store.children.findByIds(['c-read']);
    expect(found).toEqual(child('c-read'));
  });

  it('refuses a replace whose ETag is stale (412), leaving the newer write in place', async () => {
    const first = await services.store.children.upsert(child('c-etag'));
    await services.store.children.upsert({ ...child('c-etag'), closed: true });
    await expect(
      services.store.children.replaceIfUnchanged(child('c-etag'), first._etag),
    ).rejects.toMatchObject({
      code: 412,
    });
    expect((await services.store.children.get('c-etag', 'team-a'))?.closed).toBe(true);
  });

  /** Makes the next replace lose a race: someone else writes between our read and our replace. */
  function interfereOnce(change: Partial<Child>) {
    const repo = services.store.children;
    const original = repo.replaceIfUnchanged.bind(repo);
    return jest.spyOn(repo, 'replaceIfUnchanged').mockImplementationOnce(async (item, etag) => {
      await repo.upsert({ ...item, ...change, closed: false });
      return original(item, etag);
    });
  }

  it('update() re-reads and re-applies its change when someone else wrote first', async () => {
    await services.store.children.upsert(child('c-race'));
    const spy = interfereOnce({ anchors: { referral: '2026-01-05' } });
    const change = jest.fn((current: Child) => ({ ...current, closed: true }));
    const updated = await services.store.children.update('c-race', 'team-a', change);
    spy.mockRestore();
    expect(change).toHaveBeenCalledTimes(2);
    // Both writes survive: theirs (the referral date) and ours (closed).
    expect(updated).toMatchObject({ closed: true, anchors: { referral: '2026-01-05' } });
  });

  it('update() gives up with a ConcurrencyError rather than overwriting for ever', async () => {
    await services.store.children.upsert(child('c-busy'));
    const spy = interfereOnce({ anchors: { concern: '2026-02-02' } });
    await expect(
      services.store.children.update('c-busy', 'team-a', (current) => ({ ...current, closed: true }), 1),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    spy.mockRestore();
    expect(await services.store.children.get('c-busy', 'team-a')).toMatchObject({
      closed: false,
      anchors: { concern: '2026-02-02' },
    });
  });

  it('finds an id in every partition it stands in', async () => {
    await services.store.children.upsert(child('c-two', 'team-a'));
    await services.store.children.upsert(child('c-two', 'team-b'));
    const found = await services.store.children.findByIds(['c-two', 'nobody']);
    expect(found.map((c) => c.teamId).sort()).toEqual(['team-a', 'team-b']);
  });

  it('keeps teams and people apart in the shared people container', async () => {
    await services.store.teams.upsert({ id: 'team-x', name: 'X' });
    await services.store.people.upsert({
      id: 'team-x-person',
      teamId: 'team-x',
      displayName: 'Sam',
      roles: ['practitioner'],
      managesTeamIds: [],
      workingDays: ['mon'],
      morningTime: '08:30',
      leave: [],
      paused: false,
      reachability: 'not-installed',
    });
    expect(await services.store.teams.inPartition('team-x')).toHaveLength(1);
    expect(await services.store.people.inPartition('team-x')).toHaveLength(1);
    expect(await services.store.people.get('team-x', 'team-x')).toBeUndefined();
  });
});
