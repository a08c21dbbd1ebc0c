/**
 * How a date reads in a message: "Thursday 3 December", with the year when it is not this year's.
 */
import type { IsoDate } from '../domain/types';

const weekdayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

// Intl formatting is slow next to everything else a card needs; a date reads the same every time.
const spokenDays = new Map<IsoDate, string>();

/** "Thursday 3 December"; the year is added when it is not the year of `today`. */
export function spokenDate(date: IsoDate, today?: IsoDate): string {
  let day = spokenDays.get(date);
  if (day === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    day = weekdayFormat.format(new Date(Date.UTC(y, m - 1, d))).replace(',', '');
    if (spokenDays.size > 20_000) spokenDays.clear();
    spokenDays.set(date, day);
  }
  return today && today.slice(0, 4) !== date.slice(0, 4) ? `${day} ${date.slice(0, 4)}` : day;
}
