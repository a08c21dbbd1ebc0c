/**
 * CSRF tokens for the family's forms, with no server session: an HMAC over the link's token hash
 * and the time it was issued, keyed by a secret from config. A token works only for the link it was
 * made for, and only for a day, and is checked before anything touches the store.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CSRF_LIFETIME_SECONDS = 24 * 60 * 60;
/** Clocks on two instances may differ a little. */
const FUTURE_TOLERANCE_SECONDS = 5 * 60;

function mac(secret: string, tokenHash: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`feedback-form|${tokenHash}|${issuedAt}`).digest('base64url');
}

export function issueCsrfToken(secret: string, tokenHash: string, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return `${issuedAt}.${mac(secret, tokenHash, issuedAt)}`;
}

export type CsrfCheck = 'ok' | 'missing' | 'invalid' | 'expired';

export function checkCsrfToken(
  secret: string,
  tokenHash: string,
  presented: string | undefined,
  now: Date,
): CsrfCheck {
  if (!presented) return 'missing';
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(presented);
  if (!match) return 'invalid';
  const issuedAt = Number(match[1]);
  const expected = Buffer.from(mac(secret, tokenHash, issuedAt));
  const given = Buffer.from(match[2] as string);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = Math.floor(now.getTime() / 1000) - issuedAt;
  if (age < -FUTURE_TOLERANCE_SECONDS || age > CSRF_LIFETIME_SECONDS) return 'expired';
  return 'ok';
}
