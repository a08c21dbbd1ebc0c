/**
 * Delivery through the real store and the Bot Connector REST API (a fake connector on loopback,
 * behaving like the real one under trouble): no message lost, none sent twice, people who have
 * blocked the bot marked unreachable.
 */
import type { Services } from '../../../src/app/root';
import type { DeliveryDeps } from '../../../src/delivery/deliver';
import { DEFAULT_DELIVERY_OPTIONS, deliver, RetryLater } from '../../../src/delivery/deliver';
import type { OutboxMessage } from '../../../src/domain/outbox';
import { createRateLimiter } from '../../../src/delivery/rate-limiter';
import { createConnectorSender } from '../../../src/teams/connector-sender';
import { aPerson } from '../../support/domain';
import type { FakeConnector } from '../../support/fake-connector';
import { startFakeConnector } from '../../support/fake-connector';
import { disposeServices, testServices } from '../../support/services';

let services: Services;
let connector: FakeConnector;
let n = 0;

beforeAll(async () => {
  services = await testServices();
});
afterAll(() => disposeServices(services));
beforeEach(async () => {
  connector = await startFakeConnector();
});
afterEach(() => connector.close());

const deps = (options: Partial<DeliveryDeps['options']> = {}): DeliveryDeps => ({
  store: services.store,
  sender: createConnectorSender(undefined),
  limiter: createRateLimiter(50),
  render: (message) => ({ type: 'message', text: `card for ${message.id}` }),
  now: () => new Date(),
  sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
  options: { ...DEFAULT_DELIVERY_OPTIONS, sendTimeoutMs: 500, ...options },
});

/** A practitioner with Hearth installed, and one outbox message for them. */
async function setup(extra: Partial<OutboxMessage> = {}) {
  n += 1;
  const person = aPerson(`P${n}`, {
    conversationReference: {
      serviceUrl: connector.url,
      conversation: { id: `conv-${n}` },
      user: { id: `user-${n}` },
    },
  });
  await services.store.people.upsert(person);
  const message: OutboxMessage = {
    id: `P${n}:2026-11-23:morning`,
    recipientId: person.id,
    teamId: person.teamId,
    date: '2026-11-23',
    kind: 'morning',
    status: 'pending',
    attempts: 0,
    createdAt: new Date().toISOString(),
    sendAt: new Date().toISOString(),
    ...extra,
  };
  await services.store.outbox.upsert(message);
  return {
    person,
    message,
    queued: { id: message.id, recipientId: person.id },
    conversation: `conv-${n}`,
  };
}

const stored = (m: OutboxMessage) => services.store.outbox.get(m.id, m.recipientId);
const sentTo = (conversation: string) => connector.received.filter((r) => r.conversationId === conversation);

describe('deliver', () => {
  it('sends once, records the activity id, and ignores the message arriving again', async () => {
    const { message, queued, conversation } = await setup();
    expect(await deliver(deps(), queued, 1)).toBe('sent');
    expect(await deliver(deps(), queued, 1)).toBe('already-sent');
    expect(sentTo(conversation)).toHaveLength(1);
    expect(await stored(message)).toMatchObject({
      status: 'sent',
      attempts: 1,
      activityId: sentTo(conversation)[0]?.id,
    });
  });

  it('lets only one of two simultaneous deliveries send', async () => {
    const { queued, conversation } = await setup();
    const results = await Promise.allSettled([deliver(deps(), queued, 1), deliver(deps(), queued, 1)]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value === 'sent')).toHaveLength(1);
    const other = results.find((r) => !(r.status === 'fulfilled' && r.value === 'sent'));
    expect(other?.status === 'rejected' ? other.reason : other?.value).toEqual(
      other?.status === 'rejected' ? expect.any(RetryLater) : 'already-sent',
    );
    expect(sentTo(conversation)).toHaveLength(1);
  });

  it('waits as long as Retry-After asks after a 429, then sends', async () => {
    const { message, queued, conversation } = await setup();
    connector.faultsFor.set(conversation, [{ status: 429, retryAfter: '2' }]);
    const waits: number[] = [];
    const d = { ...deps(), sleep: async (ms: number) => void waits.push(ms) };
    expect(await deliver(d, queued, 1)).toBe('sent');
    expect(waits).toEqual([2000]);
    expect(await stored(message)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sentTo(conversation)).toHaveLength(1);
  });

  it.each<[string, Parameters<FakeConnector['faults']['push']>[0]]>([
    ['503', { status: 503 }],
    ['502', { status: 502 }],
    ['504', { status: 504 }],
    ['412', { status: 412 }],
    ['a request that never answers', 'hang'],
  ])('retries after %s with backoff, then sends once', async (_, fault) => {
    const { queued, conversation } = await setup();
    connector.faultsFor.set(conversation, [fault, fault]);
    expect(await deliver(deps(), queued, 1)).toBe('sent');
    expect(sentTo(conversation)).toHaveLength(1);
  });

  it('marks someone who blocked the bot (403 MessageWritesBlocked) unreachable and never retries', async () => {
    const { person, message, queued, conversation } = await setup();
    connector.faultsFor.set(conversation, [{ status: 403 }]);
    expect(await deliver(deps(), queued, 1)).toBe('unreachable');
    expect(connector.requests).toBe(1);
    expect(await stored(message)).toMatchObject({
      status: 'unreachable',
      lastError: '403 MessageWritesBlocked',
    });
    expect((await services.store.people.get(person.id, person.teamId))?.reachability).toBe('unreachable');
  });

  it('gives a still-failing message back to the queue, then on the last try marks it failed, loudly', async () => {
    const { message, queued, conversation } = await setup();
    connector.faultsFor.set(
      conversation,
      Array.from({ length: 20 }, () => ({ status: 503 as const })),
    );
    const d = deps({ attemptsPerDelivery: 2 });
    await expect(deliver(d, queued, 1)).rejects.toBeInstanceOf(RetryLater);
    expect(await stored(message)).toMatchObject({ status: 'pending', attempts: 2, lastError: 'HTTP 503' });
    await expect(deliver(d, queued, 5)).rejects.toThrow(/gave up after 4 attempts \(HTTP 503\)/);
    expect(await stored(message)).toMatchObject({ status: 'failed', attempts: 4 });
    expect(sentTo(conversation)).toHaveLength(0);
  });

  it('marks a message for someone without Hearth installed as unreachable, sending nothing', async () => {
    const { person, message, queued } = await setup();
    await services.store.people.upsert({
      ...person,
      conversationReference: undefined,
      reachability: 'not-installed',
    });
    expect(await deliver(deps(), queued, 1)).toBe('unreachable');
    expect(connector.requests).toBe(0);
    expect(await stored(message)).toMatchObject({ status: 'unreachable' });
  });

  it('leaves a message another worker is sending to that worker, and takes over a stale claim', async () => {
    const { queued, conversation } = await setup({
      status: 'sending',
      sendingSince: new Date().toISOString(),
    });
    await expect(deliver(deps(), queued, 1)).rejects.toBeInstanceOf(RetryLater);
    const stale = await setup({
      status: 'sending',
      sendingSince: new Date(Date.now() - 10 * 60_000).toISOString(),
    });
    expect(await deliver(deps(), stale.queued, 2)).toBe('sent');
    expect(sentTo(conversation)).toHaveLength(0);
  });
});
