/**
 * The rules of a family's link, pure: what shape a token has, how long a link lasts, and whether
 * one can still be answered. Making tokens and hashing them is I/O-free but needs crypto, so it
 * lives in src/services/feedback/.
 */
import type { FeedbackLink } from './feedback-types';

/** 16 random bytes (128 bits) as base64url: 22 characters, so `/api/f/<token>/explained` stays under 40. */
export const TOKEN_BYTES = 16;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const DEFAULT_LINK_DAYS = 14;

export type LinkState = 'ok' | 'expired' | 'used' | 'revoked' | 'unknown';

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** Used and revoked win over expired, so a used link always reads as used. */
export function linkState(link: FeedbackLink | undefined, now: Date): LinkState {
  if (!link) return 'unknown';
  if (link.usedAt) return 'used';
  if (link.revokedAt) return 'revoked';
  if (now.getTime() >= Date.parse(link.expiresAt)) return 'expired';
  return 'ok';
}
