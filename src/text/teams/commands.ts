/**
 * The cards behind the chat commands `my week` and `settings`.
 */
import { spokenDate } from '../spoken-date';
import type { IsoDate } from '../../domain/types';

export const MY_WEEK_CARD = {
  heading: 'Your week',
  nothingElse: (weekEnd: IsoDate, today: IsoDate) =>
    `Nothing else is due for your children before ${spokenDate(weekEnd, today)}.`,
} as const;

export const SETTINGS_CARD = {
  heading: 'Your settings',
  morningTime: 'Morning card at',
  chooseTime: 'Choose a time',
  workingDays: 'Days you work',
  chooseDay: 'Choose at least one day',
  days: [
    { title: 'Monday', value: 'mon' },
    { title: 'Tuesday', value: 'tue' },
    { title: 'Wednesday', value: 'wed' },
    { title: 'Thursday', value: 'thu' },
    { title: 'Friday', value: 'fri' },
  ],
  quietStart: 'Quiet hours from (optional)',
  quietEnd: 'Quiet hours until (optional)',
  leaveFrom: 'Leave from (optional)',
  leaveTo: 'Leave until (optional)',
  save: 'Save',
} as const;
