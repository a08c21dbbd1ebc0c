/** Teams' per-conversation limits, as reservations that still hold when sends go a little late. */
import fc from 'fast-check';
import { CONVERSATION_LIMITS, earliestFit, fits } from '../../../src/delivery/conversation-window';

const T = 1_000_000;

it.each([
  ['an empty chat', [], 0, true],
  ['six in the last second', [0, 100, 200, 300, 400, 500].map((t) => T - 1000 + t + 1), 0, true],
  ['seven in the last second', [0, 100, 200, 300, 400, 500, 600].map((t) => T - 999 + t), 0, false],
  [
    'eight in the last two seconds, spread out',
    [0, 250, 500, 750, 1000, 1250, 1500, 1750].map((t) => T - 1999 + t),
    0,
    false,
  ],
  ['sixty in the last thirty seconds', Array.from({ length: 60 }, (_, i) => T - 29_999 + i * 400), 0, false],
  [
    'six a second ago and earlier, with 5 s of slack',
    [0, 1, 2, 3, 4, 5, 6].map((t) => T - 5500 + t),
    5000,
    false,
  ],
  ['seven, 6.1 s ago, with 5 s of slack', [0, 1, 2, 3, 4, 5, 6].map((t) => T - 6100 + t), 5000, true],
])('%s: room for one more now is %s', (_, times, slack, expected) => {
  expect(fits(times, T, CONVERSATION_LIMITS, slack)).toBe(expected);
});

it('says when a full chat has room again', () => {
  const seven = [0, 10, 20, 30, 40, 50, 60].map((t) => T - 500 + t);
  expect(earliestFit(seven, T, CONVERSATION_LIMITS, 0)).toBe(T - 500 + 1000 + 1);
});

it('counts a reservation another instance made a moment "later" by its own clock', () => {
  const seven = [0, 10, 20, 30, 40, 50, 60].map((t) => T + 5 + t);
  expect(fits(seven, T, CONVERSATION_LIMITS, 0)).toBe(false);
});

it("keeps Teams' limits for the sends themselves, each up to the slack late, however many are asked for", () => {
  const slack = 5000;
  fc.assert(
    fc.property(
      fc.array(
        fc.record({ gap: fc.integer({ min: 0, max: 3000 }), late: fc.integer({ min: 0, max: slack }) }),
        {
          minLength: 1,
          maxLength: 80,
        },
      ),
      (asks) => {
        const reserved: number[] = [];
        const sent: number[] = [];
        let now = T;
        for (const ask of asks) {
          now += ask.gap;
          const at = earliestFit(reserved, now, CONVERSATION_LIMITS, slack);
          reserved.push(at);
          sent.push(at + ask.late);
        }
        return CONVERSATION_LIMITS.every((l) =>
          sent.every((t) => sent.filter((u) => u > t - l.ms && u <= t).length <= l.count),
        );
      },
    ),
  );
});
