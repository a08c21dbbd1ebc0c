/** CSRF tokens: bound to one link, a day long, tamper-evident. */
import { checkCsrfToken, issueCsrfToken } from '../../../src/web/csrf';

const SECRET = 's'.repeat(40);
const now = new Date('2026-11-30T10:00:00Z');
const later = (hours: number) => new Date(now.getTime() + hours * 3600 * 1000);

describe('CSRF tokens', () => {
  const token = issueCsrfToken(SECRET, 'link-a', now);

  it.each<[string, string | undefined, string, string, Date, string]>([
    ['a fresh token', token, SECRET, 'link-a', now, 'ok'],
    ['a token 23 hours old', token, SECRET, 'link-a', later(23), 'ok'],
    ['a token 25 hours old', token, SECRET, 'link-a', later(25), 'expired'],
    ['a token from the future', token, SECRET, 'link-a', later(-1), 'expired'],
    ['no token', undefined, SECRET, 'link-a', now, 'missing'],
    ['a token for another link', token, SECRET, 'link-b', now, 'invalid'],
    ['a token made with another secret', token, 't'.repeat(40), 'link-a', now, 'invalid'],
    [
      'a token with its time changed',
      token.replace(/^\d+/, (t) => String(Number(t) + 1)),
      SECRET,
      'link-a',
      now,
      'invalid',
    ],
    ['garbage', '<script>', SECRET, 'link-a', now, 'invalid'],
  ])('%s is %s', (_, presented, secret, link, at, expected) => {
    expect(checkCsrfToken(secret, link, presented, at)).toBe(expected);
  });
});
