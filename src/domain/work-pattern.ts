/**
 * A person's own pattern: the days they work, their leave, quiet hours and snoozes. These change
 * when someone is told about a child, never the child's deadline.
 */
import type { WorkingCalendar } from './calendar';
import { addDays, mondayOf, weekdayOf } from './dates';
import type { IsoDate, Person } from './types';

export const onLeave = (person: Person, date: IsoDate) =>
  person.leave.some((l) => l.from <= date && date <= l.to);

/** A day the person works: an authority working day, one of their days, not on leave. */
export function worksOn(person: Person, date: IsoDate, calendar: WorkingCalendar): boolean {
  return (
    calendar.isWorkingDay(date) && person.workingDays.includes(weekdayOf(date)) && !onLeave(person, date)
  );
}

/** Their next working day after `after` (looking at most about a year ahead). */
export function nextWorkDay(person: Person, after: IsoDate, calendar: WorkingCalendar): IsoDate {
  let day = addDays(after, 1);
  for (let i = 0; i < 400 && !worksOn(person, day, calendar); i++) day = addDays(day, 1);
  return day;
}

const inQuietHours = (time: string, quiet: Person['quietHours']) =>
  !!quiet &&
  (quiet.start <= quiet.end
    ? time >= quiet.start && time < quiet.end
    : time >= quiet.start || time < quiet.end);

/** The local time a message may go: its wanted time, or the end of quiet hours if inside them. */
export function sendTime(person: Person, wanted: string): string {
  return inQuietHours(wanted, person.quietHours) && person.quietHours ? person.quietHours.end : wanted;
}

export const isSnoozed = (person: Person, key: string, today: IsoDate) =>
  (person.snoozes ?? []).some((s) => s.key === key && s.until > today);

/** No day they worked this week came before today. */
export function firstWorkingDayOfTheirWeek(
  person: Person,
  today: IsoDate,
  calendar: WorkingCalendar,
): boolean {
  for (let day = mondayOf(today); day < today; day = addDays(day, 1))
    if (worksOn(person, day, calendar)) return false;
  return true;
}
