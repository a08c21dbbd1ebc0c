/** The shared send schedule as arithmetic: spacing, the ceiling in any second, the floor, recovery. */
import fc from 'fast-check';
import type { RateState } from '../../../src/delivery/rate-schedule';
import {
  claimSlots,
  effectiveRate,
  initialRateState,
  rateSettings,
  slotSpacingMs,
} from '../../../src/delivery/rate-schedule';

const T0 = Date.parse('2026-11-30T08:30:00Z');
const quiet = { throttledAt: [], toleranceMs: 0 };

/** Most values in any half-open window (a, a + ms]. */
function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] as number) <= (sorted[i] as number) - ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

it('hands out slots evenly, in order, across claims from different senders', () => {
  const s = rateSettings(50);
  let state = initialRateState(s);
  const a = claimSlots(state, T0, 4, quiet, s);
  state = a.state;
  const b = claimSlots(state, T0 + 1, 4, quiet, s);
  const all = [...a.slots, ...b.slots];
  const spacing = slotSpacingMs(50, s.minToleranceMs);
  expect(spacing).toBeCloseTo(1005 / 50, 1);
  all.slice(1).forEach((t, i) => expect(t - (all[i] as number)).toBeCloseTo(spacing));
  expect(all[0]).toBe(T0);
});

it('starts from now after an idle spell: no burst is saved up', () => {
  const s = rateSettings(50);
  const first = claimSlots(initialRateState(s), T0, 1, quiet, s);
  const later = claimSlots(first.state, T0 + 60_000, 3, quiet, s);
  expect(later.slots[0]).toBe(T0 + 60_000);
});

it('never lets more than the rate begin in any one second, whoever claims, however late within tolerance, as the tolerance moves', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 5, max: 50 }),
      fc.array(
        fc.record({
          // Mostly claims close together, now and then a pause long enough for the tolerance to fall.
          gap: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 4000, max: 8000 })),
          count: fc.integer({ min: 1, max: 6 }),
          want: fc.integer({ min: 0, max: 80 }),
        }),
        { minLength: 5, maxLength: 80 },
      ),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
      (perSecond, claims, lateness) => {
        const s = rateSettings(perSecond);
        let state = initialRateState(s);
        let now = T0;
        const sends: number[] = [];
        for (const c of claims) {
          now += c.gap;
          const result = claimSlots(state, now, c.count, { throttledAt: [], toleranceMs: c.want }, s);
          state = result.state;
          result.slots.forEach((slot, i) =>
            sends.push(slot + (lateness[i % lateness.length] as number) * result.tolerance),
          );
        }
        return busiest(sends, 1000) <= perSecond;
      },
    ),
  );
});

describe('tolerance', () => {
  const s = rateSettings(50);
  it('is raised at once to what a late sender asks, and lowered only slowly, halfway at a time', () => {
    let state = initialRateState(s);
    const claim = (at: number, want: number) => {
      const result = claimSlots(state, at, 1, { throttledAt: [], toleranceMs: want }, s);
      state = result.state;
      return result.tolerance;
    };
    expect(claim(T0, 0)).toBe(5);
    expect(claim(T0 + 100, 40)).toBe(40);
    expect(claim(T0 + 200, 0)).toBe(40);
    expect(claim(T0 + 5200, 0)).toBe(22.5);
    expect(claim(T0 + 5300, 500)).toBe(60);
  });

  it('pauses the schedule when it lowers the tolerance, so a slot used late never crowds the one a rate later', () => {
    let state = initialRateState(s);
    const used: number[] = [];
    // A busy schedule: senders claim faster than the rate, wanting 60 ms for 6 s, then 5 ms.
    for (let i = 0; i < 600; i++) {
      const now = T0 + i * 15;
      const result = claimSlots(state, now, 1, { throttledAt: [], toleranceMs: i < 400 ? 60 : 5 }, s);
      state = result.state;
      // Every slot with the high tolerance used as late as it may be; the others on time.
      for (const slot of result.slots) used.push(slot + (result.tolerance > 40 ? result.tolerance : 0));
    }
    expect(state.tolerance).toBeLessThan(60);
    expect(busiest(used, 1000)).toBeLessThanOrEqual(50);
  });
});

describe('throttling', () => {
  const s = rateSettings(40);
  const stateAfter = (reports: number[][], step = 250): { state: RateState; rates: number[] } => {
    let state = initialRateState(s);
    const rates: number[] = [];
    reports.forEach((r, i) => {
      const result = claimSlots(state, T0 + i * step, 1, { throttledAt: r, toleranceMs: 0 }, s);
      state = result.state;
      rates.push(result.rate);
    });
    return { state, rates };
  };

  it('keeps the rate on a lone 429: that is one conversation, not the whole app', () => {
    const { rates } = stateAfter([[T0], [], [], [], [], [], [], [T0 + 1800], [], [], [], [], [T0 + 3100]]);
    expect(Math.min(...rates)).toBe(40);
  });

  it('keeps the rate on two 429s in a second: Teams sheds load at random now and then', () => {
    const { rates } = stateAfter([[T0], [T0 + 200], [], [], [], [T0 + 1300]]);
    expect(Math.min(...rates)).toBe(40);
  });

  it('cuts by a quarter when three 429s come within a second, even from different senders', () => {
    const { rates } = stateAfter([[T0], [T0 + 200], [T0 + 400]]);
    expect(rates).toEqual([40, 40, 30]);
  });

  it('cuts at most once a second, however many 429s arrive', () => {
    const { rates } = stateAfter([
      [T0, T0 + 1, T0 + 2, T0 + 3],
      [T0 + 250, T0 + 251],
    ]);
    expect(rates).toEqual([30, 30]);
  });

  it('never falls below the floor in a storm of four 429s per message, and is back to full within seconds', () => {
    // A storm: for 20 seconds every message meets four 429s; then every send succeeds.
    const storm = Array.from({ length: 80 }, (_, i) => [0, 1, 2, 3].map((k) => T0 + i * 250 + k * 50));
    const calm = Array.from({ length: 40 }, () => []);
    const { rates } = stateAfter([...storm, ...calm]);
    expect(Math.min(...rates)).toBe(s.floorPerSecond);
    expect(s.floorPerSecond).toBe(10);
    const stormEnds = storm.length;
    // Full again 1 s (quiet) + 3 s (recovery) after the last 429: 16 claims of 250 ms.
    expect(rates[stormEnds + 16]).toBe(40);
    expect(rates[stormEnds]).toBeLessThan(40);
  });

  it('climbs back in a straight line after a quiet second', () => {
    const state: RateState = { ...initialRateState(s), rate: 10, cutAt: T0 };
    expect(effectiveRate(state, T0 + 1000, s)).toBe(10);
    expect(effectiveRate(state, T0 + 2500, s)).toBe(25);
    expect(effectiveRate(state, T0 + 4000, s)).toBe(40);
    expect(effectiveRate(state, T0 + 60_000, s)).toBe(40);
  });
});
