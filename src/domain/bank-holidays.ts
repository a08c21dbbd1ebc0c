/**
 * UK bank holidays for any year, computed from the rules (Easter, fixed days, Monday holidays and
 * substitute days) for each region, plus the one-off changes proclaimed over the years. Pure: no
 * clock, no I/O. An authority can add or remove dates in its own config.
 */
import { addDays, weekdayNumber } from './dates';
import type { IsoDate } from './types';

export const CALENDAR_REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type CalendarRegion = (typeof CALENDAR_REGIONS)[number];

const iso = (year: number, month: number, day: number): IsoDate =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** 0 = Sunday ... 6 = Saturday. */
export const dayOfWeek = weekdayNumber;

const isWeekend = (date: IsoDate) => [0, 6].includes(dayOfWeek(date));

/** Easter Sunday (Gregorian), by the anonymous algorithm in Meeus. */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = iso(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = addDays(iso(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

/**
 * Fixed-date holidays that fall at a weekend move to the next weekday not already a holiday
 * (so Christmas on a Saturday gives Monday 27th, and Boxing Day Tuesday 28th).
 */
function withSubstitutes(fixed: IsoDate[], taken: Set<IsoDate>): IsoDate[] {
  const out: IsoDate[] = [];
  for (const day of fixed) {
    let actual = day;
    while (isWeekend(actual) || taken.has(actual)) actual = addDays(actual, 1);
    taken.add(actual);
    out.push(actual);
  }
  return out;
}

interface OneOff {
  /** The holiday that moved away, if any. */
  remove?: IsoDate;
  add?: IsoDate;
  regions: readonly CalendarRegion[];
  why: string;
}

const ALL = CALENDAR_REGIONS;

/** Proclaimed changes to the usual pattern. Future ones can be added by an authority in config. */
export const ONE_OFF_CHANGES: readonly OneOff[] = [
  { add: '1999-12-31', regions: ALL, why: 'Millennium' },
  { add: '2002-06-03', regions: ALL, why: 'Golden Jubilee' },
  {
    remove: '2002-05-27',
    add: '2002-06-04',
    regions: ALL,
    why: 'Spring bank holiday moved for the Golden Jubilee',
  },
  { add: '2011-04-29', regions: ALL, why: 'Royal wedding' },
  {
    remove: '2012-05-28',
    add: '2012-06-04',
    regions: ALL,
    why: 'Spring bank holiday moved for the Diamond Jubilee',
  },
  { add: '2012-06-05', regions: ALL, why: 'Diamond Jubilee' },
  {
    remove: '2020-05-04',
    add: '2020-05-08',
    regions: ALL,
    why: 'Early May bank holiday moved for VE Day 75',
  },
  {
    remove: '2022-05-30',
    add: '2022-06-02',
    regions: ALL,
    why: 'Spring bank holiday moved for the Platinum Jubilee',
  },
  { add: '2022-06-03', regions: ALL, why: 'Platinum Jubilee' },
  { add: '2022-09-19', regions: ALL, why: 'State funeral of Queen Elizabeth II' },
  { add: '2023-05-08', regions: ALL, why: 'Coronation of King Charles III' },
];

function regularHolidays(year: number, region: CalendarRegion): IsoDate[] {
  const easter = easterSunday(year);
  const taken = new Set<IsoDate>();
  const days: IsoDate[] = [addDays(easter, -2), firstMonday(year, 5), lastMonday(year, 5)];
  if (region !== 'scotland') days.push(addDays(easter, 1), lastMonday(year, 8));
  else days.push(firstMonday(year, 8));
  days.forEach((d) => taken.add(d));

  const newYear = region === 'scotland' ? [iso(year, 1, 1), iso(year, 1, 2)] : [iso(year, 1, 1)];
  days.push(...withSubstitutes(newYear, taken));
  if (region === 'northern-ireland')
    days.push(...withSubstitutes([iso(year, 3, 17), iso(year, 7, 12)], taken));
  if (region === 'scotland') days.push(...withSubstitutes([iso(year, 11, 30)], taken));
  days.push(...withSubstitutes([iso(year, 12, 25), iso(year, 12, 26)], taken));
  return days;
}

export interface HolidayAdjustments {
  /** Extra non-working days an authority observes (for example a future proclaimed holiday). */
  add?: readonly IsoDate[];
  /** Days removed (for example a holiday moved by proclamation not yet listed here). */
  remove?: readonly IsoDate[];
}

/** Bank holidays in one calendar year, sorted. */
export function bankHolidays(
  year: number,
  region: CalendarRegion,
  adjust: HolidayAdjustments = {},
): IsoDate[] {
  const days = new Set(regularHolidays(year, region));
  const inYear = (d: IsoDate | undefined): d is IsoDate => d !== undefined && d.startsWith(`${year}-`);
  for (const change of ONE_OFF_CHANGES) {
    if (!change.regions.includes(region)) continue;
    if (inYear(change.remove)) days.delete(change.remove);
    if (inYear(change.add)) days.add(change.add);
  }
  adjust.remove?.filter(inYear).forEach((d) => days.delete(d));
  adjust.add?.filter(inYear).forEach((d) => days.add(d));
  return [...days].sort();
}
