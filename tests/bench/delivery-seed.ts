/**
 * What the delivery benchmarks send: one morning card each for `count` practitioners, each with
 * Hearth installed (their chat on the fake Bot Connector), written to the outbox as the planner
 * writes them, and optionally queued as the planner queues them. Also the counting afterwards.
 */
import type { Services } from '../../src/app/root';
import { enqueue } from '../../src/delivery/outbox-queue';
import { QUEUE_NAMES } from '../../src/delivery/queues';
import { londonDate } from '../../src/domain/dates';
import type { OutboxMessage } from '../../src/domain/outbox';
import { outboxMessage } from '../../src/domain/outbox';
import type { BundleItem, MorningBundle } from '../../src/domain/planner';
import { mapLimit } from '../../src/util/map-limit';
import { aPerson } from '../support/domain';
import type { FakeConnector } from '../support/fake-connector';

/** A morning card with three children on it, as the planner makes them. */
function bundleFor(practitionerId: string, id: string, date: string, sendAt: string): MorningBundle {
  const item = (n: number, situation: BundleItem['situation']): BundleItem => ({
    key: `${practitionerId}-c${n}:visit`,
    childId: `${practitionerId}-c${n}`,
    childName: ['Amira K.', 'Jayden O.', 'Ruby E.'][n] as string,
    eventKind: 'visit',
    dueDate: date,
    situation,
    urgency: n,
  });
  return {
    id,
    practitionerId,
    teamId: 'T1',
    date,
    nextWorkingDay: date,
    sendAt,
    seenThisWeek: { seen: 2, total: 5 },
    firstDayOfWeek: false,
    today: [item(0, 'today')],
    notSeenYet: [item(1, 'not-seen-yet')],
    comingUp: [item(2, 'coming-up')],
    beforeLeave: [],
    cannotWorkOut: [],
    folded: [],
  };
}

export interface Seeded {
  messages: OutboxMessage[];
  /** In every one of this run's outbox ids, and no other's. */
  marker: string;
  /** Each message's chat on the fake connector. */
  conversationOf: Map<string, string>;
}

/** Writes `count` practitioners and their morning cards (ids ending `suffix`); queues them if asked. */
export async function seedMorningCards(
  services: Services,
  connector: FakeConnector,
  count: number,
  options: { suffix: string; queue: boolean; now?: Date },
): Promise<Seeded> {
  const now = options.now ?? new Date();
  const date = londonDate(now);
  const conversationOf = new Map<string, string>();
  const run = options.suffix.replace(/[^a-z0-9]/gi, '-');
  const messages = Array.from({ length: count }, (_, i) => {
    // People of their own for each run, so one run's chats are empty for the next.
    const personId = `p${i}${run}`;
    const id = `${personId}:${date}:morning`;
    conversationOf.set(id, `conv-${personId}`);
    return outboxMessage(
      {
        id,
        recipientId: personId,
        teamId: `t${i % 80}`,
        date,
        kind: 'morning',
        bundle: bundleFor(personId, id, date, now.toISOString()),
      },
      now.toISOString(),
    );
  });
  await mapLimit(messages, 32, async (m) => {
    await services.store.people.upsert(
      aPerson(m.recipientId, {
        teamId: m.teamId,
        conversationReference: {
          serviceUrl: connector.url,
          conversation: { id: conversationOf.get(m.id) },
          user: { id: `user-${m.recipientId}` },
        },
      }),
    );
    await services.store.outbox.upsert(m);
    if (options.queue) await enqueue(services.queues, m, now);
  });
  return { messages, conversationOf, marker: `${run}:` };
}

/**
 * Azurite's in-memory queue slows with its depth, as Azure Storage does not: deleting a message
 * takes about 33 ms with 5,000 in the queue and 4 ms with 500 (measured here), which alone would cap
 * a run at about 30 cards a second. So the cards are all written to the outbox first, as the
 * planner writes them, and put on the queue as it drains, never more than `depth` at once.
 */
export function feedQueue(services: Services, seeded: Seeded, depth = 500) {
  const queue = services.queues.service.getQueueClient(QUEUE_NAMES.outbox);
  let next = 0;
  let stopped = false;
  const topUp = async () => {
    const { approximateMessagesCount = 0 } = await queue.getProperties();
    const chunk = seeded.messages.slice(next, next + Math.max(0, depth - approximateMessagesCount));
    next += chunk.length;
    const now = new Date();
    await mapLimit(chunk, 32, (m) => enqueue(services.queues, m, now));
  };
  const running = (async () => {
    while (!stopped && next < seeded.messages.length) {
      await new Promise((r) => setTimeout(r, 100));
      await topUp();
    }
  })();
  return {
    /** Fills the queue to its depth, for a start with work waiting. */
    fill: topUp,
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/** How many of one run's cards the outbox holds with `status` (or not with it, `negate`). */
export async function countWithStatus(services: Services, seeded: Seeded, status: string, negate = false) {
  const { resources } = await services.store.outbox.container.items
    .query<number>({
      query: `SELECT VALUE COUNT(1) FROM c WHERE c.docType = 'outbox' AND CONTAINS(c.id, @run) AND ${negate ? 'NOT ' : ''}(c.status = @status)`,
      parameters: [
        { name: '@run', value: seeded.marker },
        { name: '@status', value: status },
      ],
    })
    .fetchAll();
  return resources[0] ?? 0;
}

/** Cards never sent, and copies sent beyond the first (per chat), from what the connector received. */
export async function countOutcomes(services: Services, connector: FakeConnector, seeded: Seeded) {
  const wanted = new Set(seeded.conversationOf.values());
  const perChat = new Map<string, number>();
  for (const r of connector.received)
    if (wanted.has(r.conversationId)) perChat.set(r.conversationId, (perChat.get(r.conversationId) ?? 0) + 1);
  const sent = await countWithStatus(services, seeded, 'sent');
  const duplicated = [...perChat].filter(([, n]) => n > 1);
  return {
    lost: seeded.messages.length - sent,
    notReceived: wanted.size - perChat.size,
    duplicates: duplicated.reduce((sum, [, n]) => sum + n - 1, 0),
    duplicatedChats: duplicated.map(([chat]) => chat),
  };
}
