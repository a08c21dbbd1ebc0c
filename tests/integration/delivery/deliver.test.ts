/**
 * Delivery through the real store and the Bot Connector REST API (a fake connector on loopback,
 * behaving like the real one under trouble): sent once, passing faults retried, people who have
 * blocked the bot marked unreachable, and a message held by another sender left to it.
 */
import type { Services } from '../../../src/app/root';
import { deliver } from '../../../src/delivery/deliver';
import type { Fault, FakeConnector } from '../../support/fake-connector';
import { startFakeConnector } from '../../support/fake-connector';
import { activityFor, aRecipient, deliveryDeps, virtualClock } from '../../support/delivery';
import { disposeServices, testServices } from '../../support/services';

// Monday 30 November 2026, 08:30 in London.
const MORNING = new Date('2026-11-30T08:30:00Z');
let services: Services;
let connector: FakeConnector;

beforeAll(async () => {
  services = await testServices();
});
afterAll(() => disposeServices(services));
beforeEach(async () => {
  connector = await startFakeConnector();
});
afterEach(() => connector.close());

const stored = (m: { id: string; recipientId: string }) => services.store.outbox.get(m.id, m.recipientId);
const sentTo = (conversation: string) => connector.received.filter((r) => r.conversationId === conversation);

describe('deliver', () => {
  it('sends once, records the activity id, and ignores the message arriving again', async () => {
    const { message, queued, conversation } = await aRecipient(services, connector, MORNING);
    const deps = deliveryDeps(services, virtualClock(MORNING));
    expect(await deliver(deps, queued)).toEqual({ outcome: 'sent' });
    expect(await deliver(deps, queued)).toEqual({ outcome: 'already-sent' });
    expect(sentTo(conversation)).toHaveLength(1);
    expect(await stored(message)).toMatchObject({
      status: 'sent',
      attempts: 1,
      activityId: sentTo(conversation)[0]?.id,
    });
    expect(await activityFor(services, message.id)).toEqual([]);
  });

  it('lets only one of two simultaneous deliveries send; the other comes back later, nothing marked failed', async () => {
    const { message, queued, conversation } = await aRecipient(services, connector, MORNING);
    const deps = deliveryDeps(services, virtualClock(MORNING));
    const results = await Promise.all([deliver(deps, queued), deliver(deps, queued)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['deferred', 'sent']);
    expect(sentTo(conversation)).toHaveLength(1);
    expect(await stored(message)).toMatchObject({ status: 'sent' });
  });

  it('waits as long as Retry-After asks after a 429, when that is short, then sends', async () => {
    const { message, queued, conversation } = await aRecipient(services, connector, MORNING);
    connector.faultsFor.set(conversation, [{ status: 429, retryAfter: '2' }]);
    const clock = virtualClock(MORNING);
    expect(await deliver(deliveryDeps(services, clock), queued)).toEqual({ outcome: 'sent' });
    expect(clock.waits).toEqual([2000]);
    expect(await stored(message)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sentTo(conversation)).toHaveLength(1);
  });

  it.each<[string, Fault]>([
    ['503', { status: 503 }],
    ['502', { status: 502 }],
    ['500', { status: 500 }],
    ['412', { status: 412 }],
    ['408', { status: 408 }],
  ])('retries after %s with backoff, then sends once', async (_, fault) => {
    const { message, queued, conversation } = await aRecipient(services, connector, MORNING);
    connector.faultsFor.set(conversation, [fault, fault]);
    const clock = virtualClock(MORNING);
    expect(await deliver(deliveryDeps(services, clock), queued)).toEqual({ outcome: 'sent' });
    expect(sentTo(conversation)).toHaveLength(1);
    expect(clock.waits).toHaveLength(2);
    expect(await activityFor(services, message.id)).toEqual([]);
  });

  it('marks someone who blocked the bot (403 MessageWritesBlocked) unreachable and never retries', async () => {
    const { person, message, queued, conversation } = await aRecipient(services, connector, MORNING);
    connector.faultsFor.set(conversation, [{ status: 403 }]);
    expect(await deliver(deliveryDeps(services, virtualClock(MORNING)), queued)).toEqual({
      outcome: 'unreachable',
    });
    expect(connector.requests).toBe(1);
    expect(await stored(message)).toMatchObject({
      status: 'unreachable',
      lastError: '403 MessageWritesBlocked',
    });
    expect((await services.store.people.get(person.id, person.teamId))?.reachability).toBe('unreachable');
  });

  it('marks a message for someone without Hearth installed as unreachable, sending nothing', async () => {
    const { person, message, queued } = await aRecipient(services, connector, MORNING);
    await services.store.people.upsert({
      ...person,
      conversationReference: undefined,
      reachability: 'not-installed',
    });
    expect(await deliver(deliveryDeps(services, virtualClock(MORNING)), queued)).toEqual({
      outcome: 'unreachable',
    });
    expect(connector.requests).toBe(0);
    expect(await stored(message)).toMatchObject({ status: 'unreachable' });
  });

  it('puts off a message that came before its time, until its time', async () => {
    const later = new Date(MORNING.getTime() + 3 * 3_600_000);
    const { queued } = await aRecipient(services, connector, MORNING, { sendAt: later.toISOString() });
    expect(await deliver(deliveryDeps(services, virtualClock(MORNING)), queued)).toMatchObject({
      outcome: 'deferred',
      retryInMs: 3 * 3_600_000,
    });
    expect(connector.requests).toBe(0);
  });

  it('leaves a message another sender holds to that sender, until its claim runs out', async () => {
    const { message, queued, conversation } = await aRecipient(services, connector, MORNING, {
      status: 'sending',
      sendingSince: new Date(MORNING.getTime() - 20_000).toISOString(),
    });
    const clock = virtualClock(MORNING);
    const deps = deliveryDeps(services, clock);
    expect(await deliver(deps, queued)).toMatchObject({ outcome: 'deferred', retryInMs: 41_000 });
    expect(sentTo(conversation)).toHaveLength(0);
    expect(await stored(message)).toMatchObject({ status: 'sending' });

    // The holder never came back (it died): once the claim has run out, this sender takes it over.
    clock.advance(41_000);
    expect(await deliver(deps, queued)).toEqual({ outcome: 'sent' });
    expect(sentTo(conversation)).toHaveLength(1);
    expect(await stored(message)).toMatchObject({ status: 'sent', mayHaveSent: true });
    expect(await activityFor(services, message.id)).toEqual([
      expect.objectContaining({ action: 'delivery.possibly-duplicated', teamId: message.teamId }),
    ]);
  });
});
