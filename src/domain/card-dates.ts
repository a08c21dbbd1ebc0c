/**
 * The dates a practitioner may give on a card's form. Seen or done: within the last 90 days and
 * not in the future (anything older belongs in the case record itself). Booked: today up to a year
 * ahead. The form shows these as its calendar's limits, and the use cases refuse anything outside.
 */
import { addDays } from './dates';
import { addMonths } from './timescale-dates';
import type { IsoDate } from './types';

export const SEEN_WITHIN_DAYS = 90;
export const BOOKED_WITHIN_MONTHS = 12;

/** The earliest day a visit or meeting can be recorded as seen or done, as of `today`. */
export const earliestDone = (today: IsoDate): IsoDate => addDays(today, -SEEN_WITHIN_DAYS);

/** The latest day something can be booked for, as of `today`. */
export const latestBooking = (today: IsoDate): IsoDate => addMonths(today, BOOKED_WITHIN_MONTHS);
