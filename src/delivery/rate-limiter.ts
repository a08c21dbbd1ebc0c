/**
 * A token bucket shared by everything one process sends, so Hearth stays below Teams' limit of
 * about 50 requests a second per app per tenant. `take` waits for a token rather than failing.
 *
 * A lone 429 is most often one conversation's limit, not the app's: that message waits its full
 * Retry-After and nobody else slows. A second 429 within a second means the app as a whole is too
 * fast: the rate drops by a quarter at once and climbs back a little with each send (additive
 * increase, multiplicative decrease). The burst is kept small enough that rate plus burst stays
 * within Teams' ceiling in any one second.
 */
export interface RateLimiter {
  take(): Promise<void>;
  /** Teams said 429: slow everyone down. */
  throttled(): void;
  /** The current rate, sends a second. */
  rate(): number;
}

/** Teams' limit on sends a second for one app in one tenant. */
export const TEAMS_CEILING_PER_SECOND = 50;
const CLUSTER_MS = 1000;

export function createRateLimiter(
  perSecond: number,
  burst = Math.max(1, Math.min(Math.floor(perSecond / 5), TEAMS_CEILING_PER_SECOND - perSecond)),
): RateLimiter {
  const floor = Math.min(1, perSecond);
  let current = perSecond;
  let lastThrottled = -Infinity;
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
      const now = Date.now();
      if (now - lastThrottled <= CLUSTER_MS) current = Math.max(floor, current * 0.75);
      lastThrottled = now;
    },
    rate: () => current,
  };
}
