/**
 * Each field has one owner (issue 10 item 3): the feed owns what the case system knows (name,
 * team, roles, working pattern when sent); Hearth owns what happens in Teams (the chat, being
 * reachable, pause, morning time, quiet hours, leave, snoozes). A feed batch racing a Teams action
 * on the same person, with real concurrency against the real store and random timing, must keep
 * both changes every time.
 */
import type { Services } from '../../../src/app/root';
import { ingest } from '../../../src/services/ingest-batch';
import { snoozeItem } from '../../../src/services/morning-card/snooze-item';
import { installed } from '../../../src/services/people/conversation';
import { setPaused } from '../../../src/services/people/pause';
import { saveSettings } from '../../../src/services/people/save-settings';
import { planMornings } from '../../../src/services/plan-mornings';
import type { Person } from '../../../src/domain/types';
import { child, event, person, team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';

const RUNS = 15;
// Monday 23 November 2026, 09:00 in London.
const NOW = new Date('2026-11-23T09:00:00Z');
let services: Services;

beforeAll(async () => {
  services = await testServices({}, () => NOW);
  await feed([team('T1'), team('T2')]);
});
afterAll(() => disposeServices(services));

const feed = (records: unknown[]) =>
  ingest(services.store, records, { acceptValid: false, actor: 'feed', now: NOW });
const stored = async (id: string) => (await services.store.people.get(id, 'T1')) as Person;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A new Entra account each time: one account is one person. */
let accounts = 0;
const aad = () => `00000000-0000-4000-8000-${(++accounts).toString(16).padStart(12, '0')}`;

/** The batch that races: the person renamed and given a role, among other records. */
const batchRenaming = (id: string, run: number) => [
  team('T2', `Team ${run}`),
  person(id, 'T1', { displayName: `Renamed ${run}`, roles: ['practitioner', 'manager'] }),
  ...Array.from({ length: 12 }, (_, i) => child(`filler-${id}-${i}`, 'T2')),
];

/** Both at once, each after a random pause of up to 15 ms, so every interleaving gets its turn. */
async function race(feedSide: () => Promise<unknown>, hearthSide: () => Promise<unknown>): Promise<void> {
  await Promise.all([sleep(Math.random() * 15).then(feedSide), sleep(Math.random() * 15).then(hearthSide)]);
}

async function newPerson(race: string, run: number): Promise<Person> {
  const id = `${race}-${run}`;
  await feed([person(id, 'T1', { entraObjectId: aad() })]);
  return stored(id);
}

function expectFeedKept(p: Person, run: number): void {
  expect(p.displayName).toBe(`Renamed ${run}`);
  expect(p.roles).toEqual(['practitioner', 'manager']);
}

it('keeps both a feed batch and "pause", every time', async () => {
  for (let run = 0; run < RUNS; run++) {
    const before = await newPerson('pause', run);
    await race(
      () => feed(batchRenaming(before.id, run)),
      () => setPaused(services, before, true),
    );
    const after = await stored(before.id);
    expectFeedKept(after, run);
    expect(after.paused).toBe(true);
  }
});

it('keeps both a feed batch and an install (the chat and being reachable), every time', async () => {
  for (let run = 0; run < RUNS; run++) {
    const before = await newPerson('install', run);
    const reference = { conversation: { id: `conv-${run}` }, serviceUrl: 'https://teams.invalid/' };
    await race(
      () => feed(batchRenaming(before.id, run)),
      () => installed(services, before.entraObjectId, reference),
    );
    const after = await stored(before.id);
    expectFeedKept(after, run);
    expect(after.reachability).toBe('reachable');
    expect(after.conversationReference).toEqual(reference);
  }
});

it('keeps both a feed batch and saved settings, every time', async () => {
  for (let run = 0; run < RUNS; run++) {
    const before = await newPerson('settings', run);
    const morningTime = `07:${String(10 + run).padStart(2, '0')}`;
    await race(
      () => feed(batchRenaming(before.id, run)),
      () =>
        saveSettings(services, before, {
          morningTime,
          workingDays: ['mon', 'tue'],
          quietHours: { start: '18:00', end: '07:00' },
        }),
    );
    const after = await stored(before.id);
    expectFeedKept(after, run);
    expect(after).toMatchObject({ morningTime, quietHours: { start: '18:00', end: '07:00' } });
  }
});

it('keeps both a feed batch and new leave, every time', async () => {
  for (let run = 0; run < RUNS; run++) {
    const before = await newPerson('leave', run);
    const leave = { from: '2026-12-01', to: `2026-12-${String(10 + run).padStart(2, '0')}` };
    await race(
      () => feed(batchRenaming(before.id, run)),
      () => saveSettings(services, before, { morningTime: '08:30', workingDays: ['mon'], leave }),
    );
    const after = await stored(before.id);
    expectFeedKept(after, run);
    expect(after.leave).toEqual([leave]);
  }
});

it('keeps both a feed batch and a snooze from the morning card, every time', async () => {
  const id = 'snoozer';
  await feed([
    person(id, 'T1', { entraObjectId: aad() }),
    child('C-snooze', 'T1', { allocatedPractitionerId: id }),
    event('E-snooze', 'C-snooze', { dueDate: '2026-11-23' }),
  ]);
  await planMornings(services, NOW);
  const cardId = `${id}:2026-11-23:morning`;
  const card = await services.store.outbox.get(cardId, id);
  const bundle = card?.bundle;
  const key = [...(bundle?.today ?? []), ...(bundle?.notSeenYet ?? []), ...(bundle?.comingUp ?? [])][0]
    ?.key as string;
  expect(key).toBeDefined();
  for (let run = 0; run < RUNS; run++) {
    await services.store.people.update(id, 'T1', (p) => ({ ...p, snoozes: [] }));
    const before = await stored(id);
    await race(
      () => feed(batchRenaming(id, run)),
      () => snoozeItem(services, { actor: before, cardId, item: key, until: 'tomorrow' }),
    );
    const after = await stored(id);
    expectFeedKept(after, run);
    expect(after.snoozes).toEqual([{ key, until: '2026-11-24' }]);
  }
});

it("takes the working pattern from the feed when it sends one, and keeps the person's own otherwise", async () => {
  const before = await newPerson('pattern', 0);
  await saveSettings(services, before, { morningTime: '07:30', workingDays: ['mon', 'wed'] });
  await feed([person(before.id, 'T1', { displayName: 'Renamed' })]);
  expect((await stored(before.id)).workingDays).toEqual(['mon', 'wed']);
  await feed([person(before.id, 'T1', { workingDays: ['tue', 'thu'], morningTime: '10:00' })]);
  expect(await stored(before.id)).toMatchObject({ workingDays: ['tue', 'thu'], morningTime: '07:30' });
});
