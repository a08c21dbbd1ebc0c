/**
 * Issue 16: one send rate for every instance of Hearth. Two processes, each with its own limiter,
 * share one bucket in the store, and together never begin more sends than the rate in any one
 * second; two limiters that do not share (as before) go over it. Three instances sending one
 * person many messages at once keep Teams' per-conversation limits.
 */
import type { Services } from '../../../src/app/root';
import { deliver } from '../../../src/delivery/deliver';
import { localRateLimiter } from '../../../src/delivery/rate-limiter';
import { sharedRateLimiter } from '../../../src/delivery/shared-rate';
import type { Child } from '../../bench/processes/child';
import { startChild } from '../../bench/processes/child';
import { CONVERSATION_LIMITS, startFakeConnector } from '../../support/fake-connector';
import { aRecipient, deliveryDeps } from '../../support/delivery';
import { disposeServices, testServices } from '../../support/services';

let services: Services;

beforeAll(async () => {
  services = await testServices();
});
afterAll(() => disposeServices(services));

/** Most times in any one window of `ms` (half open, as Teams counts). */
function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] as number) <= (sorted[i] as number) - ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const isResult = (m: unknown): m is { began: number[]; skipped: number } =>
  typeof m === 'object' && m !== null && 'began' in m;

it('keeps two processes sharing one bucket within the rate over every one-second window', async () => {
  const env = {
    HEARTH_COSMOS_ENDPOINT: process.env.HEARTH_TEST_COSMOS_ENDPOINT ?? '',
    HEARTH_COSMOS_CERT: process.env.HEARTH_TEST_COSMOS_CERT ?? '',
    HEARTH_COSMOS_DATABASE: services.config.cosmos.database,
    HEARTH_SEND_RATE_PER_SECOND: '20',
    HEARTH_TURNS: '60',
  };
  const users: Child<number>[] = await Promise.all([
    startChild<number>('limiter-user', env),
    startChild<number>('limiter-user', env),
  ]);
  try {
    for (const user of users) user.send('go');
    const [a, b] = await Promise.all(users.map((u) => u.next(isResult)));
    const all = [...(a?.began ?? []), ...(b?.began ?? [])];
    expect(all).toHaveLength(120);
    expect(busiest(all, 1000)).toBeLessThanOrEqual(20);
    // They really ran side by side: each began sends while the other was sending.
    const [firstA, lastA] = [Math.min(...(a?.began ?? [])), Math.max(...(a?.began ?? []))];
    expect((b?.began ?? []).filter((t) => t > firstA && t < lastA).length).toBeGreaterThan(10);
  } finally {
    await Promise.all(users.map((u) => u.kill()));
  }
}, 60_000);

it('goes over the rate with two limiters that do not share (the check above can fail)', async () => {
  const own = [localRateLimiter(20), localRateLimiter(20)];
  const began = await Promise.all(own.flatMap((l) => Array.from({ length: 30 }, () => l.take())));
  expect(busiest(began, 1000)).toBeGreaterThan(20);
});

it("keeps Teams' per-conversation limits when three instances send one person many messages at once", async () => {
  const connector = await startFakeConnector({ conversationLimits: true });
  try {
    const first = await aRecipient(services, connector, new Date());
    const kinds = [
      'morning',
      'nudge',
      'digest',
      'note',
      'nudge',
      'note',
      'note',
      'note',
      'note',
      'note',
      'note',
    ];
    const messages = kinds.map((kind, i) => ({ ...first.message, id: `${first.message.id}:${kind}:${i}` }));
    for (const m of messages) await services.store.outbox.upsert(m);
    // Three instances: each its own limiter on the shared bucket, each its own deliveries.
    const real = {
      now: () => new Date(),
      sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    };
    const instances = [0, 1, 2].map(() =>
      deliveryDeps(services, real, {
        limiter: sharedRateLimiter(services.store.outbox.container, 40),
        options: { conversationSlackMs: 1000 },
      }),
    );

    // Each message given to one instance, and given again when put off, as the queue would.
    const results = await Promise.all(
      messages.map(async (m, i) => {
        for (;;) {
          const result = await deliver(instances[i % 3] as (typeof instances)[number], m);
          if (result.outcome !== 'deferred') return result;
          await real.sleep(result.retryInMs);
        }
      }),
    );

    expect(results.filter((r) => r.outcome !== 'sent')).toEqual([]);
    const times = connector.received.filter((r) => r.conversationId === first.conversation).map((r) => r.at);
    expect(times).toHaveLength(messages.length);
    expect(connector.conversationThrottled).toBe(0);
    for (const limit of CONVERSATION_LIMITS)
      expect(busiest(times, limit.ms)).toBeLessThanOrEqual(limit.count);
  } finally {
    await connector.close();
  }
}, 60_000);
