/**
 * Calendar-date arithmetic on `yyyy-MM-dd` strings, and the Europe/London date and time of an
 * instant. Dates are days, not instants: adding days never meets a clock change. The planner adds
 * and compares dates millions of times, so day arithmetic is done on numbers; London offsets and ISO
 * weeks, asked a few times a run, come from date-fns.
 */
import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear, setISOWeek, startOfISOWeekYear } from 'date-fns';
import type { IsoDate, Weekday } from './types';

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

const WEEKDAY_NAMES: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** `mon` ... `sun`: the name a working pattern uses for the day. */
export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAY_NAMES[weekdayNumber(date)] as Weekday;
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
 * 08:30 is 07:30 UTC; in winter it is 08:30 UTC. A time the spring change skips (01:30 on the last
 * Sunday of March) is read as the same number of minutes after 01:00 GMT, that is 02:30 BST.
 */
export function londonInstant(date: IsoDate, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, LONDON).getTime());
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

/** The Monday of the ISO week `date` falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -((weekdayNumber(date) + 6) % 7));
}

/** A calendar date as midnight in UTC, for date-fns, whatever the machine's own time zone. */
function utcDay(date: IsoDate): TZDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 'UTC');
}
const isoOf = (day: Date): IsoDate => new TZDate(day, 'UTC').toISOString().slice(0, 10);

/** ISO week id, such as `2026-W49`, for the week `date` falls in. */
export function isoWeekId(date: IsoDate): string {
  const day = utcDay(date);
  return `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, '0')}`;
}

/** The Monday of an ISO week id, or undefined if it is not one (week 53 only in long years). */
export function isoWeekMonday(id: string): IsoDate | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(id);
  if (!match) return undefined;
  const week = Number(match[2]);
  const monday = isoOf(setISOWeek(startOfISOWeekYear(utcDay(`${match[1]}-01-04`)), week));
  return week >= 1 && isoWeekId(monday) === id ? monday : undefined;
}
