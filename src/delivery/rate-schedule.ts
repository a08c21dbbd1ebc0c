/**
 * The shared send schedule, as pure arithmetic over a small state that every sender shares (one
 * Cosmos document; see shared-rate.ts). Senders claim a few send times ("slots") at once; slots
 * are handed out in order, evenly spaced, so that however many instances claim them, no more than
 * `perSecond` sends begin in any one second.
 *
 * Lateness: a slot is used at its time or up to its tolerance later (a sender whose timer fires
 * later than that skips it). Slots are spaced (1000 + tolerance) / rate apart, so any one-second
 * window of actual sends holds only slots from a window of 1000 + tolerance ms: at most
 * `perSecond`. The tolerance follows how late senders really are (a busy machine fires timers
 * late): raised at once to what any sender asks, lowered only after a few seconds, halfway,
 * with a pause of the difference in the schedule so that every `perSecond` consecutive slots
 * still span 1000 ms plus the tolerance of the first.
 *
 * Throttling: a lone 429 is most often one conversation's limit, or Teams shedding load at random,
 * and slows nobody else. Three 429s within a second (from any senders) mean the app as a whole is
 * too fast: the rate is cut by a quarter, at most once a second, never below the floor. After a
 * quiet second it climbs back in a straight line, reaching the full rate `recoveryMs` later.
 */
export interface RateSettings {
  /** Sends that may begin in any one second, across every sender. */
  perSecond: number;
  /** The least and most lateness a slot may be used with. */
  minToleranceMs: number;
  maxToleranceMs: number;
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
  /** When 429s were reported by any sender, within the last second. */
  recent429s: number[];
  /** How late slots handed out now may be used. */
  tolerance: number;
  /** When the tolerance last changed. */
  tunedAt: number;
}

export interface Claimed {
  state: RateState;
  /** Slot times, in order; they may lie in the future when others have claimed ahead. */
  slots: number[];
  rate: number;
  /** How late these slots may be used. */
  tolerance: number;
}

/** This many 429s within this long mean the whole app is too fast. */
export const CLUSTER_COUNT = 3;
export const CLUSTER_MS = 1000;
/** No second cut within this long of the last one, and no recovery before it is over. */
export const QUIET_MS = 1000;
/** The tolerance is lowered no sooner than this after it last changed. */
export const LOWER_EVERY_MS = 5000;
const CUT = 0.75;
/** Epoch milliseconds are large numbers: slot times carry rounding of about a ten-thousandth of a ms. */
const ROUNDING_MS = 0.01;
/** "Long ago", kept as a plain number so the state is JSON. */
const NEVER = -1e15;

export function rateSettings(perSecond: number, overrides: Partial<RateSettings> = {}): RateSettings {
  return {
    perSecond,
    minToleranceMs: 5,
    maxToleranceMs: 60,
    floorPerSecond: Math.min(perSecond, Math.max(1, perSecond / 4)),
    recoveryMs: 3000,
    ...overrides,
  };
}

export function initialRateState(settings: RateSettings): RateState {
  return {
    next: 0,
    rate: settings.perSecond,
    cutAt: NEVER,
    recent429s: [],
    tolerance: settings.minToleranceMs,
    tunedAt: NEVER,
  };
}

/** The rate in force at `now`: the cut rate, climbing back after a quiet second. */
export function effectiveRate(state: RateState, now: number, s: RateSettings): number {
  const rate = Math.min(s.perSecond, Math.max(s.floorPerSecond, state.rate));
  const since = now - state.cutAt - QUIET_MS;
  if (since <= 0) return rate;
  return Math.min(s.perSecond, rate + (since * (s.perSecond - s.floorPerSecond)) / s.recoveryMs);
}

/** Spacing between slots at a given rate and tolerance (see the module comment). */
export function slotSpacingMs(rate: number, toleranceMs: number): number {
  return (1000 + toleranceMs) / rate + ROUNDING_MS;
}

/** Takes in 429s reported by a sender since its last claim, cutting the rate if they cluster. */
function absorb429s(state: RateState, now: number, reported: readonly number[], s: RateSettings): RateState {
  let next = state;
  for (const at of [...reported].sort((a, b) => a - b)) {
    const recent429s = [...next.recent429s, at].filter((t) => Math.abs(at - t) <= CLUSTER_MS);
    next = { ...next, recent429s };
    if (recent429s.length >= CLUSTER_COUNT && now - next.cutAt >= QUIET_MS)
      next = { ...next, rate: Math.max(s.floorPerSecond, effectiveRate(next, now, s) * CUT), cutAt: now };
  }
  // Only the last second's are kept: the state stays small.
  return { ...next, recent429s: next.recent429s.filter((t) => t > now - CLUSTER_MS) };
}

/** Follows the tolerance a sender asks for: up at once, down slowly with a pause (see above). */
function tune(state: RateState, now: number, wanted: number, s: RateSettings): RateState {
  const want = Math.min(s.maxToleranceMs, Math.max(s.minToleranceMs, wanted));
  if (want > state.tolerance) return { ...state, tolerance: want, tunedAt: now };
  if (want >= state.tolerance || now - state.tunedAt < LOWER_EVERY_MS) return state;
  const lower = Math.max(want, (state.tolerance + want) / 2);
  return { ...state, tolerance: lower, tunedAt: now, next: state.next + (state.tolerance - lower) };
}

/**
 * Hands out `count` slots from `now` on, taking in the 429s a sender saw and the lateness it
 * wants tolerated. Returns the new state to store, and the slots with their rate and tolerance.
 */
export function claimSlots(
  state: RateState,
  now: number,
  count: number,
  report: { throttledAt: readonly number[]; toleranceMs: number },
  s: RateSettings,
): Claimed {
  const tuned = tune(absorb429s(state, now, report.throttledAt, s), now, report.toleranceMs, s);
  const rate = effectiveRate(tuned, now, s);
  const spacing = slotSpacingMs(rate, tuned.tolerance);
  const start = Math.max(tuned.next, now);
  const slots = Array.from({ length: count }, (_, i) => start + i * spacing);
  return { state: { ...tuned, next: start + count * spacing }, slots, rate, tolerance: tuned.tolerance };
}
