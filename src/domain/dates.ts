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

function toUtcMidnight(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const at = toUtcMidnight(date);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMidnight(to).getTime() - toUtcMidnight(from).getTime()) / 86_400_000);
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
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = weekdayFormat.format(new Date(Date.UTC(y, m - 1, d))).replace(',', '');
  return today && today.slice(0, 4) !== date.slice(0, 4) ? `${day} ${y}` : day;
}
