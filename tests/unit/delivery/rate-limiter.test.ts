/** The shared rate limit, on jest's fake clock so the figures are exact rather than timed. */
import { createRateLimiter } from '../../../src/delivery/rate-limiter';

beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-30T09:00:00Z') }));
afterEach(() => jest.useRealTimers());

async function takenWithin(limiter: ReturnType<typeof createRateLimiter>, wanted: number, ms: number) {
  let taken = 0;
  for (let i = 0; i < wanted; i++) void limiter.take().then(() => taken++);
  await jest.advanceTimersByTimeAsync(ms);
  return taken;
}

it('lets through the burst and then the rate, no more', async () => {
  const limiter = createRateLimiter(10, 2);
  expect(await takenWithin(limiter, 50, 1000)).toBe(12);
});

it('keeps the rate on a lone 429: that is one conversation, not the whole app', async () => {
  const limiter = createRateLimiter(40, 1);
  limiter.throttled();
  await jest.advanceTimersByTimeAsync(1500);
  limiter.throttled();
  expect(limiter.rate()).toBe(40);
});

it('slows down by a quarter when 429s come together, and climbs back as sends succeed', async () => {
  const limiter = createRateLimiter(40, 1);
  limiter.throttled();
  limiter.throttled();
  expect(limiter.rate()).toBe(30);
  await jest.advanceTimersByTimeAsync(500);
  limiter.throttled();
  expect(limiter.rate()).toBe(22.5);
  await takenWithin(limiter, 30, 2000);
  expect(limiter.rate()).toBeGreaterThan(22.5);
  expect(limiter.rate()).toBeLessThanOrEqual(40);
});

it("keeps rate plus burst within Teams' ceiling by default", async () => {
  expect(await takenWithin(createRateLimiter(48), 100, 1000)).toBeLessThanOrEqual(50);
  expect(await takenWithin(createRateLimiter(30), 100, 1000)).toBe(36);
});

it('never goes below one a second', () => {
  const limiter = createRateLimiter(30);
  for (let i = 0; i < 50; i++) limiter.throttled();
  expect(limiter.rate()).toBe(1);
});
