/**
 * The shared send schedule, as pure arithmetic over a small state that every sender shares (one
 * Cosmos document; see shared-rate.ts). Senders claim a few send times ("slots") at once; slots
 * are handed out in order, evenly spaced, so that however many instances claim them, no more than
 * `perSecond` sends begin in any one second.
 *
 * Why the spacing is (1000 + lateToleranceMs) / rate: a slot is used at its time or up to
 * `lateToleranceMs` later (a sender whose timer fires later than that skips it). Any one-second
 * window of actual sends then holds only slots from a window of 1000 + tolerance ms, which at
 * this spacing is at most `perSecond` slots.
 *
 * Throttling: a lone 429 is most often one conversation's limit and slows nobody else. Two 429s
 * within a second (from any senders) mean the app as a whole is too fast: the rate is cut by a
 * quarter, at most once a second, never below the floor. After a quiet second it climbs back in a
 * straight line, reaching the full rate `recoveryMs` later.
 */
export interface RateSettings {
  /** Sends that may begin in any one second, across every sender. */
  perSecond: number;
  /** How late a slot may still be used. */
  lateToleranceMs: number;
  /** The rate never falls below this, whatever Teams says. */
  floorPerSecond: number;
  /** Time from the end of a throttling storm to the full rate again. */
  recoveryMs: number;
}

export interface RateState {
  /** The earliest time (epoch ms) the next slot may have. */
  next: number;
  /** The rate set by the last cut (or the full rate). */
  rate: number;
  /** When the rate was last cut. */
  cutAt: number;
  /** When the last 429 was reported by any sender. */
  last429At: number;
}

/** Two 429s this close together mean the whole app is too fast. */
export const CLUSTER_MS = 1000;
/** No second cut within this long of the last one, and no recovery before it is over. */
export const QUIET_MS = 1000;
const CUT = 0.75;
/** Epoch milliseconds are large numbers: slot times carry rounding of about a ten-thousandth of a ms. */
const ROUNDING_MS = 0.01;

export function rateSettings(perSecond: number, overrides: Partial<RateSettings> = {}): RateSettings {
  return {
    perSecond,
    lateToleranceMs: 10,
    floorPerSecond: Math.min(perSecond, Math.max(1, perSecond / 4)),
    recoveryMs: 3000,
    ...overrides,
  };
}

/** "Long ago", kept as a plain number so the state is JSON. */
const NEVER = -1e15;

export function initialRateState(settings: RateSettings): RateState {
  return { next: 0, rate: settings.perSecond, cutAt: NEVER, last429At: NEVER };
}

/** The rate in force at `now`: the cut rate, climbing back after a quiet second. */
export function effectiveRate(state: RateState, now: number, s: RateSettings): number {
  const rate = Math.min(s.perSecond, Math.max(s.floorPerSecond, state.rate));
  const since = now - state.cutAt - QUIET_MS;
  if (since <= 0) return rate;
  return Math.min(s.perSecond, rate + (since * (s.perSecond - s.floorPerSecond)) / s.recoveryMs);
}

/** Spacing between slots at a given rate (see the module comment), and a little for rounding. */
export function slotSpacingMs(rate: number, s: RateSettings): number {
  return (1000 + s.lateToleranceMs) / rate + ROUNDING_MS;
}

/** Takes in 429s reported by a sender since its last claim, cutting the rate if they cluster. */
function absorb429s(state: RateState, now: number, reported: readonly number[], s: RateSettings): RateState {
  let next = state;
  for (const at of [...reported].sort((a, b) => a - b)) {
    const clustered = Math.abs(at - next.last429At) <= CLUSTER_MS;
    if (clustered && now - next.cutAt >= QUIET_MS) {
      next = { ...next, rate: Math.max(s.floorPerSecond, effectiveRate(next, now, s) * CUT), cutAt: now };
    }
    next = { ...next, last429At: Math.max(next.last429At, at) };
  }
  return next;
}

/**
 * Hands out `count` slots from `now` on. Returns the new state to store and the slot times, in
 * order; they may lie in the future, when others have claimed ahead.
 */
export function claimSlots(
  state: RateState,
  now: number,
  count: number,
  reported429s: readonly number[],
  s: RateSettings,
): { state: RateState; slots: number[]; rate: number } {
  const absorbed = absorb429s(state, now, reported429s, s);
  const rate = effectiveRate(absorbed, now, s);
  const spacing = slotSpacingMs(rate, s);
  const start = Math.max(absorbed.next, now);
  const slots = Array.from({ length: count }, (_, i) => start + i * spacing);
  return { state: { ...absorbed, next: start + count * spacing }, slots, rate };
}
