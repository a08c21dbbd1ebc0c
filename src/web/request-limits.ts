/**
 * Rate limits for the family pages, per link and per client address: a fixed window counter held
 * in this instance's memory. With several Function App instances each counts on its own, so the
 * real ceiling is the limit times the instance count; that is acceptable for slowing guessing and
 * floods, which is all these are for (tokens are 128 random bits; guessing is hopeless anyway).
 */
export interface LimitRule {
  limit: number;
  windowMs: number;
}

export interface LimitResult {
  ok: boolean;
  /** Seconds until the window resets, when not ok. */
  retryAfterSeconds: number;
}

export interface RequestLimiter {
  take(key: string, now: number): LimitResult;
}

/** Keeps at most `maxKeys` windows, dropping finished ones first, then the oldest. */
export function createRequestLimiter(rule: LimitRule, maxKeys = 10_000): RequestLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const prune = (now: number) => {
    for (const [key, w] of windows) if (now - w.start >= rule.windowMs) windows.delete(key);
    while (windows.size >= maxKeys) {
      const oldest = windows.keys().next();
      if (oldest.done) break;
      windows.delete(oldest.value);
    }
  };
  return {
    take(key, now) {
      let w = windows.get(key);
      if (!w || now - w.start >= rule.windowMs) {
        if (!w && windows.size >= maxKeys) prune(now);
        w = { start: now, count: 0 };
        windows.delete(key);
        windows.set(key, w);
      }
      w.count++;
      if (w.count <= rule.limit) return { ok: true, retryAfterSeconds: 0 };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + rule.windowMs - now) / 1000)) };
    },
  };
}

/** A family answering all the questions, going back and changing some, stays far below these. */
export const PER_LINK: LimitRule = { limit: 120, windowMs: 10 * 60 * 1000 };
/** Higher, because a family hub or a school can put many families behind one address. */
export const PER_ADDRESS: LimitRule = { limit: 600, windowMs: 10 * 60 * 1000 };

/**
 * The client's address: the last entry of X-Forwarded-For, which the platform's front end (or the
 * local host) appends; earlier entries are whatever the client claimed. Ports are dropped.
 */
export function clientAddress(forwardedFor: string | null): string {
  const last = forwardedFor?.split(',').pop()?.trim();
  if (!last) return 'unknown';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(last);
  if (bracketed) return bracketed[1] as string;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(last);
  return v4 ? (v4[1] as string) : last.slice(0, 64);
}
