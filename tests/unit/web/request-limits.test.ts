/** The in-memory limits per link and per address, and reading the caller's address. */
import { clientAddress, createRequestLimiter } from '../../../src/web/request-limits';

describe('createRequestLimiter', () => {
  it('allows the limit in a window, refuses the next with the seconds left, and resets after', () => {
    const limiter = createRequestLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 1, 2].map((t) => limiter.take('a', t).ok)).toEqual([true, true, true]);
    expect(limiter.take('a', 15_000)).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(limiter.take('b', 15_000).ok).toBe(true);
    expect(limiter.take('a', 60_000).ok).toBe(true);
  });

  it('forgets the oldest keys rather than growing without end', () => {
    const limiter = createRequestLimiter({ limit: 1, windowMs: 60_000 }, 2);
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0);
    expect(limiter.take('a', 1).ok).toBe(true);
    expect(limiter.take('c', 1).ok).toBe(false);
  });
});

describe('clientAddress', () => {
  it.each([
    [null, 'unknown'],
    ['203.0.113.9', '203.0.113.9'],
    ['203.0.113.9:51234', '203.0.113.9'],
    ['1.1.1.1, 203.0.113.9:443', '203.0.113.9'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
  ])('%j -> %s (the entry the front end added, not what the client claimed)', (header, expected) => {
    expect(clientAddress(header)).toBe(expected);
  });
});
