/**
 * A token bucket shared by everything one process sends, so Hearth stays below Teams' limit of
 * about 50 requests a second per app per tenant. `take` waits for a token rather than failing.
 *
 * When Teams answers 429 the rate drops by a quarter at once and climbs back a little with each
 * send (additive increase, multiplicative decrease), so a burst of throttling slows everyone while
 * a stray 429 costs little. The throttled message itself still waits its full Retry-After.
 */
export interface RateLimiter {
  take(): Promise<void>;
  /** Teams said 429: slow everyone down. */
  throttled(): void;
  /** The current rate, sends a second. */
  rate(): number;
}

export function createRateLimiter(
  perSecond: number,
  burst = Math.max(1, Math.floor(perSecond / 5)),
): RateLimiter {
  const floor = Math.min(1, perSecond);
  let current = perSecond;
  let tokens = burst;
  let last = Date.now();
  let chain: Promise<void> = Promise.resolve();
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

  const takeOne = async () => {
    for (;;) {
      const now = Date.now();
      tokens = Math.min(burst, tokens + ((now - last) * current) / 1000);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        current = Math.min(perSecond, current + 0.2);
        return;
      }
      await sleep(Math.ceil(((1 - tokens) * 1000) / current));
    }
  };

  return {
    take() {
      // One waiter at a time, in order: fairness and no thundering herd.
      const mine = chain.then(takeOne);
      chain = mine.catch(() => undefined);
      return mine;
    },
    throttled() {
      current = Math.max(floor, current * 0.75);
    },
    rate: () => current,
  };
}
