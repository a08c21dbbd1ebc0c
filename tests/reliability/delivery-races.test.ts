/**
 * Issue 10, item 6: no timing race may lose a message. Through the real queue runner on Azurite,
 * the embedded store and the fake Bot Connector: a redelivery that comes just before, at, or just
 * after a dead sender's claim runs out (even on the queue's last try) ends with the message sent,
 * once, never failed; a sender held up past its claim never sends what another has taken over; and
 * several queue messages for one outbox message send it once.
 */
import type { Services } from '../../src/app/root';
import { outboxPoisonFunction } from '../../src/app/handlers/outbox-poison';
import { sendOutboxFunction } from '../../src/app/handlers/send-outbox';
import { deliver } from '../../src/delivery/deliver';
import { encodeMessage, MAX_DEQUEUE_COUNT } from '../../src/delivery/queues';
import { localRateLimiter } from '../../src/delivery/rate-limiter';
import type { LocalQueues } from '../../src/local/infrastructure';
import { startLocalQueues } from '../../src/local/infrastructure';
import type { QueueRunner } from '../../src/local/queue-runner';
import { startQueueRunner } from '../../src/local/queue-runner';
import type { FakeConnector } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import { activityFor, aRecipient, deliveryDeps, virtualClock } from '../support/delivery';
import { disposeServices, testServices } from '../support/services';
import { waitFor } from '../support/wait';

const CLAIM_MS = 4000;
let queues: LocalQueues;
let services: Services;
let connector: FakeConnector;
let runner: QueueRunner | undefined;

beforeAll(async () => {
  queues = await startLocalQueues();
  services = await testServices({ AzureWebJobsStorage: queues.connectionString });
  // Claims of 4 s rather than 60 s, so the edge comes round quickly; everything else as in Azure.
  services.deliveryOptions = {
    ...services.deliveryOptions,
    claimMs: CLAIM_MS,
    claimMarginMs: 500,
    sendTimeoutMs: 1000,
  };
  connector = await startFakeConnector();
}, 60_000);
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});
afterAll(async () => {
  await connector.close();
  await disposeServices(services);
  await queues.stop();
});

const stored = (m: { id: string; recipientId: string }) => services.store.outbox.get(m.id, m.recipientId);
const sentTo = (conversation: string) => connector.received.filter((r) => r.conversationId === conversation);
const outboxQueue = () => services.queues.service.getQueueClient('hearth-outbox');

/** What each delivery by the runner came to, in order. */
let outcomes: string[] = [];

function startRunner(over: Services = services) {
  const provider = () => Promise.resolve(over);
  outcomes = [];
  runner = startQueueRunner(
    [sendOutboxFunction(provider), outboxPoisonFunction(provider)],
    services.queues.service,
    (_level, _name, message, details) => {
      if (message === 'send-outbox: delivered') outcomes.push((details as { outcome: string }).outcome);
    },
    { visibilityTimeoutSeconds: 1, idlePollMs: 50 },
  );
}

/**
 * A clock that stands at `at` until the first delivery has been made, then runs on in real time:
 * the first delivery sees exactly the moment the test chose, whatever the machine's speed.
 */
function edgeClock(at: Date) {
  let startedAt: number | undefined;
  return {
    now: () => new Date(startedAt === undefined ? at.getTime() : at.getTime() + Date.now() - startedAt),
    run: () => (startedAt ??= Date.now()),
  };
}

/** Puts a message on the queue already taken and given back `times` times, as redeliveries leave it. */
async function queueRedelivered(queued: { id: string; recipientId: string }, times: number) {
  await outboxQueue().sendMessage(encodeMessage(queued));
  for (let i = 0; i < times; i++) {
    const [m] = (await outboxQueue().receiveMessages({ visibilityTimeout: 30 })).receivedMessageItems;
    if (!m) throw new Error('the message did not come back');
    await outboxQueue().updateMessage(m.messageId, m.popReceipt, undefined, 0);
  }
}

it.each([
  ['50 ms before', 50, ['deferred', 'sent']],
  ['exactly when', 0, ['sent']],
  ['50 ms after', -50, ['sent']],
])(
  "sends, once, a message redelivered on the queue's last try %s a dead sender's claim runs out",
  async (_, before, expected) => {
    await outboxQueue().clearMessages();
    const at = new Date('2026-11-30T08:30:00Z');
    const r = await aRecipient(services, connector, at, {
      status: 'sending',
      attempts: 3,
      sendingSince: new Date(at.getTime() - CLAIM_MS + before).toISOString(),
    });
    await queueRedelivered(r.queued, MAX_DEQUEUE_COUNT - 1);
    const clock = edgeClock(at);
    startRunner({ ...services, now: clock.now });

    const settled = await waitFor(async () => {
      if (outcomes.length > 0) clock.run();
      const m = await stored(r.message);
      return m?.status !== 'sending' && m?.status !== 'pending' ? m : undefined;
    }, 'the message to settle');

    expect(outcomes).toEqual(expected);
    expect(settled.status).toBe('sent');
    expect(sentTo(r.conversation)).toHaveLength(1);
    // The dead sender may have reached Teams first: said so, not hidden.
    expect((await activityFor(services, r.message.id)).map((a) => a.action)).toEqual([
      'delivery.possibly-duplicated',
    ]);
    const poison = services.queues.service.getQueueClient('hearth-outbox-poison');
    expect((await poison.peekMessages()).peekedMessageItems).toHaveLength(0);
  },
  30_000,
);

it('never lets a sender held up past its claim send what another sender has taken over', async () => {
  const morning = new Date('2026-11-30T08:30:00Z');
  const r = await aRecipient(services, connector, morning);
  const clock = virtualClock(morning);
  let release: () => void = () => undefined;
  const held = localRateLimiter(50);
  const stuck = {
    ...held,
    // This sender's turn comes only when the test says: a machine that stalled.
    take: () => new Promise<number>((resolve) => (release = () => void held.take().then(resolve))),
  };
  const options = { claimMs: 60_000 };
  const slow = deliver(deliveryDeps(services, clock, { limiter: stuck, options }), r.queued);
  await waitFor(async () => ((await stored(r.message))?.status === 'sending' ? true : undefined), 'a claim');

  clock.advance(61_000);
  expect(await deliver(deliveryDeps(services, clock, { options }), r.queued)).toEqual({ outcome: 'sent' });
  release();

  expect(await slow).toMatchObject({ outcome: 'deferred', reason: 'claim ran out' });
  expect(sentTo(r.conversation)).toHaveLength(1);
  expect(await stored(r.message)).toMatchObject({ status: 'sent' });
});

it('sends once when several queue messages bring the same outbox message at once', async () => {
  await outboxQueue().clearMessages();
  const r = await aRecipient(services, connector, new Date());
  for (let i = 0; i < 4; i++) await outboxQueue().sendMessage(encodeMessage(r.queued));
  startRunner();

  await waitFor(async () => ((await stored(r.message))?.status === 'sent' ? true : undefined), 'sent');
  await waitFor(
    async () => ((await outboxQueue().getProperties()).approximateMessagesCount === 0 ? true : undefined),
    'the queue to empty',
  );
  expect(sentTo(r.conversation)).toHaveLength(1);
  expect(await activityFor(services, r.message.id)).toEqual([]);
}, 30_000);
