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
import { countOutcomes, countWithStatus, feedQueue, seedMorningCards } from './delivery-seed';
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
  const infra = await startBenchInfra({
    HEARTH_SEND_RATE_PER_SECOND: process.env.HEARTH_BENCH_RATE ?? String(CEILING),
  });
  try {
    for (const processes of (process.env.HEARTH_BENCH_PROCESSES ?? '1,3').split(',').map(Number))
      await runWith(processes, infra, connector, report);
  } finally {
    await infra.stop();
    await connector.close();
  }
}

/** Starts counting afresh: the connector's ceiling window carries on, as Teams' would. */
export function resetCounts(connector: FakeConnector): void {
  connector.received = [];
  connector.arrivals = [];
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
    for (const r of connector.received)
      if (wanted.has(r.conversationId) && !taken.has(r.conversationId)) taken.set(r.conversationId, r.at);
    if (taken.size === wanted.size || Date.now() > until) return Math.max(...taken.values());
    await sleep(250);
  }
}

/** Waits until the outbox says every seeded card was sent (writes come just after the answers). */
export async function untilOutboxSettled(services: Services, seeded: Seeded, limitMs: number) {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if ((await countWithStatus(services, seeded, 'sent', true)) === 0) return;
    await sleep(1000);
  }
}

interface Stopped {
  outcomes: Record<string, number>;
  skipped: number;
  began: number[];
}

/** Stops the senders; what they say about their sends (a killed one says nothing). */
export async function stopAll(senders: Child<number>[]) {
  const isStopped = (m: unknown): m is { stopped: Stopped } =>
    typeof m === 'object' && m !== null && 'stopped' in m;
  const stopped = await Promise.all(
    senders.map(async (s) => {
      s.send('stop');
      const said = await Promise.race([s.next(isStopped), sleep(30_000).then(() => undefined)]);
      if (!(await s.ended(5000))) await s.kill();
      return said?.stopped;
    }),
  );
  return {
    skipped: stopped.reduce((sum, s) => sum + (s?.skipped ?? 0), 0),
    began: stopped.flatMap((s) => s?.began ?? []),
  };
}

/** Most times in any one-second window (half open, as Teams counts). */
export function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] as number) <= (sorted[i] as number) - 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

async function runWith(processes: number, infra: BenchInfra, connector: FakeConnector, report: Report) {
  const { services } = infra;
  resetCounts(connector);
  await services.queues.service.getQueueClient('hearth-outbox').clearMessages();
  const seeded = await seedMorningCards(services, connector, CARDS, {
    suffix: `:${processes}x`,
    queue: false,
  });
  const feeder = feedQueue(services, seeded);
  await feeder.fill();
  const senders = await Promise.all(
    Array.from({ length: processes }, () => startChild<number>('sender', infra.env)),
  );
  const started = Date.now();
  for (const s of senders) s.send('go');
  const lastTaken = await untilAllTaken(connector, seeded, 15 * 60_000);
  await feeder.stop();
  await untilOutboxSettled(services, seeded, 60_000);
  const { skipped, began } = await stopAll(senders);
  const arrived = connector.arrivals.filter((t) => t >= started);
  const seconds = (lastTaken - started) / 1000;
  const outcome = await countOutcomes(services, connector, seeded);
  const name = `delivery-queue-${processes}x`;
  report(`${name}-seconds`, seconds, 's');
  report(`${name}-throughput`, (CARDS - outcome.notReceived) / seconds / CEILING, 'of ceiling');
  report(`${name}-requests`, connector.requests, 'requests');
  report(`${name}-429s`, connector.throttled, 'responses');
  report(`${name}-ceiling-429s`, connector.ceilingThrottled, 'responses');
  report(`${name}-skipped-slots`, skipped, 'slots');
  // The schedule's own check: sends begun in the busiest second, by all processes together; and
  // requests arrived at the connector in its busiest second (the difference is the machine's jitter).
  report(`${name}-busiest-second-begun`, busiestSecond(began), 'sends');
  report(`${name}-busiest-second-arrived`, busiestSecond(arrived), 'requests');
  report(`${name}-lost`, outcome.lost, 'bundles');
  report(`${name}-duplicates`, outcome.duplicates, 'bundles');
}
