/**
 * What the case system sees when it sends what Hearth cannot take (issue 10 items 2, 5, 8 and 9),
 * over HTTP to the local host: the status, the reason for each record, and a store left as it was.
 */
import * as fromFeed from '../../src/domain/from-feed';
import type { LocalHearth } from '../../src/local/local-hearth';
import { DEMO_MONDAY, startDemoHearth } from '../support/demo-hearth';
import { snapshotStore } from '../support/snapshot';
import { postFeed } from './support';

let hearth: LocalHearth;
beforeAll(async () => {
  hearth = await startDemoHearth(DEMO_MONDAY);
}, 60_000);
afterAll(() => hearth?.stop());

const store = () => hearth.services.store;
const team = (id: string) => ({ type: 'team', id, name: `Team ${id}` });
const child = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 'child',
  id,
  teamId: 'demo-team-north',
  firstName: 'Ada',
  familyName: 'Lovelace',
  kind: 'child-in-need',
  ...extra,
});
const event = (id: string, childId: string, extra: Record<string, unknown> = {}) => ({
  type: 'event',
  id,
  childId,
  kind: 'visit',
  dueDate: '2026-12-07',
  ...extra,
});
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 'person',
  id,
  teamId: 'demo-team-north',
  displayName: 'Sam Taylor',
  roles: ['practitioner'],
  ...extra,
});

async function expectRefused(body: unknown, status: number, check: (json: Record<string, unknown>) => void) {
  const before = await snapshotStore(store());
  const response = await postFeed(hearth, body);
  expect(response.status).toBe(status);
  check(response.json);
  expect(await snapshotStore(store())).toEqual(before);
}

const reasons = (json: Record<string, unknown>) =>
  (json.records as { outcome: string; reason?: string }[]).map((r) => r.reason ?? r.outcome);

describe('a team, a child pointing at a missing team, and an event for that child', () => {
  const batch = {
    records: [team('rel-T1'), child('rel-C1', { teamId: 'rel-missing' }), event('rel-E1', 'rel-C1')],
  };
  const expected = [
    'accepted',
    'teamId: no team rel-missing (send the team first or in this batch)',
    'childId: child rel-C1 is rejected in this batch (record 1), so this is not written either',
  ];

  it('answers 422 listing the child and the event as rejected, and writes nothing', async () => {
    await expectRefused(batch, 422, (json) => expect(reasons(json)).toEqual(expected));
  });

  it('with ?acceptValid=true answers 200 writing only the team, and the same again on a resend', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { status, json } = await postFeed(hearth, batch, '?acceptValid=true');
      expect(status).toBe(200);
      expect(json).toMatchObject({ written: true, accepted: 1, rejected: 2 });
      expect(reasons(json)).toEqual(expected);
    }
    expect(await store().teams.findByIds(['rel-T1'])).toHaveLength(1);
    expect(await store().children.findByIds(['rel-C1'])).toEqual([]);
  });
});

describe('input refused at the door', () => {
  it('answers 400 naming the line of a byte that is not UTF-8', async () => {
    const body = Buffer.concat([
      Buffer.from('{"records": [\n{"type":"team","id":"T","name":"Ren'),
      Buffer.from([0xe9]),
      Buffer.from('e"}]}'),
    ]);
    await expectRefused(body, 400, (json) =>
      expect(json.error).toBe('The body is not valid UTF-8 (line 2, byte 49). Send the batch as UTF-8 JSON.'),
    );
  });

  it.each<[string, string, string]>([
    [
      'a lone surrogate in a name',
      '{"records":[{"type":"team","id":"T","name":"Ren\\ud800e"}]}',
      'name: holds a broken character',
    ],
    [
      'anchors.__proto__',
      '{"records":[{"type":"child","id":"C","teamId":"demo-team-north","firstName":"A","familyName":"B","kind":"child-in-need","anchors":{"__proto__":"2020-01-01"}}]}',
      'anchors.__proto__: is not a known field (anchors are',
    ],
    [
      'anchors.constructor',
      '{"records":[{"type":"child","id":"C","teamId":"demo-team-north","firstName":"A","familyName":"B","kind":"child-in-need","anchors":{"constructor":"2020-01-01"}}]}',
      'anchors.constructor: is not a known field (anchors are',
    ],
  ])('answers 422 for %s', async (_, json, reason) => {
    await expectRefused(Buffer.from(json), 422, (body) => expect(reasons(body)[0]).toContain(reason));
  });

  it.each<[string, unknown, string]>([
    [
      'a recordedAt offset of +99:99',
      event('rel-E2', 'demo-c1', { recordedAt: '2026-11-23T09:30:00+99:99' }),
      'recordedAt: has a time offset no clock uses (offsets run from -12:00 to +14:00)',
    ],
    [
      'a planned event with only a completion date',
      event('rel-E3', 'demo-c1', { dueDate: undefined, completedDate: '2026-11-02' }),
      'completedDate: a planned event needs its dueDate or scheduledDate (a completedDate alone means it happened: send status completed)',
    ],
    [
      'a name that is nothing but invisible characters',
      person('rel-P1', { displayName: '\u200B\u202E\u3164' }),
      'displayName: must not be empty once spaces and invisible characters are removed',
    ],
    [
      'a second person with an Entra account someone holds',
      person('rel-P2', { entraObjectId: '00000000-0000-0000-0000-0000000000020' }),
      'entraObjectId: already belongs to person demo-alex; one Entra account is one person',
    ],
  ])('answers 422 for %s, with the reason', async (_, record, reason) => {
    await expectRefused({ records: [record] }, 422, (json) => expect(reasons(json)).toEqual([reason]));
  });
});

describe('names cleaned on the way in', () => {
  it('stores a name without its bidi overrides, zero-width characters and Hangul fillers', async () => {
    const { status } = await postFeed(hearth, {
      records: [person('rel-P3', { displayName: '\u202ESam\u200B Tay\u2066lor\u3164' })],
    });
    expect(status).toBe(200);
    expect((await store().people.get('rel-P3', 'demo-team-north'))?.displayName).toBe('Sam Taylor');
  });
});

describe('503 only when the store fails', () => {
  it('answers 503 with Retry-After when the store stops answering, and a resend completes', async () => {
    const batch = { records: [child('rel-C5'), event('rel-E5', 'rel-C5')] };
    const spy = jest.spyOn(store().events, 'upsert').mockRejectedValueOnce(new Error('socket hang up'));
    const failed = await postFeed(hearth, batch);
    spy.mockRestore();
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('30');
    expect(failed.json.error).toMatch(/send the same batch again/);
    expect((await postFeed(hearth, batch)).status).toBe(200);
    expect(await store().events.findByIds(['rel-E5'])).toHaveLength(1);
  });

  it('answers 500, not "send it again", when the fault is in Hearth itself', async () => {
    const spy = jest.spyOn(fromFeed, 'toEvent').mockImplementation(() => {
      throw new TypeError('a bug');
    });
    const response = await postFeed(hearth, { records: [child('rel-C6'), event('rel-E6', 'rel-C6')] });
    spy.mockRestore();
    expect(response.status).toBe(500);
  });
});
