/** What each failed send means: retried, refused for good, a blocked person, or Hearth's own credential fault. */
import { ConnectorError } from '../../../src/teams/connector-sender';
import { backoffMs, classify, retryAfterMs, SendTimeoutError } from '../../../src/delivery/send-policy';

const answered = (status: number, body = '', headers: Record<string, string> = {}) =>
  new ConnectorError(status, { headers: new Headers(headers), bodyAsText: body });

const fetchFailed = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code } });

it.each<[string, unknown, Record<string, unknown>]>([
  [
    '429 with Retry-After',
    answered(429, '', { 'retry-after': '3600' }),
    { kind: 'throttled', retryAfterMs: 3_600_000 },
  ],
  ['429 without Retry-After', answered(429), { kind: 'throttled', retryAfterMs: 1000 }],
  [
    '403 MessageWritesBlocked',
    answered(403, '{"error":{"code":"MessageWritesBlocked"}}'),
    { kind: 'unreachable' },
  ],
  [
    '404 ConversationNotFound',
    answered(404, '{"error":{"code":"ConversationNotFound"}}'),
    { kind: 'unreachable' },
  ],
  [
    '401',
    answered(401, '{"error":{"code":"Unauthorized"}}'),
    { kind: 'credential', reason: 'HTTP 401: the bot credentials were refused' },
  ],
  ['403 for anything else', answered(403, '{"error":{"code":"Forbidden"}}'), { kind: 'credential' }],
  [
    'no token for the bot',
    Object.assign(new Error('token'), { name: 'CredentialUnavailableError' }),
    { kind: 'credential' },
  ],
  ['400', answered(400), { kind: 'refused', reason: 'HTTP 400' }],
  ['413', answered(413), { kind: 'refused', reason: 'HTTP 413' }],
  ['503', answered(503), { kind: 'transient', uncertain: false }],
  ['502', answered(502), { kind: 'transient', uncertain: false }],
  ['500', answered(500), { kind: 'transient', uncertain: false }],
  ['412', answered(412), { kind: 'transient', uncertain: false }],
  ['504 (a gateway that may have passed it on)', answered(504), { kind: 'transient', uncertain: true }],
  ['no answer in time', new SendTimeoutError('no answer'), { kind: 'transient', uncertain: true }],
  [
    'an aborted request',
    Object.assign(new Error('aborted'), { name: 'TimeoutError' }),
    { kind: 'transient', uncertain: true },
  ],
  ['a connection dropped mid-request', fetchFailed('UND_ERR_SOCKET'), { kind: 'transient', uncertain: true }],
  ['a connection refused', fetchFailed('ECONNREFUSED'), { kind: 'transient', uncertain: false }],
  ['anything unexpected', new Error('surprise'), { kind: 'transient', uncertain: false }],
])('%s', (_, error, expected) => {
  expect(classify(error)).toMatchObject(expected);
});

it('reads Retry-After as seconds or as a date', () => {
  const now = Date.parse('2026-11-30T08:30:00Z');
  expect(retryAfterMs('86400', now)).toBe(86_400_000);
  expect(retryAfterMs('Mon, 30 Nov 2026 08:31:00 GMT', now)).toBe(60_000);
  expect(retryAfterMs('soon', now)).toBe(1000);
});

it('backs off exponentially up to the cap, never less than half a step', () => {
  expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000, 600_000, () => 0))).toEqual([500, 1000, 2000, 4000]);
  expect(backoffMs(40, 1000, 600_000, () => 0.999)).toBeLessThanOrEqual(600_000);
  expect(backoffMs(40, 1000, 600_000, () => 0)).toBe(300_000);
});
