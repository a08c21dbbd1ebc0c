/**
 * Delivery under pressure: 5,000 morning bundles through a Bot Connector that allows 50 requests a
 * second and throttles some requests anyway (429, Retry-After 1), with the real store behind.
 * Prints throughput against the ceiling, messages lost and messages sent twice.
 */
import type { Services } from '../../src/app/root';
import { DEFAULT_DELIVERY_OPTIONS, deliver } from '../../src/delivery/deliver';
import type { OutboxMessage } from '../../src/domain/outbox';
import { createRateLimiter } from '../../src/delivery/rate-limiter';
import { createConnectorSender } from '../../src/teams/connector-sender';
import { mapLimit } from '../../src/util/map-limit';
import { aPerson } from '../support/domain';
import type { FakeConnector } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import { withLocalServices } from './local-services';
import type { Report } from './run';

const BUNDLES = 5_000;
const CEILING = 50;

export async function deliveryBench(report: Report): Promise<void> {
  const connector = await startFakeConnector({ ceilingPerSecond: CEILING, throttleEvery: 97 });
  try {
    await withLocalServices((services) => run(services, connector, report));
  } finally {
    await connector.close();
  }
}

async function run(services: Services, connector: FakeConnector, report: Report): Promise<void> {
  const { store } = services;
  const now = new Date().toISOString();
  const messages: OutboxMessage[] = Array.from({ length: BUNDLES }, (_, i) => ({
    id: `p${i}:2026-12-01:morning`,
    recipientId: `p${i}`,
    teamId: `t${i % 80}`,
    date: '2026-12-01',
    kind: 'morning',
    status: 'pending',
    attempts: 0,
    createdAt: now,
    sendAt: now,
  }));
  await mapLimit(messages, 32, async (m) => {
    await store.people.upsert(
      aPerson(m.recipientId, {
        teamId: m.teamId,
        conversationReference: {
          serviceUrl: connector.url,
          conversation: { id: `conv-${m.recipientId}` },
        },
      }),
    );
    await store.outbox.upsert(m);
  });

  // Just under the ceiling, as in production (HEARTH_SEND_RATE_PER_SECOND); the queue's retries are simulated by a second pass.
  const deps = {
    store,
    sender: createConnectorSender(undefined),
    limiter: createRateLimiter(CEILING - 2),
    render: () => ({ type: 'message', text: 'card' }),
    now: () => new Date(),
    sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    options: DEFAULT_DELIVERY_OPTIONS,
  };
  const requestsBefore = connector.requests;
  const started = Date.now();
  for (let pass = 1; pass <= 3; pass++) {
    const pending = (await store.outbox.query("c.status = 'pending'")).map((m) => ({
      id: m.id,
      recipientId: m.recipientId,
    }));
    if (pending.length === 0) break;
    await mapLimit(pending, 48, (q) => deliver(deps, q, pass).catch(() => undefined));
  }
  const seconds = (Date.now() - started) / 1000;
  const sent = await store.outbox.query("c.status = 'sent'");
  const perConversation = new Map<string, number>();
  for (const r of connector.received)
    perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
  const duplicates = [...perConversation.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0);

  report('delivery-bundles', BUNDLES, 'bundles');
  report('delivery-seconds', seconds, 's');
  report('delivery-throughput', sent.length / seconds / CEILING, 'of ceiling');
  report('delivery-requests', connector.requests - requestsBefore, 'requests');
  report('delivery-429s', connector.throttled, 'responses');
  report('delivery-lost', BUNDLES - sent.length, 'bundles');
  report('delivery-duplicates', duplicates, 'bundles');
}
