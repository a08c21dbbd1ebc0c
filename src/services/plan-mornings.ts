/**
 * One run of the morning planner against the store: read what it needs, plan (pure), write each
 * new message to the outbox under its deterministic id and queue it for sending. Messages written
 * but never queued (a crash between the two) are found by the outbox sweep that runs with it
 * (sweep-outbox.ts), so none is lost. A child or person the rules cannot handle is left out, logged
 * by id and reported to the admins in the activity log; everyone else's cards go out as usual.
 */
import { londonDate, londonInstant } from '../domain/dates';
import { describeError } from '../domain/isolate';
import type { OutboxMessage } from '../domain/outbox';
import { outboxMessage } from '../domain/outbox';
import type { Plan } from '../domain/planner';
import { plan } from '../domain/planner';
import type { IsoDate, Person } from '../domain/types';
import { writeAndQueue } from '../delivery/outbox-queue';
import { eachIsolated } from '../util/each-isolated';
import type { Deps } from './deps';
import type { Skipped } from './skipped-records';
import { reportSkipped } from './skipped-records';

export interface PlanRunResult {
  planned: number;
  queued: number;
  coverNotices: number;
  /** Left out because the rules could not handle them (or their message could not be written). */
  skipped: Skipped[];
}

export async function planMornings(
  deps: Pick<Deps, 'store' | 'queues' | 'planner'>,
  now: Date,
): Promise<PlanRunResult> {
  const { store, queues } = deps;
  const today = londonDate(now);
  const [people, children, events, todays] = await Promise.all([
    store.people.query(),
    store.children.query('c.closed = false'),
    store.events.query(),
    store.outbox.query('c.date = @date', [{ name: '@date', value: today }]),
  ]);
  const result = plan({
    people,
    children,
    events,
    now,
    settings: deps.planner,
    alreadyPlanned: new Set(todays.map((m) => m.id)),
  });
  const messages = messagesFor(
    { ...result, nudges: notOnTodaysCard(result, todays) },
    people,
    today,
    now.toISOString(),
  );
  const skipped = [...result.skipped];
  // Message by message: one that cannot be written (too large, say) holds up no one else's.
  let queued = 0;
  await eachIsolated(
    messages,
    16,
    async (m) => {
      queued += await writeAndQueue(store, queues, [m], now);
    },
    (m, error) => void skipped.push({ personId: m.recipientId, problem: describeError(error) }),
  );
  const teamOf = new Map(people.map((p) => [p.id, p.teamId]));
  await reportSkipped(store, 'plan-mornings', skipped, (id) => teamOf.get(id), now);
  return { planned: messages.length, queued, coverNotices: result.cover.length, skipped };
}

/**
 * Timely nudges for something not already on the practitioner's card today: a thing the card
 * shows is not said again in a separate reminder (the card is the reminder).
 */
function notOnTodaysCard(result: Plan, todays: readonly OutboxMessage[]): Plan['nudges'] {
  const onCard = new Set<string>();
  const bundles = [
    ...result.bundles,
    ...todays.flatMap((m) => (m.kind === 'morning' && m.bundle ? [m.bundle] : [])),
  ];
  for (const b of bundles)
    for (const item of [...b.today, ...b.notSeenYet, ...b.comingUp, ...b.beforeLeave])
      onCard.add(`${b.practitionerId}|${item.key}`);
  return result.nudges.filter((n) => !onCard.has(`${n.practitionerId}|${n.item.key}`));
}

/** The plan's bundles, nudges and leave cover notes, as outbox messages. */
function messagesFor(
  result: Plan,
  people: readonly Person[],
  today: IsoDate,
  createdAt: string,
): OutboxMessage[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const teamOf = (id: string) => byId.get(id)?.teamId ?? '';
  const base = (recipientId: string, id: string) => ({
    id,
    recipientId,
    teamId: teamOf(recipientId),
    date: today,
  });
  return [
    ...result.bundles.map((bundle) =>
      outboxMessage(
        { ...base(bundle.practitionerId, bundle.id), kind: 'morning', bundle },
        createdAt,
        bundle.sendAt,
      ),
    ),
    ...result.nudges.map((nudge) =>
      outboxMessage(
        { ...base(nudge.practitionerId, nudge.id), kind: 'nudge', nudge },
        createdAt,
        nudge.sendAt,
      ),
    ),
    // What falls due while someone is away goes to their manager(s), so a child is not missed.
    ...result.cover.flatMap((notice) => {
      const away = byId.get(notice.practitionerId);
      return notice.managerIds.flatMap((managerId) => {
        const manager = byId.get(managerId);
        if (!manager || !away) return [];
        const { items, leave, date, nextWorkingDay } = notice;
        return [
          outboxMessage(
            {
              ...base(managerId, `${managerId}:${today}:note:cover-${notice.practitionerId}`),
              kind: 'note',
              note: { kind: 'cover', awayName: away.displayName, leave, items, date, nextWorkingDay },
            },
            createdAt,
            londonInstant(today, manager.morningTime).toISOString(),
          ),
        ];
      });
    }),
  ];
}
