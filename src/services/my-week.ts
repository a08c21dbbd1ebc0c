/**
 * `my week`: the children a practitioner works with, how many they have seen this week (the one
 * count the morning card shows too), and what is due for them by the end of the working week. A
 * manager or head of service also gets each of their teams' week so far (and is pointed to
 * `digest` for the full picture).
 */
import { addDays, londonDate, mondayOf } from '../domain/dates';
import { teamsVisibleTo } from '../domain/digest-access';
import { bookingAhead, visitBookingPassed } from '../domain/morning-bundle';
import { shortName } from '../domain/names';
import type { BundleItem } from '../domain/planner';
import { workOutDue } from '../domain/timescales';
import type { CaseEvent, Child, IsoDate, Person } from '../domain/types';
import { firstWorkingDayOfTheirWeek } from '../domain/work-pattern';
import type { Deps } from './deps';
import type { SeenCount } from './morning-card/seen-count';
import { allocatedChildren, countSeen, eventsByChild } from './morning-card/seen-count';

export interface TeamWeek extends SeenCount {
  teamId: string;
  teamName: string;
}

export interface MyWeek {
  seen: number;
  total: number;
  firstDayOfWeek: boolean;
  items: BundleItem[];
  day: { date: IsoDate; nextWorkingDay: IsoDate };
  weekEnd: IsoDate;
  /** Whether the person works with children themselves (a manager may not). */
  practitioner: boolean;
  /** For a manager or head of service: each team they lead, this week so far. */
  teams: TeamWeek[];
}

export async function myWeek(
  deps: Pick<Deps, 'store' | 'now' | 'calendar' | 'planner'>,
  person: Person,
): Promise<MyWeek> {
  const today = londonDate(deps.now());
  const friday = addDays(mondayOf(today), 4);
  const children = await allocatedChildren(deps.store, person.id);
  const events = await eventsByChild(deps.store, children);
  const items: BundleItem[] = [];
  for (const child of children) {
    const mine = events.get(child.id) ?? [];
    const childName = shortName(child, deps.planner.nameStyle);
    for (const due of workOutDue(child, mine, today, deps.calendar, deps.planner.rules, {
      practitioner: person,
    }).due) {
      if (due.dueDate > friday) continue;
      const booked = bookingAhead(due, today);
      const late = due.dueDate < today || visitBookingPassed(due, today);
      items.push({
        key: due.key,
        childId: child.id,
        childName,
        eventKind: due.eventKind,
        dueDate: due.dueDate,
        ...(deps.calendar.isWorkingDay(due.dueDate)
          ? {}
          : { dueBy: deps.calendar.workingDayOnOrBefore(due.dueDate) }),
        ...(booked ? { booked } : {}),
        ...(due.lastDone ? { lastDone: due.lastDone } : {}),
        situation: late ? 'not-seen-yet' : 'coming-up',
        urgency: 0,
      });
    }
  }
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return {
    ...countSeen(children, events, today),
    firstDayOfWeek: firstWorkingDayOfTheirWeek(person, today, deps.calendar),
    items,
    day: { date: today, nextWorkingDay: deps.calendar.addWorkingDays(today, 1) },
    weekEnd: friday,
    practitioner: person.roles.includes('practitioner') || children.length > 0,
    teams: await teamWeeks(deps, person, today),
  };
}

/** Each team a person leads: its children seen this week so far, out of all of them. */
async function teamWeeks(deps: Pick<Deps, 'store'>, person: Person, today: IsoDate): Promise<TeamWeek[]> {
  const weeks: TeamWeek[] = [];
  for (const teamId of teamsVisibleTo(person)) {
    const [team, children] = await Promise.all([
      deps.store.teams.get(teamId, teamId),
      deps.store.children.inPartition(teamId, 'c.closed = false'),
    ]);
    weeks.push({
      teamId,
      teamName: team?.name ?? teamId,
      ...countSeen(children, await visitsThisWeek(deps, teamId, children, today), today),
    });
  }
  return weeks;
}

/** Only this week's completed events of a team: enough to count who was seen. */
async function visitsThisWeek(deps: Pick<Deps, 'store'>, teamId: string, children: Child[], today: IsoDate) {
  const events = await deps.store.events.inPartition(
    teamId,
    "c.status = 'completed' AND c.completedDate >= @monday AND c.completedDate <= @today",
    [
      { name: '@monday', value: mondayOf(today) },
      { name: '@today', value: today },
    ],
  );
  const byChild = new Map<string, CaseEvent[]>(children.map((c) => [c.id, []]));
  for (const event of events) byChild.get(event.childId)?.push(event);
  return byChild;
}
