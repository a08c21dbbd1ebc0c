/**
 * The working-day calendar: Monday to Friday, less the region's bank holidays. "Within N working
 * days of X" means the Nth working day after X (X itself is day 0). Dates are calendar days in
 * Europe/London, so clock changes never move a deadline.
 *
 * The planner asks this millions of questions, so each year is laid out once as a running count
 * of working days; counting between dates is then a subtraction and adding is a binary search.
 */
import type { CalendarRegion, HolidayAdjustments } from './bank-holidays';
import { bankHolidays } from './bank-holidays';
import { epochDay, fromEpochDay } from './dates';
import type { IsoDate } from './types';

export interface WorkingCalendar {
  region: CalendarRegion;
  isWorkingDay(date: IsoDate): boolean;
  isBankHoliday(date: IsoDate): boolean;
  /** The nth working day after `date` (n > 0), or before it (n < 0); `date` itself when n is 0. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days in (from, to]; going backwards, minus those in [to, from). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The last working day on or before `date`. */
  workingDayOnOrBefore(date: IsoDate): IsoDate;
  /** Bank holidays from `from` to `to`, inclusive. */
  bankHolidaysBetween(from: IsoDate, to: IsoDate): IsoDate[];
}

interface YearTable {
  firstDay: number;
  /** `counts[i]`: working days from 1 January up to and including day i of the year. */
  counts: Int32Array;
  holidays: Set<number>;
  /** Working days in all the years before this one, counted from `BASE_YEAR`. */
  before: number;
}

const BASE_YEAR = 1900;
const LAST_YEAR = 2299;

/** Working days counted from the start of BASE_YEAR, laid out a year at a time as they are asked for. */
interface WorkingDayCounter {
  /** Working days from the start of BASE_YEAR up to and including `day` (an epoch day number). */
  cumulative: (day: number) => number;
  holidaysOf: (year: number) => IsoDate[];
  isHoliday: (date: IsoDate) => boolean;
}

function workingDayCounter(region: CalendarRegion, adjust: HolidayAdjustments): WorkingDayCounter {
  const years = new Map<number, YearTable>();
  const holidayList = new Map<number, IsoDate[]>();
  const holidaysOf = (year: number) => {
    let list = holidayList.get(year);
    if (!list) {
      list = bankHolidays(year, region, adjust);
      holidayList.set(year, list);
    }
    return list;
  };

  // Tables are built in order from BASE_YEAR, because each needs the running total before it.
  let builtUpTo = BASE_YEAR - 1;
  let runningTotal = 0;
  const table = (year: number): YearTable => {
    if (year < BASE_YEAR || year > LAST_YEAR) {
      throw new RangeError(`the working-day calendar covers ${BASE_YEAR} to ${LAST_YEAR}, not ${year}`);
    }
    while (builtUpTo < year) {
      const built = buildYear(++builtUpTo, runningTotal, holidaysOf(builtUpTo));
      years.set(builtUpTo, built);
      runningTotal = built.before + (built.counts[built.counts.length - 1] ?? 0);
    }
    return years.get(year) as YearTable;
  };

  let last: YearTable | undefined;
  return {
    cumulative(day) {
      // Most questions fall in the year of the one before.
      if (!last || day < last.firstDay || day >= last.firstDay + last.counts.length) {
        last = table(Number(fromEpochDay(day).slice(0, 4)));
      }
      return last.before + (last.counts[day - last.firstDay] ?? 0);
    },
    holidaysOf,
    isHoliday: (date) => table(Number(date.slice(0, 4))).holidays.has(epochDay(date)),
  };
}

function buildYear(year: number, before: number, holidayDates: readonly IsoDate[]): YearTable {
  const firstDay = epochDay(`${year}-01-01`);
  const length = epochDay(`${year + 1}-01-01`) - firstDay;
  const holidays = new Set(holidayDates.map(epochDay));
  const counts = new Int32Array(length);
  let running = 0;
  for (let i = 0; i < length; i++) {
    const day = firstDay + i;
    const dow = (((day + 4) % 7) + 7) % 7;
    if (dow !== 0 && dow !== 6 && !holidays.has(day)) running++;
    counts[i] = running;
  }
  return { firstDay, counts, holidays, before };
}

export function createCalendar(region: CalendarRegion, adjust: HolidayAdjustments = {}): WorkingCalendar {
  const { cumulative, holidaysOf, isHoliday } = workingDayCounter(region, adjust);
  const isWorkingDayNumber = (day: number) => cumulative(day) - cumulative(day - 1) === 1;

  /** The first day whose cumulative count reaches `target`. */
  const dayWithCount = (target: number, near: number): number => {
    let lo = near;
    let hi = near;
    // Widen a bracket around the guess, then bisect.
    while (cumulative(lo) >= target) lo -= 64;
    while (cumulative(hi) < target) hi += 64;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (cumulative(mid) >= target) hi = mid;
      else lo = mid;
    }
    return hi;
  };

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, not ${n}`);
    if (n === 0) return date;
    const day = epochDay(date);
    if (n > 0) return fromEpochDay(dayWithCount(cumulative(day) + n, day + Math.floor((n * 7) / 5)));
    // Backwards: the working day with exactly |n| working days in [it, date).
    const target = cumulative(day - 1) + n + 1;
    return fromEpochDay(dayWithCount(target, day + Math.floor((n * 7) / 5)));
  };

  return {
    region,
    isWorkingDay: (date) => isWorkingDayNumber(epochDay(date)),
    isBankHoliday: isHoliday,
    addWorkingDays,
    workingDaysBetween(from, to) {
      const a = epochDay(from);
      const b = epochDay(to);
      if (b >= a) return cumulative(b) - cumulative(a);
      return -(cumulative(a - 1) - cumulative(b - 1));
    },
    workingDayOnOrBefore(date) {
      let day = epochDay(date);
      while (!isWorkingDayNumber(day)) day--;
      return fromEpochDay(day);
    },
    bankHolidaysBetween(from, to) {
      const out: IsoDate[] = [];
      for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
        out.push(...holidaysOf(year).filter((d) => d >= from && d <= to));
      }
      return out.sort();
    },
  };
}
