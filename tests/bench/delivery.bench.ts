/**
 * Delivery with deliver() called directly (issue 15's `delivery-throughput`): 5,000 morning cards
 * through a fake Bot Connector that allows 50 requests a second and throttles every 97th request
 * anyway (429, Retry-After 1), the store in a process of its own, the shared rate set at the
 * ceiling. Prints the share of the ceiling reached, cards lost and cards sent twice. The queue
 * path production uses is measured by delivery-queue.bench.ts.
 */
import { deliver } from '../../src/delivery/deliver';
import type { DeliveryResult } from '../../src/delivery/deliver';
import { mapLimit } from '../../src/util/map-limit';
import type { FakeConnector } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import { countOutcomes, seedMorningCards } from './delivery-seed';
import type { BenchInfra } from './processes/infra';
import { startBenchInfra } from './processes/infra';
import type { Report } from './run';

const CARDS = Number(process.env.HEARTH_BENCH_CARDS ?? 5_000);
const CEILING = 50;

export async function deliveryBench(report: Report): Promise<void> {
  const connector = await startFakeConnector({ ceilingPerSecond: CEILING, throttleEvery: 97 });
  const infra = await startBenchInfra({
    HEARTH_SEND_RATE_PER_SECOND: process.env.HEARTH_BENCH_RATE ?? String(CEILING),
  });
  try {
    await run(infra, connector, report);
  } finally {
    await infra.stop();
    await connector.close();
  }
}

async function run({ services }: BenchInfra, connector: FakeConnector, report: Report): Promise<void> {
  const seeded = await seedMorningCards(services, connector, CARDS, { suffix: ':direct', queue: false });
  const deps = {
    store: services.store,
    sender: services.sender,
    limiter: services.limiter,
    render: () => ({ type: 'message', text: 'card' }),
    now: () => new Date(),
    sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    options: services.deliveryOptions,
    log: () => undefined,
  };
  const requestsBefore = connector.requests;
  const started = Date.now();
  // Enough in flight to keep the rate busy, as a Function App's instances would be.
  let pending = seeded.messages.map((m) => ({ id: m.id, recipientId: m.recipientId }));
  while (pending.length > 0) {
    const results: DeliveryResult[] = await mapLimit(
      pending,
      Number(process.env.HEARTH_BENCH_CONCURRENCY ?? 48),
      (q) => deliver(deps, q),
    );
    const later = pending.filter((_, i) => results[i]?.outcome === 'deferred');
    const wait = Math.min(...results.map((r) => (r.outcome === 'deferred' ? r.retryInMs : Infinity)));
    if (later.length > 0) await deps.sleep(Math.max(0, wait));
    pending = later;
  }
  const lastTaken = Math.max(...connector.received.map((r) => r.at));
  const seconds = (lastTaken - started) / 1000;
  const outcome = await countOutcomes(services, connector, seeded);

  report('delivery-bundles', CARDS, 'bundles');
  report('delivery-seconds', seconds, 's');
  report('delivery-throughput', (CARDS - outcome.notReceived) / seconds / CEILING, 'of ceiling');
  report('delivery-requests', connector.requests - requestsBefore, 'requests');
  report('delivery-429s', connector.throttled, 'responses');
  report('delivery-ceiling-429s', connector.ceilingThrottled, 'responses');
  report('delivery-skipped-slots', services.limiter.skipped(), 'slots');
  report('delivery-lost', outcome.lost, 'bundles');
  report('delivery-duplicates', outcome.duplicates, 'bundles');
}
