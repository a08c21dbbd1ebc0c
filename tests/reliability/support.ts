/**
 * What the reliability suite shares: Hearth on the local host with the demo authority (its clock on
 * the demo Monday), the feed and the bot reached over HTTP as the case system and Teams reach them,
 * and a fake Bot Connector catching the bot's replies.
 */
import type { LocalHearth } from '../../src/local/local-hearth';
import { FEED_KEY_HEADER } from '../../src/ingest/feed-auth';
import { postActivity } from '../support/demo-hearth';
import type { FakeConnector } from '../support/fake-connector';

export const FEED_KEY = 'local-dev-feed-key';

/** POST /api/feed with a JSON body (or raw bytes), as the case system sends it. */
export async function postFeed(
  hearth: LocalHearth,
  body: unknown,
  query = '',
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const bytes = body instanceof Uint8Array ? body : Buffer.from(JSON.stringify(body), 'utf8');
  const response = await fetch(`${hearth.url}/api/feed${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [FEED_KEY_HEADER]: FEED_KEY },
    body: bytes,
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** Runs a timer now, as the Functions host would. */
export async function runTimer(hearth: LocalHearth, name: string): Promise<number> {
  const response = await fetch(`${hearth.url}/admin/functions/${name}`, { method: 'POST', body: '{}' });
  return response.status;
}

export const post = (hearth: LocalHearth, body: Record<string, unknown>) => postActivity(hearth, body);

/** The text of every reply the bot sent into a conversation. */
export const repliesIn = (connector: FakeConnector, conversation: string) =>
  connector.received.filter((r) => r.conversationId === conversation).map((r) => r.activity);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each after a random pause of up to `spread` ms, so every interleaving gets its turn. */
export function together<T extends unknown[]>(
  spread: number,
  ...work: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  return Promise.all(
    work.map((w: () => Promise<unknown>) => sleep(Math.random() * spread).then(w)),
  ) as Promise<T>;
}
