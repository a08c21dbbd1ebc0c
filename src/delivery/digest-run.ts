/**
 * Making the managers' digests: on the first working day of each week, at each manager's morning
 * time, one digest per team they manage (a head of service gets one roll-up across their teams),
 * written to the outbox under a deterministic id and queued, like the morning cards. A manager can
 * also ask for one now (`digest` in the chat), through the same path.
 */
import type { Config } from '../config';
import { createCalendar } from '../domain/calendar';
import type { WorkingCalendar } from '../domain/calendar';
import { addDays, londonDate, londonInstant, londonTime, mondayOf } from '../domain/dates';
import type { TeamDigest } from '../domain/digest';
import { sendTime } from '../domain/planner';
import { buildTeamDigests, defaultDigestSettings, weekReviewed } from '../domain/digest';
import { rollUp, teamsVisibleTo } from '../domain/digest-access';
import type { IsoDate, Person } from '../domain/types';
import type { Store } from '../store/store';
import type { OutboxMessage } from './outbox';
import type { Queues } from './queues';
import { writeAndQueue } from './plan-run';

export interface DigestRunResult {
  planned: number;
  queued: number;
}

/** The first day of `today`'s week that is a working day (Tuesday after a bank holiday Monday). */
export function firstWorkingDayOfWeek(today: IsoDate, calendar: WorkingCalendar): IsoDate | undefined {
  const monday = mondayOf(today);
  for (let i = 0; i < 5; i++) if (calendar.isWorkingDay(addDays(monday, i))) return addDays(monday, i);
  return undefined;
}

const isLeader = (p: Person) => teamsVisibleTo(p).length > 0;

/** A head of service's roll-up, or a manager's digest for one team. */
const messageId = (leader: Person, today: IsoDate, teamId?: string) =>
  leader.roles.includes('head-of-service')
    ? `${leader.id}:${today}:rollup`
    : `${leader.id}:${today}:digest:${teamId ?? ''}`;

/** The ids of the messages the Monday run makes for a leader. */
const scheduledIds = (leader: Person, today: IsoDate) =>
  leader.roles.includes('head-of-service')
    ? [messageId(leader, today)]
    : teamsVisibleTo(leader).map((teamId) => messageId(leader, today, teamId));

/**
 * Scheduled: everyone who leads a team and whose morning has come, on the week's first working
 * day. Asked: just `asker`, now, looking back on last week on that first day and on this week so
 * far on any other.
 */
export async function runDigests(
  store: Store,
  queues: Queues,
  config: Config,
  now: Date,
  asker?: Person,
): Promise<DigestRunResult> {
  const calendar = createCalendar(config.region, config.holidays);
  const today = londonDate(now);
  const firstDay = firstWorkingDayOfWeek(today, calendar);
  if (!asker && firstDay !== today) return { planned: 0, queued: 0 };

  const people = await store.people.query();
  const candidates = asker
    ? [asker].filter(isLeader)
    : people.filter(
        (p) =>
          isLeader(p) &&
          !p.paused &&
          // On leave: no digest waiting on their return; `digest` in the chat gives the latest.
          !p.leave.some((l) => l.from <= today && today <= l.to) &&
          londonTime(now) >= sendTime(p, p.morningTime),
      );
  // The timer runs every 15 minutes: leave out whoever already has this morning's messages, so
  // later runs neither reload the teams' data nor rebuild their digests.
  const planned = asker
    ? new Set<string>()
    : new Set(
        (
          await store.nudges.query("c.date = @date AND (c.kind = 'digest' OR c.kind = 'rollup')", [
            { name: '@date', value: today },
          ])
        ).map((m) => m.id),
      );
  const leaders = candidates.filter((p) => scheduledIds(p, today).some((id) => !planned.has(id)));
  if (leaders.length === 0) return { planned: 0, queued: 0 };

  const teamIds = [...new Set(leaders.flatMap(teamsVisibleTo))];
  const inTeams = `ARRAY_CONTAINS(@teams, c.teamId)`;
  const teamsParam = [{ name: '@teams', value: teamIds }];
  const [teams, children, events] = await Promise.all([
    store.teams.query(),
    store.children.query(`c.closed = false AND ${inTeams}`, teamsParam),
    store.events.query(inTeams, teamsParam),
  ]);
  const weekStart = asker && firstDay !== today ? mondayOf(today) : weekReviewed(today);
  const digests = buildTeamDigests(
    { teams, people, children, events },
    teamIds,
    { weekStart, asOf: today },
    defaultDigestSettings(calendar, config.timescaleRules, config.childNameStyle),
  );
  const byTeam = new Map(digests.map((d) => [d.teamId, d]));

  const createdAt = now.toISOString();
  const suffix = asker ? `:asked-${londonTime(now).replace(':', '')}` : '';
  const messages: OutboxMessage[] = [];
  for (const leader of leaders) {
    const sendAt = asker
      ? createdAt
      : londonInstant(today, sendTime(leader, leader.morningTime)).toISOString();
    const base = {
      practitionerId: leader.id,
      teamId: leader.teamId,
      date: today,
      status: 'pending' as const,
      attempts: 0,
      createdAt,
      sendAt,
    };
    const mine = teamsVisibleTo(leader)
      .map((id) => byTeam.get(id))
      .filter((d): d is TeamDigest => d !== undefined);
    if (leader.roles.includes('head-of-service')) {
      messages.push({
        ...base,
        id: `${messageId(leader, today)}${suffix}`,
        kind: 'rollup',
        rollup: { weekStart, view: rollUp(mine) },
      });
      continue;
    }
    for (const digest of mine) {
      messages.push({
        ...base,
        id: `${messageId(leader, today, digest.teamId)}${suffix}`,
        kind: 'digest',
        digest,
      });
    }
  }
  const queued = await writeAndQueue(store, queues, messages, now);
  return { planned: messages.length, queued };
}
