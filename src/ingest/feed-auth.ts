/**
 * Who may post to the feed. Today: a shared key in the `x-hearth-feed-key` header, compared in
 * constant time. This is the single place to replace when the feed moves to Entra ID tokens.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { HttpRequest } from '@azure/functions';
import { HttpError } from '../util/http-error';

export const FEED_KEY_HEADER = 'x-hearth-feed-key';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function authorizeFeed(request: HttpRequest, expectedKey: string | undefined): void {
  if (!expectedKey) throw new HttpError(503, 'The feed is not configured on this server (HEARTH_FEED_KEY).');
  const given = request.headers.get(FEED_KEY_HEADER);
  // Hashing first makes the comparison constant-time whatever the lengths.
  if (!given || !timingSafeEqual(digest(given), digest(expectedKey))) {
    throw new HttpError(401, `Send the feed key in the ${FEED_KEY_HEADER} header.`, {
      'www-authenticate': 'HearthFeedKey',
    });
  }
}
