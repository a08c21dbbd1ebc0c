/**
 * Issue 10, item 6, against the embedded store, Azurite and the fake Bot Connector: hours of 429s
 * and 503s delay a message and never lose it; a long wait goes back to the queue, hidden, instead
 * of being slept in a function; only the day's end makes a message stale, and then the activity
 * log, the logs and the manager's "who Hearth cannot reach" list all say so; and the outbox sweep
 * brings back a message whose queue entry was lost.
 */
import type { Services } from '../../src/app/root';
import { londonDate } from '../../src/domain/dates';
import type { LocalQueues } from '../../src/local/infrastructure';
import { startLocalQueues } from '../../src/local/infrastructure';
import { planDigests } from '../../src/services/plan-digests';
import { sendMessage } from '../../src/services/send-message';
import { sweepOutbox } from '../../src/services/sweep-outbox';
import type { Fault, FakeConnector } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import type { VirtualClock } from '../support/delivery';
import { activityFor, aRecipient, collectingLog, virtualClock } from '../support/delivery';
import { aPerson } from '../support/domain';
import { disposeServices, testServices } from '../support/services';

// Monday 30 November 2026, 08:30 in London (GMT).
const MORNING = new Date('2026-11-30T08:30:00Z');
let queues: LocalQueues;
let services: Services;
let connector: FakeConnector;

beforeAll(async () => {
  // Azurite of this file's own, so the queue holds only what these tests put there.
  queues = await startLocalQueues();
  services = await testServices({ AzureWebJobsStorage: queues.connectionString });
  connector = await startFakeConnector();
}, 60_000);
afterAll(async () => {
  await connector.close();
  await disposeServices(services);
  await queues.stop();
});

const outboxQueue = () => services.queues.service.getQueueClient('hearth-outbox');
const stored = (m: { id: string; recipientId: string }) => services.store.outbox.get(m.id, m.recipientId);
const sentTo = (conversation: string) => connector.received.filter((r) => r.conversationId === conversation);
const withClock = (clock: VirtualClock): Services => ({ ...services, now: clock.now });

/** Hands the message to the sender again and again, as the queue would, until it settles. */
async function deliverUntilSettled(clock: VirtualClock, queued: { id: string; recipientId: string }) {
  const log = collectingLog();
  const putOff: number[] = [];
  for (;;) {
    const result = await sendMessage(withClock(clock), queued, log, clock.sleep);
    if (result.outcome !== 'deferred') return { result, putOff, log };
    expect((await stored(queued))?.status).toBe('pending');
    putOff.push(result.retryInMs);
    clock.advance(result.retryInMs);
  }
}

it('keeps trying through hours of 429s and 503s, never giving up, and sends once when Teams is back', async () => {
  const r = await aRecipient(services, connector, MORNING);
  const retryAfter = ['60', '600', '3600'];
  const outage: Fault[] = Array.from({ length: 60 }, (_, i) =>
    i % 3 === 0 ? { status: 429, retryAfter: retryAfter[(i / 3) % 3] as string } : { status: 503 },
  );
  connector.faultsFor.set(r.conversation, outage);
  const clock = virtualClock(MORNING);

  const { result, putOff } = await deliverUntilSettled(clock, r.queued);

  expect(result).toEqual({ outcome: 'sent' });
  expect(sentTo(r.conversation)).toHaveLength(1);
  expect(await stored(r.message)).toMatchObject({ status: 'sent', attempts: 61 });
  expect(await activityFor(services, r.message.id)).toEqual([]);
  // Hours of trouble, all on its own day; backoff capped at 10 minutes between tries, and no wait
  // longer than a few seconds ever made inside the function.
  expect(clock.now().getTime() - MORNING.getTime()).toBeGreaterThan(3 * 3_600_000);
  expect(londonDate(clock.now())).toBe('2026-11-30');
  expect(Math.max(...putOff)).toBe(600_000);
  expect(Math.max(...clock.waits)).toBeLessThanOrEqual(5000);
}, 60_000);

it('does not sleep for a Retry-After of a day: the message goes back on the queue, hidden', async () => {
  await outboxQueue().clearMessages();
  const r = await aRecipient(services, connector, MORNING);
  connector.faultsFor.set(r.conversation, [{ status: 429, retryAfter: '86400' }]);
  const clock = virtualClock(MORNING);

  const result = await sendMessage(withClock(clock), r.queued, collectingLog(), clock.sleep);

  expect(result).toEqual({ outcome: 'deferred', retryInMs: 600_000, reason: 'HTTP 429' });
  expect(clock.waits).toEqual([]);
  expect(await stored(r.message)).toMatchObject({
    status: 'pending',
    nextTryAt: new Date(MORNING.getTime() + 600_000).toISOString(),
  });
  expect((await outboxQueue().getProperties()).approximateMessagesCount).toBe(1);
  expect((await outboxQueue().peekMessages()).peekedMessageItems).toHaveLength(0);
});

it("marks a message stale only once its day has passed, and says so in the activity log and the manager's list", async () => {
  const r = await aRecipient(services, connector, MORNING);
  connector.faultsFor.set(
    r.conversation,
    Array.from({ length: 500 }, () => ({ status: 503 as const })),
  );
  const clock = virtualClock(MORNING);

  const { result, log } = await deliverUntilSettled(clock, r.queued);

  expect(result).toEqual({ outcome: 'stale' });
  // Tried all day: stale at the first try after midnight in London, not before.
  expect(londonDate(clock.now())).toBe('2026-12-01');
  expect(clock.now().getTime() - Date.parse('2026-12-01T00:00:00Z')).toBeLessThanOrEqual(600_000);
  expect(sentTo(r.conversation)).toHaveLength(0);
  const outcome = await stored(r.message);
  expect(outcome).toMatchObject({ status: 'stale', lastError: 'HTTP 503' });
  expect(outcome?.attempts).toBeGreaterThan(80);
  expect(await activityFor(services, r.message.id)).toEqual([
    expect.objectContaining({
      action: 'delivery.stale',
      teamId: r.person.teamId,
      details: expect.objectContaining({
        outboxId: r.message.id,
        recipientId: r.person.id,
        lastError: 'HTTP 503',
      }),
    }),
  ]);
  expect(log.lines).toContainEqual(
    expect.objectContaining({ level: 'warn', details: expect.objectContaining({ outboxId: r.message.id }) }),
  );

  // The manager asks for the digest the next day: the person is on "who Hearth cannot reach".
  const manager = aPerson('manager-outage', { roles: ['manager'], managesTeamIds: [r.person.teamId] });
  await services.store.people.upsert(manager);
  await services.store.teams.upsert({ id: r.person.teamId, name: 'North' });
  await planDigests(services, clock.now(), manager);
  const [digest] = await services.store.outbox.query("c.recipientId = @m AND c.kind = 'digest'", [
    { name: '@m', value: manager.id },
  ]);
  expect(digest?.digest?.cannotReach).toContainEqual({
    personId: r.person.id,
    name: r.person.displayName,
    reachability: 'reachable',
    undelivered: 1,
  });
}, 60_000);

it('queues again a message no queue entry will bring, and marks stale the unsent ones of days gone', async () => {
  await outboxQueue().clearMessages();
  const at = new Date(MORNING.getTime() + 20 * 60_000);
  const lost = await aRecipient(services, connector, MORNING);
  const fromFriday = await aRecipient(services, connector, new Date('2026-11-27T08:30:00Z'));
  const beingSent = await aRecipient(services, connector, MORNING, {
    status: 'sending',
    sendingSince: new Date(at.getTime() - 5000).toISOString(),
  });
  const waiting = await aRecipient(services, connector, MORNING, {
    nextTryAt: new Date(at.getTime() + 5 * 60_000).toISOString(),
  });

  const swept = await sweepOutbox(services, at, collectingLog());

  const queued = await outboxQueue().peekMessages({ numberOfMessages: 32 });
  const ids = queued.peekedMessageItems.map(
    (m) => (JSON.parse(Buffer.from(m.messageText, 'base64').toString()) as { id: string }).id,
  );
  expect(ids).toContain(lost.message.id);
  expect(ids).not.toContain(beingSent.message.id);
  expect(ids).not.toContain(waiting.message.id);
  expect(swept.stale).toBeGreaterThanOrEqual(1);
  expect(await stored(fromFriday.message)).toMatchObject({ status: 'stale' });
  expect(await stored(beingSent.message)).toMatchObject({ status: 'sending' });
  expect(await activityFor(services, fromFriday.message.id)).toEqual([
    expect.objectContaining({ action: 'delivery.stale' }),
  ]);
});
