/**
 * Issue 10, item 6: what Teams refuses. 400 and 413 are Teams refusing the message itself: failed
 * at once, visibly. 401 and 403 other than MessageWritesBlocked are Hearth's own credential or
 * permission fault: an error naming the fault is logged every time, the message waits and is tried
 * again, and nothing is marked failed while the fault lasts.
 */
import type { Services } from '../../src/app/root';
import { deliver } from '../../src/delivery/deliver';
import type { Fault, FakeConnector } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import { activityFor, aRecipient, collectingLog, deliveryDeps, virtualClock } from '../support/delivery';
import { disposeServices, testServices } from '../support/services';

const MORNING = new Date('2026-11-30T08:30:00Z');
let services: Services;
let connector: FakeConnector;

beforeAll(async () => {
  services = await testServices();
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
  await disposeServices(services);
});

const stored = (m: { id: string; recipientId: string }) => services.store.outbox.get(m.id, m.recipientId);
const sentTo = (conversation: string) => connector.received.filter((r) => r.conversationId === conversation);

it.each<[string, Fault, string]>([
  ['400', { status: 400, body: { error: { code: 'BadArgument' } } }, 'HTTP 400'],
  ['413', { status: 413, body: { error: { code: 'MessageSizeTooBig' } } }, 'HTTP 413'],
])('fails a message Teams refuses for what it is (%s) at once, and says so', async (_, fault, reason) => {
  const r = await aRecipient(services, connector, MORNING);
  connector.faultsFor.set(r.conversation, [fault]);
  const requestsBefore = connector.requests;
  const log = collectingLog();

  expect(await deliver(deliveryDeps(services, virtualClock(MORNING), { log }), r.queued)).toEqual({
    outcome: 'failed',
  });

  expect(connector.requests - requestsBefore).toBe(1);
  expect(await stored(r.message)).toMatchObject({ status: 'failed', lastError: reason, attempts: 1 });
  expect(await activityFor(services, r.message.id)).toEqual([
    expect.objectContaining({
      action: 'delivery.failed',
      details: expect.objectContaining({ outboxId: r.message.id, lastError: reason }),
    }),
  ]);
  expect(log.lines).toContainEqual(
    expect.objectContaining({ level: 'error', details: expect.objectContaining({ lastError: reason }) }),
  );
});

it.each<[string, Fault, RegExp]>([
  [
    '401',
    { status: 401, body: { error: { code: 'Unauthorized' } } },
    /^delivery: credential or permission fault: HTTP 401: the bot credentials were refused$/,
  ],
  [
    '403 Forbidden',
    { status: 403, body: { error: { code: 'Forbidden' } } },
    /^delivery: credential or permission fault: HTTP 403: the bot was refused permission$/,
  ],
])(
  'never marks anything failed while Teams refuses the credentials or permission (%s): logs it and tries again later',
  async (_, fault, named) => {
    const r = await aRecipient(services, connector, MORNING);
    // The fault lasts for ten tries, then someone fixes the credentials.
    connector.faultsFor.set(
      r.conversation,
      Array.from({ length: 10 }, () => fault),
    );
    const clock = virtualClock(MORNING);
    const log = collectingLog();
    const deps = deliveryDeps(services, clock, { log });
    const waits: number[] = [];

    for (let i = 0; i < 10; i++) {
      const result = await deliver(deps, r.queued);
      expect(result.outcome).toBe('deferred');
      expect((await stored(r.message))?.status).toBe('pending');
      waits.push(result.outcome === 'deferred' ? result.retryInMs : 0);
      clock.advance(waits.at(-1) as number);
    }
    expect(await deliver(deps, r.queued)).toEqual({ outcome: 'sent' });

    expect(sentTo(r.conversation)).toHaveLength(1);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(60_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(600_000);
    const errors = log.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(10);
    for (const e of errors) expect(e.message).toMatch(named);
    expect(await activityFor(services, r.message.id)).toEqual([]);
  },
);

it('treats a token the bot identity cannot get as a credential fault too, never a failed message', async () => {
  const r = await aRecipient(services, connector, MORNING);
  const log = collectingLog();
  const deps = {
    ...deliveryDeps(services, virtualClock(MORNING), { log }),
    sender: {
      send: () =>
        Promise.reject(
          Object.assign(new Error('ManagedIdentityCredential: no identity'), {
            name: 'CredentialUnavailableError',
          }),
        ),
    },
  };
  expect(await deliver(deps, r.queued)).toMatchObject({
    outcome: 'deferred',
    reason: 'no token for the bot identity',
  });
  expect(await stored(r.message)).toMatchObject({ status: 'pending' });
  expect(log.lines).toEqual([
    expect.objectContaining({
      level: 'error',
      details: expect.objectContaining({ fault: 'no token for the bot identity' }),
    }),
  ]);
});

it('fails a message whose card cannot be made, sending nothing, and says so', async () => {
  const r = await aRecipient(services, connector, MORNING);
  const requestsBefore = connector.requests;
  const log = collectingLog();
  const deps = {
    ...deliveryDeps(services, virtualClock(MORNING), { log }),
    render: () => {
      throw new TypeError('the template broke');
    },
  };
  expect(await deliver(deps, r.queued)).toEqual({ outcome: 'failed' });
  expect(connector.requests).toBe(requestsBefore);
  expect(await stored(r.message)).toMatchObject({ status: 'failed', lastError: 'card not made' });
  expect((await activityFor(services, r.message.id)).map((a) => a.action)).toEqual(['delivery.failed']);
  expect(log.lines).toContainEqual(
    expect.objectContaining({ level: 'error', message: 'delivery: the card could not be made' }),
  );
});
