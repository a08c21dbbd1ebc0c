/**
 * POST /api/feed, called in-process with real request objects, writing to the real store.
 * Hostile input must get a clear answer and leave the store as it was.
 */
import type { HttpFunction } from '../../../src/app/function-types';
import { feedFunction } from '../../../src/app/handlers/feed';
import type { Services } from '../../../src/app/root';
import { FEED_KEY_HEADER } from '../../../src/ingest/feed-auth';
import { context, request } from '../../support/http';
import { child, event, team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';
import { snapshotStore } from '../../support/snapshot';

let services: Services;
let feed: HttpFunction;
beforeAll(async () => {
  services = await testServices({ HEARTH_FEED_MAX_BYTES: String(1024 * 1024) });
  feed = feedFunction(() => Promise.resolve(services));
  // Something already in the store, so "unchanged" means more than "still empty".
  const seeded = await post({ records: [team(), child('c0')] });
  expect(seeded.status).toBe(200);
});
afterAll(() => disposeServices(services));

const KEY = { [FEED_KEY_HEADER]: 'local-dev-feed-key', 'content-type': 'application/json' };

function post(body: unknown, headers: Record<string, string> = KEY, query = '') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return feed.handler(
    request('POST', `/api/feed${query}`, {
      body: text,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(text)) },
    }),
    context('feed'),
  );
}

async function expectUnchanged(action: () => Promise<unknown>) {
  const before = await snapshotStore(services.store);
  await action();
  expect(await snapshotStore(services.store)).toEqual(before);
}

describe('POST /api/feed', () => {
  it('accepts a good batch and lists each record as accepted', async () => {
    const response = await post({ records: [child('c1'), event('e1', 'c1')] });
    expect(response.status).toBe(200);
    expect(response.jsonBody).toMatchObject({
      written: true,
      accepted: 2,
      rejected: 0,
      records: [
        { index: 0, type: 'child', id: 'c1', outcome: 'accepted' },
        { index: 1, type: 'event', id: 'e1', outcome: 'accepted' },
      ],
    });
  });

  it.each<[string, string, Record<string, string>, number, RegExp]>([
    ['malformed JSON', '{"records": [', KEY, 400, /not valid JSON/],
    ['a JSON array instead of an object', '[]', KEY, 400, /an object with a "records" array/],
    [
      'records that are not an array',
      '{"records": {"type": "team"}}',
      KEY,
      400,
      /"records" must be an array/,
    ],
    ['an empty batch', '{"records": []}', KEY, 400, /nothing to write/],
    ['no key', '{"records": []}', { 'content-type': 'application/json' }, 401, /x-hearth-feed-key/],
    ['the wrong key', '{"records": []}', { ...KEY, [FEED_KEY_HEADER]: 'guess' }, 401, /x-hearth-feed-key/],
    [
      'a form post',
      'records=1',
      { ...KEY, 'content-type': 'application/x-www-form-urlencoded' },
      415,
      /application\/json/,
    ],
  ])('answers %s with a clear error and writes nothing', async (_, body, headers, status, message) => {
    await expectUnchanged(async () => {
      const response = await post(body, headers);
      expect(response.status).toBe(status);
      expect((response.jsonBody as { error: string }).error).toMatch(message);
    });
  });

  it('refuses a 10 MB body with 413 before parsing it', async () => {
    await expectUnchanged(async () => {
      const big = JSON.stringify({
        records: [child('c-big', 'team-1', { firstName: 'x'.repeat(10 * 1024 * 1024) })],
      });
      const response = await post(big);
      expect(response.status).toBe(413);
      expect((response.jsonBody as { error: string }).error).toMatch(/larger than 1048576 bytes/);
    });
  });

  it('refuses a body that lies about its length with 413 too', async () => {
    const big = JSON.stringify({ records: [team('t-big', 'y'.repeat(2 * 1024 * 1024))] });
    const response = await feed.handler(
      request('POST', '/api/feed', { body: big, headers: { ...KEY, 'content-length': '10' } }),
      context('feed'),
    );
    expect(response.status).toBe(413);
  });

  it('refuses a batch with one bad record with 422, naming it, and writes none of it', async () => {
    await expectUnchanged(async () => {
      const response = await post({ records: [child('c2'), event('e2', 'c2', { dueDate: '2026-13-01' })] });
      expect(response.status).toBe(422);
      expect(response.jsonBody).toMatchObject({
        written: false,
        records: [
          { index: 0, outcome: 'accepted' },
          { index: 1, outcome: 'rejected', reason: 'dueDate: is not a real date' },
        ],
      });
    });
  });

  it('writes the good records of a mixed batch when asked to', async () => {
    const response = await post({ records: [child('c3'), { type: 'event' }] }, KEY, '?acceptValid=true');
    expect(response.status).toBe(200);
    expect(response.jsonBody).toMatchObject({ written: true, accepted: 1, rejected: 1 });
    expect(await services.store.children.get('c3', 'team-1')).toBeDefined();
  });

  it('says 503 and asks for a resend when the store fails mid-write', async () => {
    const spy = jest
      .spyOn(services.store.events, 'upsert')
      .mockRejectedValueOnce(new Error('socket hang up'));
    const response = await post({ records: [child('c4'), event('e4', 'c4')] });
    spy.mockRestore();
    expect(response.status).toBe(503);
    expect(response.headers).toMatchObject({ 'retry-after': '30' });
    // Sending the same batch again completes it.
    const retry = await post({ records: [child('c4'), event('e4', 'c4')] });
    expect(retry.status).toBe(200);
    expect(await services.store.events.get('e4', 'team-1')).toMatchObject({ childId: 'c4' });
  });
});
