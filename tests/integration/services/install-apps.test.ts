/**
 * Everyone reachable: Hearth installs itself in Teams for people in the feed it cannot reach yet,
 * through a local stand-in for Microsoft Graph that answers as Graph does (201, 409, 403, 404, 429
 * with Retry-After, 503, silence), with the real store behind.
 */
import { installAppsFunction } from '../../../src/app/handlers/install-apps';
import type { Services } from '../../../src/app/root';
import { ingest } from '../../../src/services/ingest-batch';
import type { InstallAppsDeps } from '../../../src/services/install-apps';
import { installApps } from '../../../src/services/install-apps';
import { createGraphInstaller } from '../../../src/teams/graph-install';
import type { FakeGraph } from '../../support/fake-graph';
import { graphUser, startFakeGraph } from '../../support/fake-graph';
import { context } from '../../support/http';
import { person, team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';

const [A1, A2, A3, A6] = [1, 2, 3, 6].map((n) => `aaaaaaaa-0000-4000-8000-00000000000${n}`) as [
  string,
  string,
  string,
  string,
];
const APP = 'b1c5353a-7aca-41b3-830f-27d5218fe0e5';
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
const HOUR = 60 * 60 * 1000;
const start = new Date('2026-11-23T09:00:00Z');
const later = (hours: number) => new Date(start.getTime() + hours * HOUR);

let services: Services;
let graph: FakeGraph;
let waits: number[];
beforeEach(async () => {
  services = await testServices();
  graph = await startFakeGraph();
  graph.catalog.add(APP);
  waits = [];
  const fed = await ingest(
    services.store,
    [
      team(),
      person('w1', 'team-1', { entraObjectId: A1 }),
      person('w2', 'team-1', { entraObjectId: A2 }),
      person('w3', 'team-1', { entraObjectId: A3 }),
      person('w4', 'team-1'),
      person('w6', 'team-1', { entraObjectId: A6 }),
    ],
    { acceptValid: false, actor: 'feed', now: start },
  );
  expect(fed.written).toBe(true);
  graph.users.set(A1, graphUser());
  graph.users.set(
    A2,
    graphUser({ installed: new Map([['inst-2', { teamsAppId: APP, chatId: '19:chat-2@unq.gbl.spaces' }]]) }),
  );
  graph.users.set(A3, graphUser({ blocked: true }));
});
afterEach(async () => {
  await graph.close();
  await disposeServices(services);
});

function deps(now: Date, extra: Partial<Parameters<typeof createGraphInstaller>[0]> = {}): InstallAppsDeps {
  return {
    store: services.store,
    installer: createGraphInstaller({
      graphUrl: graph.url,
      catalogAppId: APP,
      getToken: () => Promise.resolve('token'),
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      ...extra,
    }),
    now,
    bot: { appId: 'bot-app-id', tenantId: 'tenant-1' },
    teamsServiceUrl: SERVICE_URL,
  };
}

const stored = async (id: string) => (await services.store.people.findByIds([id]))[0];
const posts = () => graph.requests.filter((r) => r.startsWith('POST'));

it('installs for those not reachable yet, and sorts out the rest by what Graph says', async () => {
  const report = await installApps(deps(start));
  expect(report).toEqual({
    installed: ['w1'],
    alreadyInstalled: ['w2'],
    notPermitted: ['w3'],
    userNotFound: ['w6'],
    deferred: [],
  });
  expect([...graph.users.get(A1)!.installed.values()].map((i) => i.teamsAppId)).toEqual([APP]);
  expect(await stored('w1')).toMatchObject({
    reachability: 'not-installed',
    teamsInstall: { state: 'requested', at: start.toISOString() },
  });
  expect(await stored('w4')).not.toHaveProperty('teamsInstall');
});

it('keeps the chat of someone who already had the app, so the bot can reach them at once', async () => {
  await installApps(deps(start));
  expect(graph.requests.map(decodeURIComponent)).toEqual(
    expect.arrayContaining([
      `GET /v1.0/users/${A2}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${APP}'`,
      `GET /v1.0/users/${A2}/teamwork/installedApps/inst-2/chat`,
    ]),
  );
  const w2 = await stored('w2');
  expect(w2).toMatchObject({
    reachability: 'reachable',
    conversationReference: {
      channelId: 'msteams',
      serviceUrl: SERVICE_URL,
      conversation: { id: '19:chat-2@unq.gbl.spaces', conversationType: 'personal', tenantId: 'tenant-1' },
      bot: { id: '28:bot-app-id' },
      user: { aadObjectId: A2 },
    },
  });
  expect(w2).not.toHaveProperty('teamsInstall');
});

it('reports a refusal once in the activity log, by id, however often it is retried', async () => {
  await installApps(deps(start));
  await installApps(deps(later(24 * 8)));
  await installApps(deps(later(24 * 16)));
  expect(posts().filter((p) => p.includes(A3))).toHaveLength(3);
  const refusals = await services.store.activity.query("STARTSWITH(c.action, 'teams.install.not')");
  expect(refusals).toEqual([
    expect.objectContaining({
      action: 'teams.install.not-permitted',
      details: { personId: 'w3', entraObjectId: A3 },
    }),
  ]);
  expect(JSON.stringify(refusals)).not.toContain('Worker');
});

it('waits a day for Teams to tell the bot before asking again, and a week after a refusal', async () => {
  await installApps(deps(start));
  graph.requests.length = 0;
  expect(await installApps(deps(later(23)))).toMatchObject({ installed: [], notPermitted: [] });
  expect(posts()).toEqual([]);
  // A day on, the app is there but the bot never heard: Graph says 409 and the chat is kept.
  expect(await installApps(deps(later(25)))).toMatchObject({ alreadyInstalled: ['w1'], notPermitted: [] });
  expect(await stored('w1')).toMatchObject({ reachability: 'reachable' });
});

it('leaves people alone once the bot can reach them', async () => {
  await services.store.people.update('w1', 'team-1', (p) => ({ ...p, reachability: 'reachable' }));
  await services.store.people.update('w2', 'team-1', (p) => ({ ...p, reachability: 'unreachable' }));
  await installApps(deps(start));
  expect(posts().some((p) => p.includes(A1) || p.includes(A2))).toBe(false);
});

it('honours 429 Retry-After, then carries on', async () => {
  graph.faults.push({ status: 429, retryAfter: '3' });
  const report = await installApps(deps(start));
  expect(report.installed).toEqual(['w1']);
  expect(waits).toHaveLength(1);
  expect(waits[0]).toBeGreaterThanOrEqual(3000);
  expect(waits[0]).toBeLessThan(3250);
});

it('backs off from 503s and answers that hang, and gives up for this run when Graph stays unwell', async () => {
  graph.faults.push({ status: 503 }, 'hang');
  const first = await installApps(deps(start, { timeoutMs: 300 }));
  expect(first.installed).toEqual(['w1']);
  expect(waits).toHaveLength(2);

  graph.faults.push({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
  await services.store.people.update('w1', 'team-1', (p) => ({ ...p, teamsInstall: undefined }));
  const second = await installApps(deps(later(24 * 8)));
  expect(second.deferred.length).toBeGreaterThan(0);
  expect(second.installed).toEqual([]);
});

it('stops for this run when Graph asks for a longer wait than a run should take', async () => {
  graph.faults.push({ status: 429, retryAfter: '600' });
  const report = await installApps(deps(start));
  expect(report.installed).toEqual([]);
  expect(report.deferred.sort()).toEqual(['w1', 'w2', 'w3', 'w6']);
  expect(waits).toEqual([]);
  expect(posts()).toHaveLength(1);
  for (const id of ['w1', 'w2', 'w3', 'w6']) expect(await stored(id)).not.toHaveProperty('teamsInstall');
});

it('installs no more than the run allows, leaving the rest for the next', async () => {
  const report = await installApps({ ...deps(start), maxPerRun: 2 });
  expect(report.installed.length + report.alreadyInstalled.length).toBe(2);
  expect(report.deferred).toHaveLength(2);
});

describe('the install-apps timer', () => {
  it('does nothing unless HEARTH_TEAMS_INSTALL is on (admins use a setup policy instead)', async () => {
    await installAppsFunction(() => Promise.resolve(services)).handler({} as never, context('install-apps'));
    expect(graph.requests).toEqual([]);
  });

  it('installs through Graph when turned on', async () => {
    const on = await testServices({
      HEARTH_TEAMS_INSTALL: 'true',
      HEARTH_TEAMS_APP_CATALOG_ID: APP,
      HEARTH_GRAPH_URL: graph.url,
      HEARTH_COSMOS_DATABASE: services.store.database.id,
    });
    await installAppsFunction(() => Promise.resolve(on)).handler({} as never, context('install-apps'));
    expect(
      posts()
        .map((p) => /users\/([^/]+)/.exec(p)?.[1])
        .sort(),
    ).toEqual([A1, A2, A3, A6]);
    on.dispose();
  });
});
