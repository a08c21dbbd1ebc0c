/**
 * The working-day calendar: Monday to Friday, less the region's bank holidays. "Within N working
 * days of X" means the Nth working day after X (X itself is day 0). Dates are calendar days in
 * Europe/London, so clock changes never move a deadline.
 */
import type { CalendarRegion, HolidayAdjustments } from './bank-holidays';
import { bankHolidays, dayOfWeek } from './bank-holidays';
import { addDays, daysBetween } from './dates';
import type { IsoDate } from './types';

export interface WorkingCalendar {
  region: CalendarRegion;
  isWorkingDay(date: IsoDate): boolean;
  isBankHoliday(date: IsoDate): boolean;
  /** The nth working day after `date` (n > 0), or before it (n < 0); `date` itself when n is 0. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days after `from`, up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The last working day on or before `date`. */
  workingDayOnOrBefore(date: IsoDate): IsoDate;
  /** Bank holidays from `from` to `to`, inclusive. */
  bankHolidaysBetween(from: IsoDate, to: IsoDate): IsoDate[];
}

export function createCalendar(region: CalendarRegion, adjust: HolidayAdjustments = {}): WorkingCalendar {
  const byYear = new Map<number, Set<IsoDate>>();
  const holidaysIn = (year: number) => {
    let set = byYear.get(year);
    if (!set) {
      set = new Set(bankHolidays(year, region, adjust));
      byYear.set(year, set);
    }
    return set;
  };
  const isBankHoliday = (date: IsoDate) => holidaysIn(Number(date.slice(0, 4))).has(date);
  const isWorkingDay = (date: IsoDate) => {
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6 && !isBankHoliday(date);
  };

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, not ${n}`);
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    let day = date;
    // Whole weeks first: 5 working days a week less any holidays in them, then day by day.
    while (left > 10) {
      const weekEnd = addDays(day, 7 * step);
      let found = 0;
      for (let d = addDays(day, step); d !== addDays(weekEnd, step); d = addDays(d, step))
        if (isWorkingDay(d)) found++;
      if (found > left) break;
      left -= found;
      day = weekEnd;
    }
    while (left > 0) {
      day = addDays(day, step);
      if (isWorkingDay(day)) left--;
    }
    return day;
  };

  /** Working days in (start, end], for start <= end. */
  const countAfter = (start: IsoDate, end: IsoDate): number => {
    const span = daysBetween(start, end);
    // Weekdays arithmetically, then take off the holidays that fall on weekdays in the range.
    const startDow = dayOfWeek(start);
    let weekdays = Math.floor(span / 7) * 5;
    for (let i = 1; i <= span % 7; i++) {
      const dow = (startDow + i) % 7;
      if (dow !== 0 && dow !== 6) weekdays++;
    }
    let holidays = 0;
    for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
      for (const h of holidaysIn(year)) {
        if (h > start && h <= end && dayOfWeek(h) !== 0 && dayOfWeek(h) !== 6) holidays++;
      }
    }
    return weekdays - holidays;
  };

  const workingDaysBetween = (from: IsoDate, to: IsoDate): number => {
    if (to >= from) return countAfter(from, to);
    // Backwards: the working days in [to, from), so that going back n working days counts -n.
    const shift = (isWorkingDay(to) ? 1 : 0) - (isWorkingDay(from) ? 1 : 0);
    return -(countAfter(to, from) + shift);
  };

  return {
    region,
    isWorkingDay,
    isBankHoliday,
    addWorkingDays,
    workingDaysBetween,
    workingDayOnOrBefore(date) {
      let day = date;
      while (!isWorkingDay(day)) day = addDays(day, -1);
      return day;
    },
    bankHolidaysBetween(from, to) {
      const out: IsoDate[] = [];
      for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
        out.push(...[...holidaysIn(year)].filter((d) => d >= from && d <= to));
      }
      return out.sort();
    },
  };
}
