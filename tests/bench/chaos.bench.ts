/**
 * Chaos (issue 10): 1,000 morning cards through the real queue and three real sender processes,
 * against a fake Bot Connector with Teams' ceiling of 50 a second that also answers with 429
 * storms (Retry-After up to 3,600 s), 5xx, requests that never answer, and answers lost after it
 * took the card; and one sender process killed (SIGKILL) at the moment Teams has taken a card from
 * it and before the answer reaches it. Prints cards lost (must be 0), cards sent twice (only where
 * an answer was lost or the sender was killed, each recorded as possibly duplicated), and the time
 * it took.
 *
 * Time: waits back on the queue are shortened 600-fold in the senders (a Retry-After of 3,600 s is
 * capped at the 600 s retry cap, and 600 s of queue delay takes 1 s); claims last 10 s instead of
 * 60 s and a send times out after 2 s instead of 15 s; waits of a few seconds inside a function are
 * real. Everything else is as in production.
 */
import type { Fault } from '../support/fake-connector';
import { startFakeConnector } from '../support/fake-connector';
import { countOutcomes, seedMorningCards } from './delivery-seed';
import { resetCounts, untilAllTaken, untilOutboxSettled } from './delivery-queue.bench';
import type { Child } from './processes/child';
import { startChild } from './processes/child';
import { startBenchInfra } from './processes/infra';
import type { Report } from './run';

const CARDS = 1_000;
const KILL_AFTER = 300;
const SENDERS = 3;

/** The same faults every run: a small seeded random number generator. */
function seeded(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

interface Tally {
  storm429: number;
  fault5xx: number;
  hangs: number;
  lostAnswers: number;
}

/** Storms of 429s for 3 s in every 15, and a steady trickle of the other faults. */
function chaos(started: () => number, tally: Tally) {
  const random = seeded(20_261_130);
  const retryAfter = ['1', '1', '2', '5', '30', '300', '3600'];
  return (): Fault | undefined => {
    const r = random();
    const inStorm = (Date.now() - started()) % 15_000 < 3000;
    if (inStorm && r < 0.6) {
      tally.storm429 += 1;
      return { status: 429, retryAfter: retryAfter[Math.floor(random() * retryAfter.length)] as string };
    }
    if (r < 0.03) {
      tally.fault5xx += 1;
      return { status: ([500, 502, 503, 504] as const)[Math.floor(random() * 4)] as 500 };
    }
    if (r < 0.04) {
      tally.hangs += 1;
      return 'hang';
    }
    if (r < 0.05) {
      tally.lostAnswers += 1;
      return 'lost-answer';
    }
    if (r < 0.055) return { status: 429, retryAfter: '3600' };
    return undefined;
  };
}

const isSending = (m: unknown): m is { sending: string } =>
  typeof m === 'object' && m !== null && 'sending' in m;

export async function chaosBench(report: Report): Promise<void> {
  const connector = await startFakeConnector({ ceilingPerSecond: 50 });
  const infra = await startBenchInfra({ HEARTH_SEND_RATE_PER_SECOND: '50' });
  const senders: Child<number>[] = [];
  try {
    const { services } = infra;
    resetCounts(connector);
    const cards = await seedMorningCards(services, connector, CARDS, { suffix: ':chaos', queue: true });
    const env = {
      ...infra.env,
      HEARTH_BENCH_REPORT_SENDS: 'true',
      HEARTH_BENCH_QUEUE_SCALE: '600',
      HEARTH_BENCH_CLAIM_MS: '10000',
      HEARTH_BENCH_CLAIM_MARGIN_MS: '1000',
      HEARTH_BENCH_SEND_TIMEOUT_MS: '2000',
      HEARTH_BENCH_RETRY_SECONDS: '2',
      HEARTH_BENCH_HOLD_SECONDS: '5',
    };
    senders.push(
      ...(await Promise.all(Array.from({ length: SENDERS }, () => startChild<number>('sender', env)))),
    );
    // Which sender last said it was sending to each chat.
    const senderOf = new Map<string, number>();
    senders.forEach((s, i) => s.process.on('message', (m) => isSending(m) && senderOf.set(m.sending, i)));

    const tally: Tally = { storm429: 0, fault5xx: 0, hangs: 0, lostAnswers: 0 };
    let started = 0;
    connector.chaos = chaos(() => started, tally);
    const killed: string[] = [];
    connector.onTaken = (taken, answer) => {
      if (killed.length > 0 || connector.received.length < KILL_AFTER) return answer();
      killed.push(taken.conversationId);
      // Teams has the card; the sender that sent it dies before the answer reaches it.
      const victim = senders[senderOf.get(taken.conversationId) ?? 0] as Child<number>;
      void victim.kill().then(answer);
    };

    started = Date.now();
    for (const s of senders) s.send('go');
    const lastTaken = await untilAllTaken(connector, cards, 10 * 60_000);
    await untilOutboxSettled(services, cards, 60_000);
    const wall = (lastTaken - started) / 1000;
    for (const s of senders) s.send('stop');
    await new Promise((r) => setTimeout(r, 2000));

    const outcome = await countOutcomes(services, connector, cards);
    const explained = new Set([...connector.lostAnswers, ...killed]);
    const recorded = new Set(
      (await services.store.activity.query("c.action = 'delivery.possibly-duplicated'")).map((a) =>
        cards.conversationOf.get(String(a.details.outboxId)),
      ),
    );
    report('chaos-cards', CARDS, 'cards');
    report('chaos-wall', wall, 's');
    report('chaos-lost', outcome.lost, 'cards');
    report('chaos-duplicates', outcome.duplicates, 'cards');
    report(
      'chaos-duplicates-unexplained',
      outcome.duplicatedChats.filter((c) => !explained.has(c)).length,
      'cards',
    );
    report(
      'chaos-duplicates-unrecorded',
      outcome.duplicatedChats.filter((c) => !recorded.has(c)).length,
      'cards',
    );
    report('chaos-possibly-duplicated-recorded', recorded.size, 'cards');
    report('chaos-storm-429s', tally.storm429, 'responses');
    report('chaos-5xx', tally.fault5xx, 'responses');
    report('chaos-timeouts', tally.hangs, 'requests');
    report('chaos-lost-answers', tally.lostAnswers, 'requests');
    report('chaos-killed-senders', killed.length, 'processes');
    report('chaos-ceiling-429s', connector.ceilingThrottled, 'responses');
  } finally {
    await Promise.all(senders.map((s) => s.kill()));
    await infra.stop();
    await connector.close();
  }
}
