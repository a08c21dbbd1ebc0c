/**
 * Retention and erasure against the real store (the embedded Cosmos server through the real SDK,
 * which, unlike Azure, never expires items: the sweep has to). Old operational items go, recent
 * ones stay, each container by its own retention; closed children are forgotten after the set
 * period with their events, outbox messages, audits' personal details and feedback links.
 */
import type { Services } from '../../../src/app/root';
import { ingest } from '../../../src/services/ingest-batch';
import { forgetChild } from '../../../src/services/forget-child';
import { forgetClosedChildren, purgeExpired, runRetention } from '../../../src/services/retention';
import type { RetentionDays } from '../../../src/store/containers';
import { DEFAULT_RETENTION_DAYS } from '../../../src/store/containers';
import { child, event, person, team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';

let services: Services;
beforeEach(async () => {
  services = await testServices();
});
afterEach(() => disposeServices(services));

const DAY_MS = 24 * 60 * 60 * 1000;
const container = (id: string) => services.store.database.container(id);
const ids = async (id: string) =>
  (await container(id).items.query<{ id: string }>('SELECT c.id FROM c').fetchAll()).resources
    .map((r) => r.id)
    .sort();

async function write(tag: string) {
  await container('outbox').items.upsert({
    id: `outbox-${tag}`,
    recipientId: 'w1',
    teamId: 'team-1',
    status: 'sent',
  });
  await container('activity').items.upsert({ id: `activity-${tag}`, teamId: 'team-1', action: 'test' });
  await container('feedback').items.upsert({ id: `feedback-${tag}`, teamId: 'team-1', docType: 'response' });
  await container('audits').items.upsert({ id: `audit-${tag}`, teamId: 'team-1', docType: 'audit' });
}

/** Writes batch "old", then batch "new" in a later second; returns the second "new" was written in. */
async function oldThenNew(): Promise<number> {
  await write('old');
  const { resource } = await container('outbox').item('outbox-old', 'w1').read<{ _ts: number }>();
  const oldSecond = resource!._ts;
  while (Math.floor(Date.now() / 1000) <= oldSecond) await new Promise((r) => setTimeout(r, 50));
  await write('new');
  const { resource: fresh } = await container('outbox').item('outbox-new', 'w1').read<{ _ts: number }>();
  expect(fresh!._ts).toBeGreaterThan(oldSecond);
  return fresh!._ts;
}

describe('purging what is past its retention', () => {
  it('removes what is older than the retention and keeps what is not', async () => {
    const newSecond = await oldThenNew();
    const tenDays: RetentionDays = { outbox: 10, activity: 10, feedback: 10, audits: 10, closedChild: 30 };
    const now = new Date(newSecond * 1000 + 10 * DAY_MS);
    const expired = await purgeExpired({ store: services.store, now, retention: tenDays });
    expect(expired).toEqual({ outbox: 1, activity: 1, feedback: 1, audits: 1 });
    for (const [name, prefix] of [
      ['outbox', 'outbox'],
      ['activity', 'activity'],
      ['feedback', 'feedback'],
      ['audits', 'audit'],
    ]) {
      expect(await ids(name!)).toEqual([`${prefix}-new`]);
    }
  });

  it('holds each container to its own retention: 91 days clears the outbox only', async () => {
    await write('x');
    const now = new Date(Date.now() + 91 * DAY_MS);
    const expired = await purgeExpired({ store: services.store, now, retention: DEFAULT_RETENTION_DAYS });
    expect(expired).toEqual({ outbox: 1, activity: 0, feedback: 0, audits: 0 });
    expect(await ids('outbox')).toEqual([]);
    expect(await ids('activity')).toEqual(['activity-x']);
    expect(await ids('audits')).toEqual(['audit-x']);
  });

  it('never touches teams, people, children or events, however old', async () => {
    await ingest(services.store, [team(), person('w1'), child('c1'), event('e1', 'c1')], {
      acceptValid: false,
      actor: 'test',
      now: new Date(),
    });
    await purgeExpired({
      store: services.store,
      now: new Date(Date.now() + 3650 * DAY_MS),
      retention: DEFAULT_RETENTION_DAYS,
    });
    expect(await services.store.children.findByIds(['c1'])).toHaveLength(1);
    expect(await services.store.events.findByIds(['e1'])).toHaveLength(1);
    expect(await services.store.people.findByIds(['w1'])).toHaveLength(1);
  });
});

describe('children the feed marks closed', () => {
  const day0 = new Date('2026-11-02T10:00:00Z');
  const after = (days: number) => new Date(day0.getTime() + days * DAY_MS);
  const feed = (records: unknown[], now: Date) =>
    ingest(services.store, records, { acceptValid: false, actor: 'feed', now });

  beforeEach(async () => {
    await feed(
      [
        team(),
        person('w1'),
        child('c1', 'team-1', { allocatedPractitionerId: 'w1' }),
        child('c2'),
        event('e1', 'c1'),
        event('e2', 'c2'),
      ],
      day0,
    );
  });

  it('dates the closure on the first batch that says so, and keeps that date when re-sent', async () => {
    await feed([child('c1', 'team-1', { closed: true })], after(1));
    await feed([child('c1', 'team-1', { closed: true })], after(6));
    const [stored] = await services.store.children.findByIds(['c1']);
    expect(stored).toMatchObject({ closed: true, closedSince: '2026-11-03' });
    await feed([child('c1', 'team-1', { closed: false })], after(7));
    const [reopened] = await services.store.children.findByIds(['c1']);
    expect(reopened).not.toHaveProperty('closedSince');
  });

  it('forgets a child 30 days after closure, with their events, and keeps everyone else', async () => {
    await feed([child('c1', 'team-1', { closed: true })], day0);
    const deps = (days: number) => ({
      store: services.store,
      now: after(days),
      retention: DEFAULT_RETENTION_DAYS,
    });
    expect((await forgetClosedChildren(deps(29))).forgotten).toEqual([]);
    expect(await services.store.children.findByIds(['c1'])).toHaveLength(1);

    const { forgotten } = await forgetClosedChildren(deps(30));
    expect(forgotten.map((f) => [f.childId, f.events])).toEqual([['c1', ['e1']]]);
    expect(await services.store.children.findByIds(['c1', 'c2'])).toEqual([
      expect.objectContaining({ id: 'c2' }),
    ]);
    expect(await services.store.events.findByIds(['e1', 'e2'])).toEqual([
      expect.objectContaining({ id: 'e2' }),
    ]);
  });

  it('counts from the first sweep for a child closed before Hearth dated closures', async () => {
    const [c1] = await services.store.children.findByIds(['c1']);
    await services.store.children.upsert({ ...c1!, closed: true });
    const deps = (days: number) => ({
      store: services.store,
      now: after(days),
      retention: { ...DEFAULT_RETENTION_DAYS, closedChild: 10 },
    });
    const first = await forgetClosedChildren(deps(0));
    expect(first).toEqual({ closedFromToday: ['c1'], forgotten: [], skipped: [] });
    expect((await forgetClosedChildren(deps(9))).forgotten).toEqual([]);
    expect((await forgetClosedChildren(deps(10))).forgotten.map((f) => f.childId)).toEqual(['c1']);
  });

  it('runs both jobs and logs one id-only line', async () => {
    await feed([child('c1', 'team-1', { closed: true })], day0);
    const report = await runRetention({
      store: services.store,
      now: after(31),
      retention: DEFAULT_RETENTION_DAYS,
    });
    expect(report.forgotten.map((f) => f.childId)).toEqual(['c1']);
    const lines = await services.store.activity.query("c.action = 'retention.ran'");
    expect(lines).toEqual([
      expect.objectContaining({
        actor: 'retention',
        details: expect.objectContaining({ childrenForgotten: 1 }),
      }),
    ]);
  });
});

describe('forgetting one child', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  beforeEach(async () => {
    await ingest(
      services.store,
      [
        team(),
        person('w1'),
        child('c1', 'team-1', { allocatedPractitionerId: 'w1' }),
        child('c2'),
        event('e1', 'c1'),
        event('e1b', 'c1'),
        event('e2', 'c2'),
      ],
      {
        acceptValid: false,
        actor: 'feed',
        now,
      },
    );
    const outbox = (id: string, status: string, content: object) =>
      container('outbox').items.upsert({ id, recipientId: 'w1', teamId: 'team-1', status, ...content });
    await outbox('m-both', 'sent', {
      bundle: { today: [{ childId: 'c1', childName: 'Amira K' }, { childId: 'c2' }] },
    });
    await outbox('m-other', 'sent', { bundle: { today: [{ childId: 'c2' }] } });
    await outbox('m-sending', 'sending', { nudge: { childId: 'c1' } });
    await outbox('m-word', 'pending', { word: { title: 't', text: 't', preview: 'p', childId: 'c1' } });
    await container('audits').items.upsert({
      id: 'a1',
      teamId: 'team-1',
      docType: 'audit',
      childId: 'c1',
      childName: 'Amira K',
      grade: 'good',
      auditorId: 'm1',
      reflection: 'Amira told me about her new school.',
      standards: [{ id: 'seen-alone', answer: 'yes', comment: 'Seen alone at school' }],
    });
    await container('audits').items.upsert({
      id: 'a2',
      teamId: 'team-1',
      docType: 'audit',
      childId: 'c2',
      grade: 'good',
    });
    await container('feedback').items.upsert({
      id: 'l1',
      teamId: 'team-1',
      docType: 'link',
      childId: 'c1',
      tokenHash: 'x',
    });
    await container('feedback').items.upsert({
      id: 'r1',
      teamId: 'team-1',
      docType: 'response',
      childId: 'c1',
      words: 'Thank you',
    });
    await container('feedback').items.upsert({
      id: 'l2',
      teamId: 'team-1',
      docType: 'link',
      childId: 'c2',
      tokenHash: 'y',
    });
  });

  it('removes the child, their events, the messages naming them, audit details and links', async () => {
    const report = await forgetChild({ store: services.store, now, actor: 'cli' }, 'c1');
    expect({ ...report, events: report.events.sort(), outbox: report.outbox.sort() }).toEqual({
      childId: 'c1',
      children: [{ id: 'c1', teamId: 'team-1' }],
      events: ['e1', 'e1b'],
      outbox: ['m-both', 'm-word'],
      outboxInFlight: ['m-sending'],
      audits: ['a1'],
      feedbackLinks: ['l1'],
      feedbackUnlinked: ['r1'],
    });
    expect(await services.store.children.findByIds(['c1', 'c2'])).toEqual([
      expect.objectContaining({ id: 'c2' }),
    ]);
    expect(await ids('events')).toEqual(['e2']);
    expect(await ids('outbox')).toEqual(['m-other', 'm-sending']);
    expect(await ids('feedback')).toEqual(['l2', 'r1']);

    const { resource: audit } = await container('audits')
      .item('a1', 'team-1')
      .read<Record<string, unknown>>();
    expect(audit).toMatchObject({
      id: 'a1',
      teamId: 'team-1',
      grade: 'good',
      auditorId: 'm1',
      childErased: true,
    });
    for (const field of ['childId', 'childName', 'reflection', 'standards'])
      expect(audit).not.toHaveProperty(field);
    const { resource: other } = await container('audits')
      .item('a2', 'team-1')
      .read<Record<string, unknown>>();
    expect(other).toMatchObject({ childId: 'c2' });
    const { resource: response } = await container('feedback')
      .item('r1', 'team-1')
      .read<Record<string, unknown>>();
    expect(response).toMatchObject({ words: 'Thank you' });
    expect(response).not.toHaveProperty('childId');
  });

  it('writes one line to the activity log, in ids and counts only', async () => {
    await forgetChild({ store: services.store, now, actor: 'cli' }, 'c1');
    const lines = await services.store.activity.query("c.action = 'child.forgotten'");
    expect(lines).toEqual([
      expect.objectContaining({
        teamId: 'team-1',
        actor: 'cli',
        details: {
          childId: 'c1',
          children: 1,
          events: 2,
          outbox: 2,
          outboxInFlight: 1,
          audits: 1,
          feedbackLinks: 1,
          feedbackUnlinked: 1,
        },
      }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/Amira|Khan/);
  });

  it('is safe to run again: the second time there is nothing left to remove', async () => {
    await forgetChild({ store: services.store, now, actor: 'cli' }, 'c1');
    const again = await forgetChild({ store: services.store, now, actor: 'cli' }, 'c1');
    expect(again).toEqual({
      childId: 'c1',
      children: [],
      events: [],
      outbox: [],
      outboxInFlight: ['m-sending'],
      audits: [],
      feedbackLinks: [],
      feedbackUnlinked: [],
    });
  });
});
