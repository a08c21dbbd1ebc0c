/**
 * `my week`: the children a practitioner works with, how many they have seen this week, and what is
 * due for them by the end of the working week.
 */
import { addDays, londonDate, mondayOf } from '../domain/dates';
import { shortName } from '../domain/names';
import type { BundleItem } from '../domain/planner';
import { seenThisWeek } from '../domain/seen';
import { workOutDue } from '../domain/timescales';
import type { IsoDate, Person } from '../domain/types';
import { firstWorkingDayOfTheirWeek } from '../domain/work-pattern';
import type { Deps } from './deps';

export interface MyWeek {
  seen: number;
  total: number;
  firstDayOfWeek: boolean;
  items: BundleItem[];
  day: { date: IsoDate; nextWorkingDay: IsoDate };
  weekEnd: IsoDate;
}

export async function myWeek(
  deps: Pick<Deps, 'store' | 'now' | 'calendar' | 'planner'>,
  person: Person,
): Promise<MyWeek> {
  const today = londonDate(deps.now());
  const friday = addDays(mondayOf(today), 4);
  const children = await deps.store.children.query('c.allocatedPractitionerId = @p AND c.closed = false', [
    { name: '@p', value: person.id },
  ]);
  const events = children.length
    ? await deps.store.events.query('ARRAY_CONTAINS(@ids, c.childId)', [
        { name: '@ids', value: children.map((c) => c.id) },
      ])
    : [];
  let seen = 0;
  const items: BundleItem[] = [];
  for (const child of children) {
    const mine = events.filter((e) => e.childId === child.id);
    if (seenThisWeek(mine, today)) seen++;
    const childName = shortName(child, deps.planner.nameStyle);
    for (const due of workOutDue(child, mine, today, deps.calendar, deps.planner.rules, {
      practitioner: person,
    }).due) {
      if (due.dueDate > friday) continue;
      items.push({
        key: due.key,
        childId: child.id,
        childName,
        eventKind: due.eventKind,
        dueDate: due.dueDate,
        ...(deps.calendar.isWorkingDay(due.dueDate)
          ? {}
          : { dueBy: deps.calendar.workingDayOnOrBefore(due.dueDate) }),
        ...(due.booked ? { booked: due.booked } : {}),
        situation: due.dueDate < today ? 'not-seen-yet' : 'coming-up',
        urgency: 0,
      });
    }
  }
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return {
    seen,
    total: children.length,
    firstDayOfWeek: firstWorkingDayOfTheirWeek(person, today, deps.calendar),
    items,
    day: { date: today, nextWorkingDay: deps.calendar.addWorkingDays(today, 1) },
    weekEnd: friday,
  };
}
