/**
 * Compares a secret someone sent with the one configured, in constant time whatever the lengths,
 * so the time taken says nothing about how much of a guess was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function sameSecret(given: string | null | undefined, expected: string): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(given), digest(expected));
}
