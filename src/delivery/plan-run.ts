/**
 * One run of the morning planner against the store: read what it needs, plan (pure), write each
 * new message to the outbox under its deterministic id and queue it for sending. Also re-queues
 * messages that were written but never queued (a crash between the two), so none is lost.
 */
import { createCalendar } from '../domain/calendar';
import { londonDate, londonInstant, spokenDate } from '../domain/dates';
import type { CoverNotice } from '../domain/planner';
import { defaultPlannerSettings, plan } from '../domain/planner';
import type { Config } from '../config';
import type { Store } from '../store/store';
import { mapLimit } from '../util/map-limit';
import type { OutboxMessage, OutboxQueueMessage } from './outbox';
import type { Queues } from './queues';
import { QUEUE_NAMES } from './queues';

/** A pending message this old is assumed never to have reached the queue. */
const REQUEUE_AFTER_MS = 10 * 60_000;

export interface PlanRunResult {
  planned: number;
  queued: number;
  requeued: number;
  coverNotices: number;
}

export async function runPlanner(
  store: Store,
  queues: Queues,
  config: Config,
  now: Date,
): Promise<PlanRunResult> {
  const today = londonDate(now);
  const [people, children, events, todays] = await Promise.all([
    store.people.query(),
    store.children.query('c.closed = false'),
    store.events.query(),
    store.nudges.query('c.date = @date', [{ name: '@date', value: today }]),
  ]);
  const calendar = createCalendar(config.region, config.holidays);
  const result = plan({
    people,
    children,
    events,
    now,
    settings: defaultPlannerSettings(calendar, config.timescaleRules, config.childNameStyle),
    alreadyPlanned: new Set(todays.map((m) => m.id)),
  });

  const createdAt = now.toISOString();
  const messages: OutboxMessage[] = [
    ...result.bundles.map((bundle): OutboxMessage => ({
      id: bundle.id,
      practitionerId: bundle.practitionerId,
      teamId: bundle.teamId,
      date: today,
      kind: 'morning',
      status: 'pending',
      attempts: 0,
      createdAt,
      sendAt: bundle.sendAt,
      bundle,
    })),
    ...result.nudges.map((nudge): OutboxMessage => {
      const teamId = people.find((p) => p.id === nudge.practitionerId)?.teamId ?? '';
      return {
        id: nudge.id,
        practitionerId: nudge.practitionerId,
        teamId,
        date: today,
        kind: 'nudge',
        status: 'pending',
        attempts: 0,
        createdAt,
        sendAt: nudge.sendAt,
        nudge,
      };
    }),
    // What falls due while someone is away goes to their manager(s), so a child is not missed.
    ...result.cover.flatMap((notice) => {
      const away = people.find((p) => p.id === notice.practitionerId);
      return notice.managerIds.flatMap((managerId): OutboxMessage[] => {
        const manager = people.find((p) => p.id === managerId);
        if (!manager || !away) return [];
        return [
          {
            id: `${managerId}:${today}:word:cover-${notice.practitionerId}`,
            practitionerId: managerId,
            teamId: manager.teamId,
            date: today,
            kind: 'word',
            status: 'pending',
            attempts: 0,
            createdAt,
            sendAt: londonInstant(today, manager.morningTime).toISOString(),
            word: coverWord(away.displayName, notice, today),
          },
        ];
      });
    }),
  ];

  const queued = await writeAndQueue(store, queues, messages, now);

  const stuck = todays.filter(
    (m) =>
      m.status === 'pending' &&
      now.getTime() - Date.parse(m.createdAt) > REQUEUE_AFTER_MS &&
      Date.parse(m.sendAt) <= now.getTime(),
  );
  await mapLimit(stuck, 16, (m) => enqueue(queues, m, now));

  return { planned: messages.length, queued, requeued: stuck.length, coverNotices: result.cover.length };
}

/** Puts an outbox message on the send queue, hidden until its send time. */
export function enqueue(
  queues: Queues,
  m: Pick<OutboxMessage, 'id' | 'practitionerId' | 'sendAt'>,
  now: Date,
): Promise<void> {
  const wait = Math.max(0, Math.ceil((Date.parse(m.sendAt) - now.getTime()) / 1000));
  const message: OutboxQueueMessage = { id: m.id, practitionerId: m.practitionerId };
  return queues.send(QUEUE_NAMES.outbox, message, wait > 0 ? { visibilityTimeoutSeconds: wait } : undefined);
}

/**
 * Writes each message to the outbox if absent and queues the new ones: a second run (or a second
 * instance) cannot make a second message. Returns how many were queued.
 */
export async function writeAndQueue(
  store: Store,
  queues: Queues,
  messages: readonly OutboxMessage[],
  now: Date,
): Promise<number> {
  let queued = 0;
  await mapLimit(messages, 16, async (message) => {
    if (await store.nudges.createIfAbsent(message)) {
      await enqueue(queues, message, now);
      queued += 1;
    }
  });
  return queued;
}

/** The note to a manager about what falls due while one of their team is away. Names the children. */
export function coverWord(
  awayName: string,
  notice: CoverNotice,
  today: string,
): NonNullable<OutboxMessage['word']> {
  const items = notice.items.map((i) => i.sentence).join(' ');
  return {
    title: `While ${awayName} is away`,
    text: `${awayName} is on leave from ${spokenDate(notice.leave.from, today)} to ${spokenDate(notice.leave.to, today)}. These fall due while they are away, so someone may need to pick them up: ${items}`,
    preview: 'Cover needed while someone is on leave',
  };
}
