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
