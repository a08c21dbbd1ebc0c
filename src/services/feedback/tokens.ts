/**
 * A family's link token: 128 random bits as base64url. Only its SHA-256 is stored, so the database
 * alone cannot open anyone's survey.
 */
import { createHash, randomBytes } from 'node:crypto';
import { TOKEN_BYTES } from '../../domain/feedback-links';

export function newToken(random: (size: number) => Buffer = randomBytes): string {
  return random(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
