/**
 * Date arithmetic the timescale rules need: intervals in working days, days, weeks and calendar
 * months, and whole years between dates. Calendar dates only, so clock changes never move a date.
 */
import type { WorkingCalendar } from './calendar';
import { addDays } from './dates';
import type { Interval } from './timescale-rule-types';
import type { IsoDate } from './types';

/** `date` plus the interval; a negative `sign` goes back (the working day before a meeting). */
export function addInterval(
  calendar: WorkingCalendar,
  date: IsoDate,
  interval: Interval,
  sign: 1 | -1 = 1,
): IsoDate {
  const n = interval.amount * sign;
  switch (interval.unit) {
    case 'working-days':
      return calendar.addWorkingDays(date, n);
    case 'days':
      return addDays(date, n);
    case 'weeks':
      return addDays(date, n * 7);
    case 'months':
      return addMonths(date, n);
  }
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Same day of the month n months on, or the month's last day when it is shorter. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const monthIndex = y * 12 + (m - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = month === 2 ? (isLeapYear(year) ? 29 : 28) : (MONTH_DAYS[month - 1] as number);
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whole years from `from` to `to`. */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  // "MM-DD" strings compare in calendar order.
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
