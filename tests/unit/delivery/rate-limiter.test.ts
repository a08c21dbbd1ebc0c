/** One process's side of the send rate, on jest's fake clock so the figures are exact rather than timed. */
import type { SlotSource } from '../../../src/delivery/rate-limiter';
import { createRateLimiter, localRateLimiter } from '../../../src/delivery/rate-limiter';

beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-30T08:30:00Z') }));
afterEach(() => jest.useRealTimers());

/** Starts `wanted` sends at once and returns when each was let through, after `ms`. */
async function startsWithin(limiter: ReturnType<typeof localRateLimiter>, wanted: number, ms: number) {
  const started: number[] = [];
  for (let i = 0; i < wanted; i++) void limiter.take().then((at) => started.push(at));
  await jest.advanceTimersByTimeAsync(ms);
  return started;
}

it('lets sends through one at a time, evenly, at the rate and no faster', async () => {
  const started = await startsWithin(localRateLimiter(10), 50, 1000);
  // 10 a second, spaced (1000 + 5) / 10 ms so that a send up to 5 ms late still keeps the rate.
  expect(started).toHaveLength(10);
  started.slice(1).forEach((t, i) => expect(t - (started[i] as number)).toBeGreaterThanOrEqual(100));
});

it('keeps any one second at the rate when the rate is the ceiling', async () => {
  const started = await startsWithin(localRateLimiter(50), 200, 3000);
  for (const t of started)
    expect(started.filter((u) => u > t - 1000 && u <= t).length).toBeLessThanOrEqual(50);
  expect(started.length).toBeGreaterThanOrEqual(148);
});

it('skips a slot it reached too late rather than send late, and takes the next', async () => {
  // The first slot handed out is already 50 ms gone (a sender held up by a busy machine).
  let next = Date.now() - 50;
  const source: SlotSource = {
    claim: (count) => {
      const slots = Array.from({ length: count }, (_, i) => next + i * 100);
      next += count * 100;
      return Promise.resolve({ slots, rate: 10, tolerance: 10 });
    },
  };
  const limiter = createRateLimiter(source, { maxBatch: 2, perSecond: 10 });
  const started: number[] = [];
  void limiter.take().then((at) => started.push(at));
  await jest.advanceTimersByTimeAsync(200);
  expect(limiter.skipped()).toBe(1);
  expect(started).toEqual([Date.parse('2026-11-30T08:30:00Z') + 50]);
});

it('asks for the tolerance its lateness needs, and skips only slots later than their own tolerance', async () => {
  const asked: number[] = [];
  let next = Date.now();
  const source: SlotSource = {
    claim: (count, report) => {
      asked.push(report.toleranceMs);
      // Every slot handed out is 30 ms gone already: this process is slow to reach its turns.
      const slots = Array.from({ length: count }, (_, i) => next - 30 + i * 100);
      next += count * 100;
      return Promise.resolve({ slots, rate: 10, tolerance: Math.max(5, report.toleranceMs) });
    },
  };
  const limiter = createRateLimiter(source, { maxBatch: 1, perSecond: 10 });
  const started: number[] = [];
  for (let i = 0; i < 20; i++) void limiter.take().then((at) => started.push(at));
  await jest.advanceTimersByTimeAsync(5000);
  expect(started).toHaveLength(20);
  // At first the 30 ms are too late and skipped; then the tolerance asked for covers them.
  expect(limiter.skipped()).toBeGreaterThan(0);
  expect(limiter.skipped()).toBeLessThan(20);
  expect(Math.max(...asked)).toBeGreaterThanOrEqual(30);
});

it('passes 429s on with its next claim, so every sender sharing the rate hears of them', async () => {
  const reports: number[][] = [];
  const source: SlotSource = {
    claim: (count, report) => {
      reports.push([...report.throttledAt]);
      return Promise.resolve({
        slots: Array.from({ length: count }, () => Date.now()),
        rate: 20,
        tolerance: 5,
      });
    },
  };
  const limiter = createRateLimiter(source, { maxBatch: 1, perSecond: 20 });
  await limiter.take();
  limiter.throttled();
  limiter.throttled();
  await limiter.take();
  expect(reports).toEqual([[], [Date.now(), Date.now()]]);
  expect(limiter.rate()).toBe(20);
});

/** Waits for one turn, moving the fake clock on until it comes. */
async function turn(limiter: ReturnType<typeof localRateLimiter>): Promise<number> {
  let at: number | undefined;
  void limiter.take().then((t) => (at = t));
  while (at === undefined) await jest.advanceTimersByTimeAsync(5);
  return at;
}

it('never goes below its floor in a storm of four 429s a message, and is back to full within seconds after', async () => {
  const limiter = localRateLimiter(40);
  const rates: number[] = [];
  // 60 messages, each throttled four times before it goes: 240 sends that all meet 429.
  for (let i = 0; i < 240; i++) {
    await turn(limiter);
    limiter.throttled();
    rates.push(limiter.rate());
  }
  expect(Math.min(...rates)).toBe(10);
  const stormEnded = Date.now();
  // Then every send succeeds: full rate again within a quiet second and three of recovery.
  while (limiter.rate() < 40) await turn(limiter);
  expect(Date.now() - stormEnded).toBeLessThanOrEqual(4200);
});

it('fails the waiting sends when slots cannot be claimed at all (the store is down)', async () => {
  const limiter = createRateLimiter(
    { claim: () => Promise.reject(new Error('store down')) },
    { maxBatch: 4, perSecond: 10 },
  );
  const waiting = limiter.take();
  const caught = waiting.catch((error: unknown) => error);
  await jest.advanceTimersByTimeAsync(1000);
  expect(await caught).toEqual(new Error('store down'));
});
