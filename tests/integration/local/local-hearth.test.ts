/**
 * The local host as `npm start` runs it: embedded Cosmos server, Azurite, the real function list
 * served over http, demo data, timers runnable through the admin endpoint, queue messages retried
 * and then parked in the poison queue.
 */
import { randomUUID } from 'node:crypto';
import { createFunctions } from '../../../src/app/functions';
import type { QueueFunction, TimerFunction } from '../../../src/app/function-types';
import { encodeMessage } from '../../../src/delivery/queues';
import { ingest } from '../../../src/services/ingest-batch';
import { demoRecords } from '../../../src/local/demo-data';
import type { LocalHearth } from '../../../src/local/local-hearth';
import { startLocalHearth } from '../../../src/local/local-hearth';
import { waitFor } from '../../support/wait';

const timerRuns: string[] = [];
const handled: unknown[] = [];
const okQueue = `test-ok-${randomUUID().slice(0, 8)}`;
const badQueue = `test-bad-${randomUUID().slice(0, 8)}`;

const testTimer: TimerFunction = {
  kind: 'timer',
  name: 'test-timer',
  schedule: '0 0 3 1 1 *',
  handler: async (timer) => {
    timerRuns.push(timer.scheduleStatus.last);
  },
};
const okConsumer: QueueFunction = {
  kind: 'queue',
  name: 'test-ok',
  queueName: okQueue,
  handler: async (message) => {
    handled.push(message);
  },
};
const badAttempts: number[] = [];
const badConsumer: QueueFunction = {
  kind: 'queue',
  name: 'test-bad',
  queueName: badQueue,
  handler: async () => {
    badAttempts.push(Date.now());
    throw new Error('always fails');
  },
};

let hearth: LocalHearth;
beforeAll(async () => {
  hearth = await startLocalHearth({
    env: {},
    port: 0,
    seedDemo: true,
    log: () => undefined,
    functions: (services) => [
      ...createFunctions(() => Promise.resolve(services)),
      testTimer,
      okConsumer,
      badConsumer,
    ],
    queueRetrySeconds: 1,
  });
}, 60_000);
afterAll(() => hearth?.stop());

describe('the local host', () => {
  it('answers /api/health as healthy with the store and queues up', async () => {
    const response = await fetch(`${hearth.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'healthy', checks: { store: 'ok', queues: 'ok' } });
  });

  it('has seeded the demo authority: 2 teams, 8 practitioners, 2 managers, 60 children', async () => {
    const { store } = hearth.services;
    const people = await store.people.query();
    expect(await store.teams.query()).toHaveLength(2);
    expect(people.filter((p) => p.roles.includes('practitioner'))).toHaveLength(8);
    expect(people.filter((p) => p.roles.includes('manager'))).toHaveLength(2);
    const children = await store.children.query();
    expect(children).toHaveLength(60);
    expect(new Set(children.map((c) => c.kind))).toEqual(
      new Set(['child-in-need', 'child-protection', 'child-in-care', 'care-experienced']),
    );
    // The Playground's default user is a demo practitioner.
    expect(people.find((p) => p.entraObjectId === '00000000-0000-0000-0000-0000000000020')).toMatchObject({
      displayName: 'Alex Wilber',
      roles: ['practitioner'],
    });
  });

  it('seeds idempotently: seeding again changes no counts', async () => {
    const { store, now } = hearth.services;
    const before = (await store.events.query()).length;
    await ingest(store, demoRecords(now()), { acceptValid: false, actor: 'demo', now: now() });
    expect(await store.events.query()).toHaveLength(before);
    expect(await store.children.query()).toHaveLength(60);
  });

  it('serves the feed over http as Azure would', async () => {
    const response = await fetch(`${hearth.url}/api/feed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hearth-feed-key': 'local-dev-feed-key' },
      body: '{"records": [',
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ['GET', '/api/nothing-here', 404],
    ['DELETE', '/api/health', 405],
    ['POST', '/admin/functions/no-such-function', 404],
    ['POST', '/admin/functions/health', 404],
    ['GET', '/admin/functions/test-timer', 405],
  ])('%s %s answers %i', async (method, path, status) => {
    expect((await fetch(`${hearth.url}${path}`, { method })).status).toBe(status);
  });

  it('runs a timer function now through POST /admin/functions/{name}', async () => {
    const response = await fetch(`${hearth.url}/admin/functions/test-timer`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(202);
    expect(timerRuns).toHaveLength(1);
  });

  it('runs a queue function with the given input through the admin endpoint', async () => {
    const response = await fetch(`${hearth.url}/admin/functions/test-ok`, {
      method: 'POST',
      body: JSON.stringify({ input: '{"bundle":"b-1"}' }),
    });
    expect(response.status).toBe(202);
    expect(handled).toContainEqual({ bundle: 'b-1' });
  });

  it('delivers queue messages to their function, decoded', async () => {
    await hearth.services.queues.service
      .getQueueClient(okQueue)
      .sendMessage(encodeMessage({ bundle: 'b-2' }));
    await waitFor(
      async () => (handled.some((m) => (m as { bundle?: string }).bundle === 'b-2') ? true : undefined),
      'the message',
    );
  });

  it('retries a failing message 5 times, then moves it to the poison queue where it stays visible', async () => {
    await hearth.services.queues.service
      .getQueueClient(badQueue)
      .sendMessage(encodeMessage({ bundle: 'doomed' }));
    const poison = hearth.services.queues.service.getQueueClient(`${badQueue}-poison`);
    const parked = await waitFor(
      async () => {
        const peeked = await poison.peekMessages();
        return peeked.peekedMessageItems[0];
      },
      'the poison queue',
      40_000,
    );
    expect(JSON.parse(Buffer.from(parked.messageText, 'base64').toString())).toEqual({ bundle: 'doomed' });
    expect(badAttempts).toHaveLength(5);
  }, 60_000);
});
