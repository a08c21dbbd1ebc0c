/**
 * Delivery as production runs it (issue 16): 5,000 morning cards written to the outbox and put on
 * the real queue (Azurite), sent by the real send-outbox handler fed by the real queue runner, in 1
 * and then in 3 sender processes at once sharing one rate through the store, against a fake Bot
 * Connector that enforces 50 requests a second and throttles every 97th request anyway. Prints the
 * share of the ceiling reached, 429s for going over the ceiling (apart from the injected ones),
 * and cards lost and sent twice.
 */
import type { Services } from '../../src/app/root';
import type { FakeConnector } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import type { Seeded } from './delivery-seed';
import { countOutcomes, seedMorningCards } from './delivery-seed';
import type { Child } from './processes/child';
import { startChild } from './processes/child';
import type { BenchInfra } from './processes/infra';
import { startBenchInfra } from './processes/infra';
import type { Report } from './run';

const CARDS = Number(process.env.HEARTH_BENCH_CARDS ?? 5_000);
const CEILING = 50;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function deliveryQueueBench(report: Report): Promise<void> {
  const connector = await startFakeConnector({ ceilingPerSecond: CEILING, throttleEvery: 97 });
  const infra = await startBenchInfra({ HEARTH_SEND_RATE_PER_SECOND: String(CEILING) });
  try {
    for (const processes of [1, 3]) await runWith(processes, infra, connector, report);
  } finally {
    await infra.stop();
    await connector.close();
  }
}

/** Starts counting afresh: the connector's ceiling window carries on, as Teams' would. */
export function resetCounts(connector: FakeConnector): void {
  connector.received = [];
  connector.requests = 0;
  connector.throttled = 0;
  connector.ceilingThrottled = 0;
  connector.conversationThrottled = 0;
  connector.lostAnswers = [];
}

/** Waits until every seeded card has reached the connector (or `limitMs` passes); when the last did. */
export async function untilAllTaken(connector: FakeConnector, seeded: Seeded, limitMs: number) {
  const wanted = new Set(seeded.conversationOf.values());
  const until = Date.now() + limitMs;
  for (;;) {
    const taken = new Map<string, number>();
    for (const r of connector.received) if (wanted.has(r.conversationId) && !taken.has(r.conversationId)) taken.set(r.conversationId, r.at);
    if (taken.size === wanted.size || Date.now() > until) return Math.max(...taken.values());
    await sleep(250);
  }
}

/** Waits until the outbox says every seeded card was sent (writes come just after the answers). */
export async function untilOutboxSettled(services: Services, seeded: Seeded, limitMs: number) {
  const until = Date.now() + limitMs;
  const ids = seeded.messages.map((m) => m.id);
  while (Date.now() < until) {
    const open = await services.store.outbox.query(
      "c.status != 'sent' AND ARRAY_CONTAINS(@ids, c.id)",
      [{ name: '@ids', value: ids }],
    );
    if (open.length === 0) return;
    await sleep(1000);
  }
}

async function stopAll(senders: Child<number>[]) {
  const isStopped = (m: unknown): m is { stopped: { outcomes: Record<string, number>; skipped: number } } =>
    typeof m === 'object' && m !== null && 'stopped' in m;
  const stopped = await Promise.all(
    senders.map(async (s) => {
      s.send('stop');
      const said = await Promise.race([s.next(isStopped), sleep(30_000).then(() => undefined)]);
      await s.kill();
      return said?.stopped;
    }),
  );
  return stopped.reduce((sum, s) => sum + (s?.skipped ?? 0), 0);
}

async function runWith(processes: number, infra: BenchInfra, connector: FakeConnector, report: Report) {
  const { services } = infra;
  resetCounts(connector);
  await services.queues.service.getQueueClient('hearth-outbox').clearMessages();
  const seeded = await seedMorningCards(services, connector, CARDS, { suffix: `:${processes}x`, queue: true });
  const senders = await Promise.all(
    Array.from({ length: processes }, () => startChild<number>('sender', infra.env)),
  );
  const started = Date.now();
  for (const s of senders) s.send('go');
  const lastTaken = await untilAllTaken(connector, seeded, 15 * 60_000);
  await untilOutboxSettled(services, seeded, 60_000);
  const skipped = await stopAll(senders);
  const seconds = (lastTaken - started) / 1000;
  const outcome = await countOutcomes(services, connector, seeded);
  const name = `delivery-queue-${processes}x`;
  report(`${name}-seconds`, seconds, 's');
  report(`${name}-throughput`, (CARDS - outcome.notReceived) / seconds / CEILING, 'of ceiling');
  report(`${name}-requests`, connector.requests, 'requests');
  report(`${name}-429s`, connector.throttled, 'responses');
  report(`${name}-ceiling-429s`, connector.ceilingThrottled, 'responses');
  report(`${name}-skipped-slots`, skipped, 'slots');
  report(`${name}-lost`, outcome.lost, 'bundles');
  report(`${name}-duplicates`, outcome.duplicates, 'bundles');
}
