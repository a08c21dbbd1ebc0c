/**
 * The whole morning loop on the local host: the planner timer (run through the admin endpoint)
 * writes the outbox and queues messages; the queue-triggered sender renders cards and sends them
 * to the (fake) Bot Connector; running the planner again sends nothing more.
 */
import type { LocalHearth } from '../../../src/local/local-hearth';
import { startDemoHearth } from '../../support/demo-hearth';
import type { FakeConnector } from '../../support/fake-connector';
import { startFakeConnector } from '../../support/fake-connector';
import { waitFor } from '../../support/wait';
import { encodeMessage } from '../../../src/delivery/queues';

let hearth: LocalHearth;
let connector: FakeConnector;
// Monday 30 November 2026, 09:00 in London.
const MONDAY = new Date('2026-11-30T09:00:00Z');

beforeAll(async () => {
  connector = await startFakeConnector();
  hearth = await startDemoHearth(MONDAY);
  // Two demo practitioners have installed Hearth; the others have not.
  for (const id of ['demo-alex', 'demo-lynne']) {
    const person = (await hearth.services.store.people.query('c.id = @id', [{ name: '@id', value: id }]))[0]!;
    await hearth.services.store.people.upsert({
      ...person,
      reachability: 'reachable',
      conversationReference: {
        serviceUrl: connector.url,
        conversation: { id: `conv-${id}` },
        user: { id: `user-${id}` },
      },
    });
  }
}, 60_000);
afterAll(async () => {
  await hearth?.stop();
  await connector?.close();
});

it('plans, queues and sends one morning card to each practitioner who has Hearth, and only once', async () => {
  const run = await fetch(`${hearth.url}/admin/functions/plan-mornings`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);

  const mornings = () =>
    connector.received.filter((r) => (r.activity.summary as string).startsWith('Your children today'));
  await waitFor(() => (mornings().length >= 2 ? true : undefined), 'two morning cards');
  const cards = mornings();
  expect(cards.map((c) => c.conversationId).sort()).toEqual(['conv-demo-alex', 'conv-demo-lynne']);

  const card = (
    cards[0]?.activity.attachments as { contentType: string; content: Record<string, unknown> }[]
  )[0]!;
  expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(card.content.version).toBe('1.5');
  // The lock-screen summary never names a child.
  const children = await hearth.services.store.children.query();
  for (const c of cards) {
    for (const child of children) expect(c.activity.summary as string).not.toContain(child.name.first);
  }

  // Everyone else is marked as not reachable yet, visibly, rather than silently skipped.
  const outbox = await waitFor(async () => {
    const all = await hearth.services.store.outbox.query("c.kind = 'morning'");
    return all.every((m) => m.status !== 'pending' && m.status !== 'sending') ? all : undefined;
  }, 'the outbox to settle');
  expect(
    outbox
      .filter((m) => m.status === 'sent')
      .map((m) => m.recipientId)
      .sort(),
  ).toEqual(['demo-alex', 'demo-lynne']);
  // Tom works Tuesday to Friday, so Monday has seven cards: two sent, five waiting for Hearth to be installed.
  expect(outbox.filter((m) => m.status === 'unreachable')).toHaveLength(5);

  // A second run of the planner plans nothing new and sends nothing more.
  const sentBefore = connector.received.length;
  await fetch(`${hearth.url}/admin/functions/plan-mornings`, { method: 'POST', body: '{}' });
  await new Promise((r) => setTimeout(r, 1500));
  expect(connector.received.length).toBe(sentBefore);
  expect(await hearth.services.store.outbox.query("c.kind = 'morning'")).toHaveLength(7);
}, 60_000);

it('never lets a message whose handling kept failing go silent or get lost: the poison queue is watched', async () => {
  const base = {
    recipientId: 'demo-alex',
    teamId: 'demo-team-north',
    kind: 'morning' as const,
    status: 'sending' as const,
    attempts: 5,
    createdAt: MONDAY.toISOString(),
    sendAt: MONDAY.toISOString(),
  };
  // Last Friday's card, never sent: its day has passed, so it becomes stale, visibly.
  const friday = { ...base, id: 'demo-alex:2026-11-27:morning', date: '2026-11-27' };
  // A message for today: it goes back on the send queue for another try, a few minutes on.
  const today = {
    ...base,
    id: 'demo-alex:2026-11-30:morning:retried',
    date: '2026-11-30',
    status: 'pending' as const,
  };
  await hearth.services.store.outbox.upsert(friday);
  await hearth.services.store.outbox.upsert(today);
  const poison = hearth.services.queues.service.getQueueClient('hearth-outbox-poison');
  for (const m of [friday, today])
    await poison.sendMessage(encodeMessage({ id: m.id, recipientId: m.recipientId }));
  await poison.sendMessage(encodeMessage('not an outbox message'));

  const logged = await waitFor(async () => {
    const entries = await hearth.services.store.activity.query("STARTSWITH(c.action, 'delivery.')");
    return entries.length >= 3 ? entries : undefined;
  }, 'the poison watcher to log all three messages');
  expect(logged).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        teamId: 'demo-team-north',
        action: 'delivery.stale',
        details: expect.objectContaining({ outboxId: friday.id, recipientId: 'demo-alex', attempts: 5 }),
      }),
      expect.objectContaining({
        teamId: 'demo-team-north',
        action: 'delivery.returned-to-queue',
        details: expect.objectContaining({ outboxId: today.id, waitSeconds: 300 }),
      }),
      expect.objectContaining({ teamId: 'unknown', action: 'delivery.unreadable' }),
    ]),
  );
  expect(await hearth.services.store.outbox.get(friday.id, 'demo-alex')).toMatchObject({ status: 'stale' });
  expect(await hearth.services.store.outbox.get(today.id, 'demo-alex')).toMatchObject({ status: 'pending' });
  const queue = hearth.services.queues.service.getQueueClient('hearth-outbox');
  // Hidden until its next try, but there.
  expect((await queue.getProperties()).approximateMessagesCount).toBeGreaterThanOrEqual(1);
  expect((await queue.peekMessages({ numberOfMessages: 32 })).peekedMessageItems).toHaveLength(0);
}, 30_000);
