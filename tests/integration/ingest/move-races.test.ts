/**
 * A child moving team (issue 10 item 4): two batches moving the same child at the same moment,
 * with real concurrency against the real store and random timing, leave it in exactly one team,
 * with each of its events once, beside it, and nothing left claimed.
 */
import type { Services } from '../../../src/app/root';
import { ingest } from '../../../src/services/ingest-batch';
import { child, event, team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';

const RUNS = 12;
const NOW = new Date('2026-11-23T09:00:00Z');
let services: Services;

beforeAll(async () => {
  services = await testServices({}, () => NOW);
  await feed([team('T1'), team('T2'), team('T3')]);
});
afterAll(() => disposeServices(services));

const feed = (records: unknown[]) =>
  ingest(services.store, records, { acceptValid: false, actor: 'feed', now: NOW });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const EVENTS = 5;
const eventsOf = (id: string) => Array.from({ length: EVENTS }, (_, e) => event(`${id}-e${e}`, id));

/** Both at once, each after a random pause of up to 20 ms. */
async function race(...batches: unknown[][]): Promise<void> {
  const results = await Promise.all(batches.map((b) => sleep(Math.random() * 20).then(() => feed(b))));
  for (const r of results) expect(r.written).toBe(true);
}

/** Where the child is, and where each of its events is, straight from the store. */
async function whereIs(id: string) {
  const copies = await services.store.children.queryStored('c.id = @id', [{ name: '@id', value: id }]);
  const events = await services.store.events.query('c.childId = @id', [{ name: '@id', value: id }]);
  return { copies, events };
}

async function expectOneHome(id: string, allowed: string[]): Promise<void> {
  const { copies, events } = await whereIs(id);
  expect(copies).toHaveLength(1);
  const home = copies[0]?.teamId as string;
  expect(allowed).toContain(home);
  expect(copies[0]).not.toHaveProperty('moveLease');
  expect(events.map((e) => e.id).sort()).toEqual(
    eventsOf(id)
      .map((e) => e.id)
      .sort(),
  );
  for (const e of events) expect(e.teamId).toBe(home);
}

it('two batches moving a child to two different teams leave it in one, its events once', async () => {
  for (let run = 0; run < RUNS; run++) {
    const id = `apart-${run}`;
    await feed([child(id, 'T1'), ...eventsOf(id)]);
    await race([child(id, 'T2'), ...eventsOf(id)], [child(id, 'T3'), ...eventsOf(id)]);
    await expectOneHome(id, ['T2', 'T3']);
  }
});

it('two batches moving a child to the same team leave one copy there', async () => {
  for (let run = 0; run < RUNS; run++) {
    const id = `together-${run}`;
    await feed([child(id, 'T1'), ...eventsOf(id)]);
    await race([child(id, 'T2'), ...eventsOf(id)], [child(id, 'T2', { firstName: 'Zara' }), ...eventsOf(id)]);
    await expectOneHome(id, ['T2']);
  }
});

it('a move racing a batch that keeps the child where it was leaves one copy, events beside it', async () => {
  for (let run = 0; run < RUNS; run++) {
    const id = `stay-${run}`;
    await feed([child(id, 'T1'), ...eventsOf(id)]);
    await race([child(id, 'T2'), ...eventsOf(id)], [child(id, 'T1', { firstName: 'Zara' }), ...eventsOf(id)]);
    await expectOneHome(id, ['T1', 'T2']);
  }
});

it("a move racing a batch of only the child's events leaves the events beside the child", async () => {
  for (let run = 0; run < RUNS; run++) {
    const id = `events-${run}`;
    await feed([child(id, 'T1'), ...eventsOf(id)]);
    await race([child(id, 'T2')], eventsOf(id));
    await expectOneHome(id, ['T2']);
  }
});

it('two batches creating the same new child in two teams leave one', async () => {
  for (let run = 0; run < RUNS; run++) {
    const id = `new-${run}`;
    await race([child(id, 'T2'), ...eventsOf(id)], [child(id, 'T3'), ...eventsOf(id)]);
    await expectOneHome(id, ['T2', 'T3']);
  }
});

it('finishes a move a crash left half done (the old copy still claimed) when a batch comes again', async () => {
  const id = 'crashed';
  await feed([child(id, 'T1'), ...eventsOf(id)]);
  const [old] = await services.store.children.queryStored('c.id = @id', [{ name: '@id', value: id }]);
  // As if a mover claimed the old copy long ago, wrote the new one, and stopped.
  const { _etag, _ts, ...plain } = old as typeof old & { _rid?: string };
  void _ts;
  await services.store.children.replaceIfUnchanged(
    { ...plain, moveLease: { owner: 'gone', until: '2026-11-23T08:00:00.000Z' } } as typeof plain,
    _etag,
  );
  await services.store.children.upsert({ ...plain, teamId: 'T2' });
  await feed([child(id, 'T2')]);
  await expectOneHome(id, ['T2']);
});
