/**
 * Calendar-date arithmetic on `yyyy-MM-dd` strings, and the Europe/London date of an instant.
 * Dates are days, not instants: adding days never meets a clock change.
 */
import type { IsoDate } from './types';

export const LONDON = 'Europe/London';

const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in London at this instant. */
export function londonDate(instant: Date): IsoDate {
  return londonDateFormat.format(instant);
}

/**
 * Days since 1970-01-01 for a `yyyy-MM-dd` date, by arithmetic alone (Hinnant's days-from-civil):
 * the planner does this millions of times, and Date objects are far slower.
 */
export function epochDay(date: IsoDate): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The `yyyy-MM-dd` date of a day number (inverse of `epochDay`). */
export function fromEpochDay(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayNumber(date: IsoDate): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

/**
 * The instant at which it is `time` (`HH:mm`) in London on `date`. Across the spring clock change
 * 08:30 is 07:30 UTC; in winter it is 08:30 UTC. A time skipped by the change (01:30 on the last
 * Sunday of March) is taken as the same clock time after the change.
 */
export function londonInstant(date: IsoDate, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // London is UTC or UTC+1: try both offsets and keep the one that reads back as the wanted time.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(guess - offsetHours * 3_600_000);
    if (londonDate(candidate) === date && londonTime(candidate) === time) return candidate;
  }
  return new Date(guess - 3_600_000);
}

const londonTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `HH:mm` in London at this instant. */
export function londonTime(instant: Date): string {
  return londonTimeFormat.format(instant);
}

const weekdayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/**
 * "Thursday 3 December": how a date reads in a message. The year is added when it is not the
 * year of `today`, so a date long past never reads as a date to come.
 */
export function spokenDate(date: IsoDate, today?: IsoDate): string {
  let day = spokenDays.get(date);
  if (day === undefined) {
    // Intl formatting is slow next to everything else the planner does; a date reads the same every time.
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    day = weekdayFormat.format(new Date(Date.UTC(y, m - 1, d))).replace(',', '');
    if (spokenDays.size > 20_000) spokenDays.clear();
    spokenDays.set(date, day);
  }
  return today && today.slice(0, 4) !== date.slice(0, 4) ? `${day} ${date.slice(0, 4)}` : day;
}

const spokenDays = new Map<IsoDate, string>();

/** The Monday of the ISO week `date` falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -((weekdayNumber(date) + 6) % 7));
}

/** ISO week id, such as `2026-W49`, for the week `date` falls in. */
export function isoWeekId(date: IsoDate): string {
  // The ISO year is the year of that week's Thursday.
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(mondayOf(`${year}-01-04`), mondayOf(date)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week id, or undefined if it is not one (week 53 only in long years). */
export function isoWeekMonday(id: string): IsoDate | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(id);
  if (!match) return undefined;
  const monday = addDays(mondayOf(`${match[1]}-01-04`), (Number(match[2]) - 1) * 7);
  return Number(match[2]) >= 1 && isoWeekId(monday) === id ? monday : undefined;
}
