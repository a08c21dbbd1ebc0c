/**
 * Issue 10, item 6: the shared send rate never falls to nothing. Every message meets four 429s
 * before Teams takes it; the rate, held in the store and shared by every sender, comes down but
 * never below its floor, every card goes once, and within seconds of the storm's end the rate is
 * back to full.
 */
import type { Services } from '../../src/app/root';
import { deliver } from '../../src/delivery/deliver';
import type { RateLimiter } from '../../src/delivery/rate-limiter';
import { sharedRateLimiter } from '../../src/delivery/shared-rate';
import { startFakeConnector } from '../support/fake-connector';
import { aRecipient, deliveryDeps } from '../support/delivery';
import { disposeServices, testServices } from '../support/services';

let services: Services;

beforeAll(async () => {
  services = await testServices();
});
afterAll(() => disposeServices(services));

const real = { now: () => new Date(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

it('keeps the shared rate above its floor through four 429s a message, and recovers within seconds', async () => {
  const connector = await startFakeConnector();
  try {
    const shared = sharedRateLimiter(services.store.outbox.container, 20);
    const rates: number[] = [];
    // The limiter as every send sees it, noting the rate in force at each turn.
    const limiter: RateLimiter = {
      ...shared,
      take: async () => {
        const at = await shared.take();
        rates.push(shared.rate());
        return at;
      },
    };
    const recipients = await Promise.all(
      Array.from({ length: 12 }, () => aRecipient(services, connector, new Date())),
    );
    for (const r of recipients)
      connector.faultsFor.set(
        r.conversation,
        Array.from({ length: 4 }, () => ({ status: 429 as const, retryAfter: '0.1' })),
      );

    const results = await Promise.all(
      recipients.map((r) => deliver(deliveryDeps(services, real, { limiter }), r.queued)),
    );

    expect(results.map((r) => r.outcome)).toEqual(recipients.map(() => 'sent'));
    for (const r of recipients)
      expect(connector.received.filter((x) => x.conversationId === r.conversation)).toHaveLength(1);
    expect(Math.min(...rates)).toBeLessThan(20);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(5);

    // Sends succeed again: a quiet second and three of recovery later, the rate is full.
    await real.sleep(4100);
    await limiter.take();
    expect(rates.at(-1)).toBe(20);
  } finally {
    await connector.close();
  }
}, 60_000);
