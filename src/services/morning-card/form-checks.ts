/**
 * The rules for dates and reminders given on an item's Update form, and the form itself as an
 * outcome: a refused press comes back as the same form, holding what was typed, with the reason.
 *
 * - Seen or done, and booked: the limits in src/domain/card-dates.ts.
 * - Reminders: only ones that come on or before the day the thing is due or booked, whichever is
 *   sooner; for something whose days have all passed, only "tomorrow", the soonest there is.
 */
import type { WorkingCalendar } from '../../domain/calendar';
import { earliestDone, latestBooking } from '../../domain/card-dates';
import { addDays, weekdayNumber } from '../../domain/dates';
import type { BundleItem } from '../../domain/planner';
import type { IsoDate } from '../../domain/types';
import type { FormProblem } from '../../text/teams/item-form';
import type { CardOutcome, FormValues } from '../card-outcome';
import type { Located } from './locate-item';

export type SnoozeUntil = 'tomorrow' | 'monday';

/** What is wrong with a seen (or done) date, if anything. */
export function completedDateProblem(on: IsoDate, today: IsoDate, visit: boolean): FormProblem | undefined {
  if (on > today) return visit ? 'seen-in-future' : 'done-in-future';
  if (on < earliestDone(today)) return visit ? 'seen-too-long-ago' : 'done-too-long-ago';
  return undefined;
}

/** What is wrong with a booking date, if anything. */
export function bookedDateProblem(on: IsoDate | undefined, today: IsoDate): FormProblem | undefined {
  if (!on) return 'booked-no-date';
  if (on < today) return 'booked-in-past';
  if (on > latestBooking(today)) return 'booked-too-far';
  return undefined;
}

/** The day a snooze ends: the authority's next working day, or next Monday. */
export function snoozeEnds(until: SnoozeUntil, today: IsoDate, calendar: WorkingCalendar): IsoDate {
  return until === 'monday'
    ? addDays(today, (8 - weekdayNumber(today)) % 7 || 7)
    : calendar.addWorkingDays(today, 1);
}

/** The reminders worth offering for an item today. */
export function snoozeChoices(item: BundleItem, today: IsoDate, calendar: WorkingCalendar): SnoozeUntil[] {
  const dueOn = [item.booked, item.dueDate].filter((d): d is IsoDate => !!d && d >= today).sort()[0];
  if (!dueOn) return ['tomorrow'];
  const tomorrow = snoozeEnds('tomorrow', today, calendar);
  const monday = snoozeEnds('monday', today, calendar);
  return [
    ...(tomorrow <= dueOn ? (['tomorrow'] as const) : []),
    // On a Friday "tomorrow" is Monday already: one button for one day.
    ...(monday <= dueOn && monday !== tomorrow ? (['monday'] as const) : []),
  ];
}

/** The item's form, holding what was typed and saying what to fix when `problem` is given. */
export function itemForm(
  located: Pick<Located, 'message' | 'item'>,
  today: IsoDate,
  calendar: WorkingCalendar,
  refused?: { problem: FormProblem; typed: FormValues },
): CardOutcome {
  return {
    show: 'item-form',
    message: located.message,
    item: located.item,
    snoozes: snoozeChoices(located.item, today, calendar),
    ...(refused ? { problem: refused.problem, typed: refused.typed } : {}),
  };
}
