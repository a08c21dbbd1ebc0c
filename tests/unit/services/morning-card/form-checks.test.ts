/**
 * The rules for what a card's form accepts, worked by hand: seen or done within the last 90 days
 * and not in the future; booked today to a year ahead; and reminders only on or before the day the
 * thing is due or booked (issue 11, item 17), "tomorrow" being the authority's next working day.
 */
import { createCalendar } from '../../../../src/domain/calendar';
import type { BundleItem } from '../../../../src/domain/planner';
import {
  bookedDateProblem,
  completedDateProblem,
  snoozeChoices,
} from '../../../../src/services/morning-card/form-checks';

const calendar = createCalendar('england-and-wales');
const MONDAY = '2026-11-30';

it.each([
  ['today', MONDAY, true, undefined],
  ['exactly 90 days ago (1 September)', '2026-09-01', true, undefined],
  ['91 days ago (31 August)', '2026-08-31', true, 'seen-too-long-ago'],
  ['tomorrow', '2026-12-01', true, 'seen-in-future'],
  ['the year 1000', '1000-01-01', true, 'seen-too-long-ago'],
  ['a meeting tomorrow', '2026-12-01', false, 'done-in-future'],
  ['a meeting 91 days ago', '2026-08-31', false, 'done-too-long-ago'],
] as const)('seen or done %s', (_, on, visit, problem) => {
  expect(completedDateProblem(on, MONDAY, visit)).toBe(problem);
});

it.each([
  ['no date', undefined, 'booked-no-date'],
  ['yesterday', '2026-11-29', 'booked-in-past'],
  ['today', MONDAY, undefined],
  ['exactly a year ahead (30 November 2027)', '2027-11-30', undefined],
  ['a year and a day ahead', '2027-12-01', 'booked-too-far'],
  ['9999-12-31', '9999-12-31', 'booked-too-far'],
] as const)('booked for %s', (_, on, problem) => {
  expect(bookedDateProblem(on, MONDAY)).toBe(problem);
});

const item = (dueDate: string, booked?: string): BundleItem => ({
  key: 'k',
  childId: 'C1',
  childName: 'Amira K.',
  eventKind: 'core-group',
  dueDate,
  ...(booked ? { booked } : {}),
  situation: 'coming-up',
  urgency: 1,
});

it.each([
  // [reading, today, due, booked, offered]
  [
    'a meeting booked for tomorrow: tomorrow, not next Monday',
    MONDAY,
    '2026-12-09',
    '2026-12-01',
    ['tomorrow'],
  ],
  [
    'due on Friday 4 December: tomorrow only, Monday 7th is after it',
    MONDAY,
    '2026-12-04',
    undefined,
    ['tomorrow'],
  ],
  [
    'due on Wednesday 9 December: both come before it',
    MONDAY,
    '2026-12-09',
    undefined,
    ['tomorrow', 'monday'],
  ],
  ['due today: nothing comes before it (record what happened instead)', MONDAY, MONDAY, undefined, []],
  [
    'due last Friday, not done yet: tomorrow, the soonest there is',
    MONDAY,
    '2026-11-27',
    undefined,
    ['tomorrow'],
  ],
  ['due last Friday, booked for Wednesday: tomorrow only', MONDAY, '2026-11-27', '2026-12-02', ['tomorrow']],
  [
    'on Friday 4 December, due Monday 7th: "tomorrow" is Monday, one button',
    '2026-12-04',
    '2026-12-07',
    undefined,
    ['tomorrow'],
  ],
  // Thursday 24 December 2026: Christmas is Friday; Boxing Day's substitute is Monday 28th.
  [
    'on Christmas Eve, due Tuesday 29th: the next working day is the 29th',
    '2026-12-24',
    '2026-12-29',
    undefined,
    ['tomorrow', 'monday'],
  ],
  ['on Christmas Eve, due Monday 28th (a bank holiday)', '2026-12-24', '2026-12-28', undefined, ['monday']],
] as const)('reminders: %s', (_, today, due, booked, offered) => {
  expect(snoozeChoices(item(due, booked), today, calendar)).toEqual(offered);
});
