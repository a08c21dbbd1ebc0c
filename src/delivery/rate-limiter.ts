/**
 * The send rate as one process sees it: every send first waits its turn with `take`, which
 * resolves at a slot of the shared schedule (rate-schedule.ts). The process claims slots a few at a
 * time from a SlotSource: the shared Cosmos document in Azure and under `npm start` (one rate for
 * every instance), or memory for the unit tests. A slot this process reaches too late is skipped
 * rather than used late, which is what keeps every one-second window within the rate.
 */
import type { RateSettings } from './rate-schedule';
import { claimSlots, initialRateState, rateSettings } from './rate-schedule';

export interface SlotSource {
  /** Claims `count` slots, passing on the 429s this process saw since its last claim. */
  claim(count: number, reported429s: readonly number[]): Promise<{ slots: number[]; rate: number }>;
}

export interface RateLimiter {
  /** Waits for this process's next turn to send; resolves with the time it began. */
  take(): Promise<number>;
  /** Teams said 429: reported with the next claim, so every sender can slow down. */
  throttled(): void;
  /** The rate in force at the last claim, sends a second. */
  rate(): number;
  /** Slots skipped because this process reached them too late (a busy machine). */
  skipped(): number;
}

export interface LimiterOptions {
  lateToleranceMs: number;
  /** Slots claimed at most at once. */
  maxBatch: number;
  /** The rate before the first claim. */
  perSecond: number;
  now?: () => number;
}

/** Claims that fail this many times in a row fail the waiting sends (the store is down). */
const CLAIM_TRIES = 3;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(source: SlotSource, options: LimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const waiters: { resolve(at: number): void; reject(error: unknown): void }[] = [];
  const slots: number[] = [];
  let reported: number[] = [];
  let claiming = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let current = options.perSecond;
  let skipped = 0;

  const arm = (at: number) => {
    if (timer && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timer = undefined;
        timerAt = Infinity;
        pump();
      },
      Math.max(0, at - now()),
    );
  };

  const claim = async (count: number) => {
    claiming = true;
    const sending = reported;
    reported = [];
    try {
      const got = await source.claim(count, sending);
      failures = 0;
      current = got.rate;
      slots.push(...got.slots);
      slots.sort((a, b) => a - b);
      // Slots all gone by the time they came: let the machine breathe before claiming again.
      const at = now();
      if (got.slots.every((slot) => at - slot > options.lateToleranceMs)) await sleep(10);
    } catch (error) {
      reported = [...sending, ...reported];
      failures += 1;
      if (failures >= CLAIM_TRIES) {
        failures = 0;
        for (const waiter of waiters.splice(0)) waiter.reject(error);
      } else await sleep(100 * failures);
    } finally {
      claiming = false;
      pump();
    }
  };

  function pump() {
    const at = now();
    while (slots.length && at - (slots[0] as number) > options.lateToleranceMs) {
      slots.shift();
      skipped += 1;
    }
    while (waiters.length && slots.length && (slots[0] as number) <= at) {
      slots.shift();
      waiters.shift()?.resolve(at);
    }
    if (waiters.length > slots.length && !claiming)
      void claim(Math.min(options.maxBatch, waiters.length - slots.length));
    if (waiters.length && slots.length) arm(slots[0] as number);
  }

  return {
    take() {
      return new Promise<number>((resolve, reject) => {
        waiters.push({ resolve, reject });
        pump();
      });
    },
    throttled() {
      reported.push(now());
    },
    rate: () => current,
    skipped: () => skipped,
  };
}

/** Slots from memory: one process on its own (unit tests, a benchmark's baseline). */
export function createLocalSlotSource(settings: RateSettings, now: () => number = Date.now): SlotSource {
  let state = initialRateState(settings);
  return {
    claim(count, reported429s) {
      const result = claimSlots(state, now(), count, reported429s, settings);
      state = result.state;
      return Promise.resolve({ slots: result.slots, rate: result.rate });
    },
  };
}

/** A limiter over memory alone, at `perSecond` with the default settings. */
export function localRateLimiter(perSecond: number, overrides: Partial<RateSettings> = {}): RateLimiter {
  const settings = rateSettings(perSecond, overrides);
  return createRateLimiter(createLocalSlotSource(settings), {
    lateToleranceMs: settings.lateToleranceMs,
    maxBatch: 1,
    perSecond,
  });
}
