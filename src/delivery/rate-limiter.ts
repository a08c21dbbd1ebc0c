/**
 * The send rate as one process sees it: every send first waits its turn with `take`, which
 * resolves at a slot of the shared schedule (rate-schedule.ts). The process claims slots a few at a
 * time from a SlotSource: the shared Cosmos document in Azure and under `npm start` (one rate for
 * every instance), or memory for the unit tests. A slot this process reaches later than the
 * slot's tolerance is skipped rather than used late, which is what keeps every one-second window
 * within the rate; and the process asks for the tolerance its own lateness needs, so that a busy
 * machine sends a little slower instead of skipping slot after slot.
 */
import type { RateSettings } from './rate-schedule';
import { claimSlots, initialRateState, rateSettings } from './rate-schedule';

/** What a process tells the schedule when it claims. */
export interface ClaimReport {
  /** When Teams answered 429, since the last claim. */
  throttledAt: readonly number[];
  /** The lateness this process needs tolerated, from how late its recent turns came. */
  toleranceMs: number;
}

export interface SlotSource {
  claim(count: number, report: ClaimReport): Promise<{ slots: number[]; rate: number; tolerance: number }>;
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
  /** Slots claimed at most at once. */
  maxBatch: number;
  /** The rate before the first claim. */
  perSecond: number;
  now?: () => number;
}

/** Recent lateness samples kept, and the share of them the asked-for tolerance covers. */
const LATENESS_SAMPLES = 64;
const COVERED = 0.97;

/** How late this process's recent turns came, and the tolerance that covers most of them. */
function latenessRecord() {
  const samples: number[] = [];
  return {
    add(ms: number) {
      samples.push(Math.max(0, ms));
      if (samples.length > LATENESS_SAMPLES) samples.shift();
    },
    tolerance(): number {
      if (samples.length === 0) return 0;
      const sorted = [...samples].sort((a, b) => a - b);
      const covered = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * COVERED))] as number;
      return Math.ceil(covered * 1.25 + 1);
    },
  };
}

/** One timer, set for the earliest moment asked of it. */
function alarm(now: () => number, ring: () => void) {
  let timer: NodeJS.Timeout | undefined;
  let at = Infinity;
  return (when: number) => {
    if (timer && at <= when) return;
    clearTimeout(timer);
    at = when;
    timer = setTimeout(
      () => {
        timer = undefined;
        at = Infinity;
        ring();
      },
      Math.max(0, when - now()),
    );
  };
}

/** Claims that fail this many times in a row fail the waiting sends (the store is down). */
const CLAIM_TRIES = 3;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(source: SlotSource, options: LimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const waiters: { resolve(at: number): void; reject(error: unknown): void }[] = [];
  const slots: { at: number; tolerance: number }[] = [];
  const lateness = latenessRecord();
  const wake = alarm(now, () => pump());
  let reported: number[] = [];
  let claiming = false;
  let failures = 0;
  let current = options.perSecond;
  let skipped = 0;

  const claim = async (count: number) => {
    claiming = true;
    const sending = reported;
    reported = [];
    try {
      const got = await source.claim(count, { throttledAt: sending, toleranceMs: lateness.tolerance() });
      failures = 0;
      current = got.rate;
      slots.push(...got.slots.map((at) => ({ at, tolerance: got.tolerance })));
      slots.sort((a, b) => a.at - b.at);
      // Slots all gone by the time they came: let the machine breathe before claiming again.
      const at = now();
      if (got.slots.every((slot) => at - slot > got.tolerance)) await sleep(10);
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
    for (let first = slots[0]; first && at - first.at > first.tolerance; first = slots[0]) {
      // Only a turn someone was waiting for says how late this process is.
      if (waiters.length) lateness.add(at - first.at);
      slots.shift();
      skipped += 1;
    }
    for (let first = slots[0]; first && waiters.length && first.at <= at; first = slots[0]) {
      slots.shift();
      lateness.add(at - first.at);
      waiters.shift()?.resolve(at);
    }
    if (waiters.length > slots.length && !claiming)
      void claim(Math.min(options.maxBatch, waiters.length - slots.length));
    if (waiters.length && slots[0]) wake(slots[0].at);
  }

  return {
    take: () =>
      new Promise<number>((resolve, reject) => {
        waiters.push({ resolve, reject });
        pump();
      }),
    throttled: () => void reported.push(now()),
    rate: () => current,
    skipped: () => skipped,
  };
}

/** Slots from memory: one process on its own (unit tests, a benchmark's baseline). */
export function createLocalSlotSource(settings: RateSettings, now: () => number = Date.now): SlotSource {
  let state = initialRateState(settings);
  return {
    claim(count, report) {
      const result = claimSlots(state, now(), count, report, settings);
      state = result.state;
      return Promise.resolve({ slots: result.slots, rate: result.rate, tolerance: result.tolerance });
    },
  };
}

/** A limiter over memory alone, at `perSecond` with the default settings. */
export function localRateLimiter(perSecond: number, overrides: Partial<RateSettings> = {}): RateLimiter {
  const settings = rateSettings(perSecond, overrides);
  return createRateLimiter(createLocalSlotSource(settings), { maxBatch: 1, perSecond });
}
