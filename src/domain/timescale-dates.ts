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

/** Same day of the month n months on, or the month's last day when it is shorter. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whole years from `from` to `to`. */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
