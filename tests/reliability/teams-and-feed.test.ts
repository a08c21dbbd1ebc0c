/**
 * Nothing people do in Teams is overwritten by the feed, and two batches never leave a child in two
 * teams (issue 10 items 3 and 4), with Teams and the case system both reaching the local host over
 * HTTP at the same moment, run after run with random timing: the person sees the bot's usual
 * answer, and both sides' changes are there afterwards.
 */
import type { LocalHearth } from '../../src/local/local-hearth';
import { PLAYGROUND_USERS } from '../../src/local/demo-data';
import { REPLIES } from '../../src/text/teams/replies';
import type { Who } from '../support/activities';
import { execute, install, message } from '../support/activities';
import { DEMO_MONDAY, startDemoHearth } from '../support/demo-hearth';
import type { FakeConnector } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import { post, postFeed, repliesIn, runTimer, together } from './support';

const RUNS = 6;
let hearth: LocalHearth;
let connector: FakeConnector;
const alex: Who = { aad: PLAYGROUND_USERS.alex.aad, userId: 'user-alex', conversationId: 'conv-alex' };

beforeAll(async () => {
  connector = await startFakeConnector();
  hearth = await startDemoHearth(DEMO_MONDAY);
  await post(hearth, install(connector.url, alex));
}, 60_000);
afterAll(async () => {
  await hearth?.stop();
  await connector?.close();
});

const store = () => hearth.services.store;
const alexNow = async () => (await store().people.get('demo-alex', 'demo-team-north'))!;
/** What the case system sends about Alex: a new name and a new role, with the rest of a batch. */
const renameAlex = (run: number) => ({
  records: [
    { type: 'team', id: 'demo-team-north', name: `North ${run}` },
    {
      type: 'person',
      id: 'demo-alex',
      teamId: 'demo-team-north',
      displayName: `Alex Renamed ${run}`,
      roles: ['practitioner', 'auditor'],
      entraObjectId: PLAYGROUND_USERS.alex.aad,
    },
  ],
});
const texts = () => repliesIn(connector, 'conv-alex').map((a) => a.text as string);
const cardText = (body: unknown) => JSON.stringify(body);

async function expectFeedKept(run: number) {
  expect(await alexNow()).toMatchObject({
    displayName: `Alex Renamed ${run}`,
    roles: ['practitioner', 'auditor'],
  });
}

it('keeps a pause (or resume) typed while a batch renames the person, and says so', async () => {
  for (let run = 0; run < RUNS; run++) {
    const word = run % 2 === 0 ? 'pause' : 'resume';
    const before = texts().length;
    const [feed] = await together(
      15,
      () => postFeed(hearth, renameAlex(run)).then((r) => r.status),
      () => post(hearth, message(connector.url, alex, word)).then((r) => r.status),
    );
    expect(feed).toBe(200);
    expect(texts().slice(before)).toEqual([word === 'pause' ? REPLIES.paused : REPLIES.resumed]);
    expect((await alexNow()).paused).toBe(word === 'pause');
    await expectFeedKept(run);
  }
});

it('keeps the Teams chat of an install that lands while a batch renames the person', async () => {
  for (let run = 0; run < RUNS; run++) {
    const who = { ...alex, conversationId: `conv-alex-${run}` };
    await together(
      15,
      () => postFeed(hearth, renameAlex(run)),
      () => post(hearth, install(connector.url, who)),
    );
    const after = await alexNow();
    expect(after.reachability).toBe('reachable');
    expect(after.conversationReference).toMatchObject({ conversation: { id: `conv-alex-${run}` } });
    await expectFeedKept(run);
  }
});

it('keeps settings and leave saved from the card while a batch renames the person', async () => {
  for (let run = 0; run < RUNS; run++) {
    const morningTime = `07:${String(10 + run).padStart(2, '0')}`;
    const leave = { from: '2026-12-14', to: `2026-12-${String(15 + run).padStart(2, '0')}` };
    const [, reply] = await together(
      15,
      () => postFeed(hearth, renameAlex(run)),
      () =>
        post(
          hearth,
          execute(connector.url, alex, 'save-settings', {
            morningTime,
            workingDays: 'mon,tue,wed,thu,fri',
            quietStart: '19:00',
            quietEnd: '07:00',
            leaveFrom: leave.from,
            leaveTo: leave.to,
          }),
        ),
    );
    expect(cardText(reply?.body)).toContain(REPLIES.settingsSaved);
    expect(await alexNow()).toMatchObject({
      morningTime,
      leave: [leave],
      quietHours: { start: '19:00', end: '07:00' },
    });
    await expectFeedKept(run);
  }
});

it('keeps a snooze pressed on the morning card while a batch renames the person', async () => {
  expect(await runTimer(hearth, 'plan-mornings')).toBe(202);
  const card = (await store().outbox.query("c.recipientId = 'demo-alex' AND c.kind = 'morning'"))[0]!;
  const items = [...card.bundle!.today, ...card.bundle!.notSeenYet, ...card.bundle!.comingUp];
  for (let run = 0; run < Math.min(RUNS, items.length); run++) {
    const key = items[run]!.key;
    await together(
      15,
      () => postFeed(hearth, renameAlex(run)),
      () =>
        post(hearth, execute(connector.url, alex, 'snooze', { card: card.id, item: key, until: 'tomorrow' })),
    );
    expect((await alexNow()).snoozes).toContainEqual({ key, until: '2026-12-01' });
    await expectFeedKept(run);
  }
});

it('leaves a child two batches move at once in one team, with each event once, beside it', async () => {
  const events = (id: string) =>
    Array.from({ length: 4 }, (_, e) => ({
      type: 'event',
      id: `${id}-e${e}`,
      childId: id,
      kind: 'visit',
      dueDate: '2026-12-07',
    }));
  const child = (id: string, teamId: string) => ({
    type: 'child',
    id,
    teamId,
    firstName: 'Ada',
    familyName: 'L',
    kind: 'child-in-need',
  });
  for (let run = 0; run < RUNS; run++) {
    const id = `moving-${run}`;
    expect((await postFeed(hearth, { records: [child(id, 'demo-team-north'), ...events(id)] })).status).toBe(
      200,
    );
    const statuses = await together(
      20,
      () =>
        postFeed(hearth, { records: [child(id, 'demo-team-south'), ...events(id)] }).then((r) => r.status),
      () =>
        postFeed(hearth, { records: [child(id, 'demo-team-north'), ...events(id)] }).then((r) => r.status),
    );
    expect(statuses).toEqual([200, 200]);
    const copies = await store().children.findByIds([id]);
    expect(copies).toHaveLength(1);
    const stored = await store().events.query('c.childId = @id', [{ name: '@id', value: id }]);
    expect(stored.map((e) => e.id).sort()).toEqual(events(id).map((e) => e.id));
    for (const e of stored) expect(e.teamId).toBe(copies[0]?.teamId);
  }
});
