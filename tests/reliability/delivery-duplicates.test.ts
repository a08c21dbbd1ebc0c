/**
 * Issue 10, item 6: delivery is at least once. A card can reach someone twice in two cases only,
 * and each is recorded as `delivery.possibly-duplicated`: an answer lost after Teams took the card,
 * and a sender that stopped after Teams took it but before "sent" was written. In every other case
 * (throttling, passing faults, credential faults, two senders at once, redeliveries) it is sent once.
 */
import type { Services } from '../../src/app/root';
import type { DeliveryDeps } from '../../src/delivery/deliver';
import { deliver } from '../../src/delivery/deliver';
import type { OutboxMessage } from '../../src/domain/outbox';
import type { Repository } from '../../src/store/repository';
import type { Fault, FakeConnector } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import type { VirtualClock } from '../support/delivery';
import { activityFor, aRecipient, deliveryDeps, virtualClock } from '../support/delivery';
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
const actions = async (id: string) => (await activityFor(services, id)).map((a) => a.action);

/** Delivers as the queue would bring the message back, until it settles. */
async function untilSettled(
  deps: DeliveryDeps,
  clock: VirtualClock,
  queued: { id: string; recipientId: string },
) {
  for (let i = 0; i < 50; i++) {
    const result = await deliver(deps, queued);
    if (result.outcome !== 'deferred') return result;
    clock.advance(result.retryInMs);
  }
  throw new Error('never settled');
}

it('sends twice after an answer lost once Teams had the card, and records it as possibly duplicated', async () => {
  const r = await aRecipient(services, connector, MORNING);
  connector.faultsFor.set(r.conversation, ['lost-answer']);
  const clock = virtualClock(MORNING);

  expect(await untilSettled(deliveryDeps(services, clock), clock, r.queued)).toEqual({ outcome: 'sent' });

  expect(sentTo(r.conversation)).toHaveLength(2);
  expect(await stored(r.message)).toMatchObject({ status: 'sent', mayHaveSent: true, attempts: 2 });
  expect(await activityFor(services, r.message.id)).toEqual([
    expect.objectContaining({
      action: 'delivery.possibly-duplicated',
      details: expect.objectContaining({
        outboxId: r.message.id,
        why: 'an earlier try may have reached Teams unheard',
      }),
    }),
  ]);
});

it('sends twice after a sender stopped between Teams taking the card and "sent" being written, and records it', async () => {
  const r = await aRecipient(services, connector, MORNING);
  const clock = virtualClock(MORNING);
  // The sender's process dies at the moment it would write "sent".
  const dying = Object.create(services.store.outbox) as Repository<OutboxMessage>;
  dying.replaceIfUnchanged = (item, etag) =>
    item.status === 'sent'
      ? Promise.reject(new Error('the process was killed'))
      : services.store.outbox.replaceIfUnchanged(item, etag);
  const dyingDeps = { ...deliveryDeps(services, clock), store: { ...services.store, outbox: dying } };

  await expect(deliver(dyingDeps, r.queued)).rejects.toThrow('the process was killed');
  expect(sentTo(r.conversation)).toHaveLength(1);
  expect(await stored(r.message)).toMatchObject({ status: 'sending' });

  // Another sender finds it held until the dead one's claim runs out, then takes it over.
  expect(await untilSettled(deliveryDeps(services, clock), clock, r.queued)).toEqual({ outcome: 'sent' });
  expect(sentTo(r.conversation)).toHaveLength(2);
  expect(await actions(r.message.id)).toEqual(['delivery.possibly-duplicated']);
});

it('records a timeout as possibly duplicated, though here Teams never had the card: "possibly" is honest', async () => {
  const r = await aRecipient(services, connector, MORNING);
  connector.faultsFor.set(r.conversation, ['hang']);
  const clock = virtualClock(MORNING);
  expect(await untilSettled(deliveryDeps(services, clock), clock, r.queued)).toEqual({ outcome: 'sent' });
  expect(sentTo(r.conversation)).toHaveLength(1);
  expect(await actions(r.message.id)).toEqual(['delivery.possibly-duplicated']);
});

describe('sends exactly once in every other case', () => {
  it.each<[string, Fault[]]>([
    ['429 with a short Retry-After', [{ status: 429, retryAfter: '1' }]],
    ['429 asking for an hour', [{ status: 429, retryAfter: '3600' }]],
    ['four 429s in a row', Array.from({ length: 4 }, () => ({ status: 429 as const, retryAfter: '1' }))],
    ['503s', [{ status: 503 }, { status: 503 }, { status: 503 }]],
    ['502', [{ status: 502 }]],
    ['500', [{ status: 500 }]],
    ['412', [{ status: 412 }]],
    ['408', [{ status: 408 }]],
    ['401 for a while', [{ status: 401 }, { status: 401 }]],
    ['403 Forbidden for a while', [{ status: 403, body: { error: { code: 'Forbidden' } } }]],
    ['a long outage', Array.from({ length: 30 }, () => ({ status: 503 as const }))],
  ])('%s', async (_, faults) => {
    const r = await aRecipient(services, connector, MORNING);
    connector.faultsFor.set(r.conversation, [...faults]);
    const clock = virtualClock(MORNING);
    expect(await untilSettled(deliveryDeps(services, clock), clock, r.queued)).toEqual({ outcome: 'sent' });
    expect(sentTo(r.conversation)).toHaveLength(1);
    expect(await actions(r.message.id)).toEqual([]);
  });

  it('three senders given the same message at once, then given it again', async () => {
    const r = await aRecipient(services, connector, MORNING);
    const clock = virtualClock(MORNING);
    const senders = [1, 2, 3].map(() => deliveryDeps(services, clock));
    const first = await Promise.all(senders.map((deps) => deliver(deps, r.queued)));
    expect(first.map((o) => o.outcome).sort()).toEqual(['deferred', 'deferred', 'sent']);
    const again = await Promise.all(senders.map((deps) => deliver(deps, r.queued)));
    expect(again.map((o) => o.outcome)).toEqual(['already-sent', 'already-sent', 'already-sent']);
    expect(sentTo(r.conversation)).toHaveLength(1);
    expect(await actions(r.message.id)).toEqual([]);
  });
});
