/**
 * Making the managers' digests: on the first working day of each week, at each manager's morning
 * time, one digest per team they manage (a head of service gets one roll-up across their teams),
 * written to the outbox under a deterministic id and queued, like the morning cards. A manager can
 * also ask for one now (`digest` in the chat), through the same path.
 */
import type { WorkingCalendar } from '../domain/calendar';
import { addDays, londonDate, londonInstant, londonTime, mondayOf } from '../domain/dates';
import type { TeamDigest } from '../domain/digest';
import { describeError, withoutFaulty } from '../domain/isolate';
import { buildTeamDigests, weekReviewed } from '../domain/digest';
import { rollUp, teamsVisibleTo } from '../domain/digest-access';
import type { OutboxMessage } from '../domain/outbox';
import { outboxMessage } from '../domain/outbox';
import type { IsoDate, Person } from '../domain/types';
import { onLeave, sendTime } from '../domain/work-pattern';
import { writeAndQueue } from '../delivery/outbox-queue';
import { eachIsolated } from '../util/each-isolated';
import type { Store } from '../store/store';
import type { Deps } from './deps';
import type { Skipped } from './skipped-records';
import { reportSkipped } from './skipped-records';

export interface DigestRunResult {
  planned: number;
  queued: number;
  /** Children (or teams) left out because the digest's rules could not handle them. */
  skipped: Skipped[];
}

/** The first day of `today`'s week that is a working day (Tuesday after a bank holiday Monday). */
export function firstWorkingDayOfWeek(today: IsoDate, calendar: WorkingCalendar): IsoDate | undefined {
  const monday = mondayOf(today);
  for (let i = 0; i < 5; i++) if (calendar.isWorkingDay(addDays(monday, i))) return addDays(monday, i);
  return undefined;
}

const isLeader = (p: Person) => teamsVisibleTo(p).length > 0;
const isHeadOfService = (p: Person) => p.roles.includes('head-of-service');

/** A head of service's roll-up, or a manager's digest for one team. */
const messageId = (leader: Person, today: IsoDate, teamId?: string) =>
  isHeadOfService(leader) ? `${leader.id}:${today}:rollup` : `${leader.id}:${today}:digest:${teamId ?? ''}`;

/** The ids of the messages the Monday run makes for a leader. */
const scheduledIds = (leader: Person, today: IsoDate) =>
  isHeadOfService(leader)
    ? [messageId(leader, today)]
    : teamsVisibleTo(leader).map((teamId) => messageId(leader, today, teamId));

type DigestDeps = Pick<Deps, 'store' | 'queues' | 'calendar' | 'digest'>;

/**
 * Scheduled: everyone who leads a team and whose morning has come, on the week's first working
 * day. Asked: just `asker`, now, looking back on last week on that first day and on this week so
 * far on any other.
 */
export async function planDigests(deps: DigestDeps, now: Date, asker?: Person): Promise<DigestRunResult> {
  const today = londonDate(now);
  const firstDay = firstWorkingDayOfWeek(today, deps.calendar);
  if (!asker && firstDay !== today) return { planned: 0, queued: 0, skipped: [] };

  const people = await deps.store.people.query();
  const leaders = asker ? [asker].filter(isLeader) : await dueLeaders(deps.store, people, now);
  if (leaders.length === 0) return { planned: 0, queued: 0, skipped: [] };

  const teamIds = [...new Set(leaders.flatMap(teamsVisibleTo))];
  const inTeams = `ARRAY_CONTAINS(@teams, c.teamId)`;
  const teamsParam = [{ name: '@teams', value: teamIds }];
  const weekStart = asker && firstDay !== today ? mondayOf(today) : weekReviewed(today);
  const [teams, children, events, undelivered] = await Promise.all([
    deps.store.teams.query(),
    deps.store.children.query(`c.closed = false AND ${inTeams}`, teamsParam),
    deps.store.events.query(inTeams, teamsParam),
    // Messages Hearth could not deliver since the week began, for "who Hearth cannot reach".
    deps.store.outbox.query(
      `(c.status = 'stale' OR c.status = 'failed') AND c.date >= @from AND ${inTeams}`,
      [...teamsParam, { name: '@from', value: weekStart }],
    ),
  ]);
  const skipped: Skipped[] = [];
  const digests = digestsLeavingOut(
    { teams, people, children, events, undelivered },
    teamIds,
    { weekStart, asOf: today },
    deps.digest,
    skipped,
  );
  const messages = leaders.flatMap((leader) =>
    messagesFor(leader, digests, { now, weekStart, asked: !!asker }),
  );
  let queued = 0;
  await eachIsolated(
    messages,
    16,
    async (m) => {
      queued += await writeAndQueue(deps.store, deps.queues, [m], now);
    },
    (m, error) => void skipped.push({ personId: m.recipientId, problem: describeError(error) }),
  );
  const teamOf = new Map(people.map((p) => [p.id, p.teamId]));
  await reportSkipped(deps.store, 'plan-digests', skipped, (id) => teamOf.get(id), now);
  return { planned: messages.length, queued, skipped };
}

type DigestData = Parameters<typeof buildTeamDigests>[0];

/**
 * Every team's digest; when the rules cannot handle a record, team by team and child by child, so
 * that one child (or one team) is left out and reported, and every other manager gets theirs.
 */
function digestsLeavingOut(
  data: DigestData,
  teamIds: readonly string[],
  dates: { weekStart: IsoDate; asOf: IsoDate },
  settings: Deps['digest'],
  skipped: Skipped[],
): TeamDigest[] {
  try {
    return buildTeamDigests(data, teamIds, dates, settings);
  } catch {
    return [...teamIds].sort().flatMap((teamId) => {
      const mine = <T extends { teamId: string }>(items: readonly T[]) =>
        items.filter((i) => i.teamId === teamId);
      const team = {
        teams: data.teams,
        people: mine(data.people),
        events: mine(data.events),
        undelivered: data.undelivered && mine(data.undelivered),
      };
      try {
        return withoutFaulty(
          mine(data.children),
          (children) => buildTeamDigests({ ...team, children }, [teamId], dates, settings),
          (child, error) => skipped.push({ teamId, childId: child.id, problem: describeError(error) }),
        );
      } catch (error) {
        skipped.push({ teamId, problem: describeError(error) });
        return [];
      }
    });
  }
}

/**
 * Leaders whose morning has come and who have not had this morning's messages yet: the timer runs
 * every 15 minutes, and later runs neither reload the teams' data nor rebuild their digests.
 */
async function dueLeaders(store: Store, people: readonly Person[], now: Date): Promise<Person[]> {
  const today = londonDate(now);
  const planned = new Set(
    (
      await store.outbox.query("c.date = @date AND (c.kind = 'digest' OR c.kind = 'rollup')", [
        { name: '@date', value: today },
      ])
    ).map((m) => m.id),
  );
  return people.filter(
    (p) =>
      isLeader(p) &&
      !p.paused &&
      // On leave: no digest waiting on their return; `digest` in the chat gives the latest.
      !onLeave(p, today) &&
      londonTime(now) >= sendTime(p, p.morningTime) &&
      scheduledIds(p, today).some((id) => !planned.has(id)),
  );
}

function messagesFor(
  leader: Person,
  digests: readonly TeamDigest[],
  run: { now: Date; weekStart: IsoDate; asked: boolean },
): OutboxMessage[] {
  const today = londonDate(run.now);
  const createdAt = run.now.toISOString();
  const sendAt = run.asked
    ? createdAt
    : londonInstant(today, sendTime(leader, leader.morningTime)).toISOString();
  // A digest asked for in the chat has its own id, so it never collides with the Monday one.
  const suffix = run.asked ? `:asked-${londonTime(run.now).replace(':', '')}` : '';
  const base = { recipientId: leader.id, teamId: leader.teamId, date: today };
  const visible = new Set(teamsVisibleTo(leader));
  const mine = digests.filter((d) => visible.has(d.teamId));
  if (isHeadOfService(leader)) {
    const id = `${messageId(leader, today)}${suffix}`;
    const rollup = { weekStart: run.weekStart, view: rollUp(mine) };
    return [outboxMessage({ ...base, id, kind: 'rollup', rollup }, createdAt, sendAt)];
  }
  return mine.map((digest) =>
    outboxMessage(
      { ...base, id: `${messageId(leader, today, digest.teamId)}${suffix}`, kind: 'digest', digest },
      createdAt,
      sendAt,
    ),
  );
}
