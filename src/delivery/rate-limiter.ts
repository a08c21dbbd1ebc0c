/**
 * A token bucket shared by everything one process sends, so Hearth stays below Teams' limit of
 * about 50 requests a second per app per tenant. `take` waits for a token rather than failing.
 */
export interface RateLimiter {
  take(): Promise<void>;
  /** Stops everyone for a while: the service said 429 and asked us to wait. */
  pause(ms: number): void;
}

export function createRateLimiter(
  perSecond: number,
  burst = Math.max(1, Math.floor(perSecond / 5)),
): RateLimiter {
  let tokens = burst;
  let last = Date.now();
  let pausedUntil = 0;
  let chain: Promise<void> = Promise.resolve();
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

  const takeOne = async () => {
    for (;;) {
      const now = Date.now();
      if (now < pausedUntil) {
        await sleep(pausedUntil - now);
        continue;
      }
      tokens = Math.min(burst, tokens + ((now - last) * perSecond) / 1000);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - tokens) * 1000) / perSecond));
    }
  };

  return {
    take() {
      // One waiter at a time, in order: fairness and no thundering herd.
      const mine = chain.then(takeOne);
      chain = mine.catch(() => undefined);
      return mine;
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, Date.now() + ms);
    },
  };
}
