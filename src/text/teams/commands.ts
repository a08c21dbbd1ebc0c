/**
 * The cards behind the chat commands `my week` and `settings`, and the plain words for a settings
 * form that cannot be saved. Team names are escaped here.
 */
import { escapeCardText } from '../escape';
import { plural } from '../grammar';
import { spokenDate } from '../spoken-date';
import type { IsoDate } from '../../domain/types';

export const MY_WEEK_CARD = {
  heading: 'Your week',
  nothingElse: (weekEnd: IsoDate, today: IsoDate) =>
    `Nothing else is due for your children before ${spokenDate(weekEnd, today)}.`,
  teamsHeading: 'Your teams this week',
  /** A team's week so far, for a manager: "North Family Help: 12 of its 40 children seen so far." */
  teamLine: (teamName: string, seen: number, total: number) =>
    total === 0
      ? `${escapeCardText(teamName)}: no children are allocated in Hearth yet.`
      : `${escapeCardText(teamName)}: ${seen === total ? `all ${plural(total, 'child', 'children')}` : `${seen} of its ${plural(total, 'child', 'children')}`} seen this week so far.`,
  forDigest: "Type digest for the full picture of your team's week: what went well, and who may need help.",
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

/** Why settings could not be saved, in plain words: never a field's name. */
export const SETTINGS_PROBLEMS = {
  morningTime: 'Choose the time for your morning card, like 08:30.',
  workingDays: 'Choose at least one day you work.',
  quietTime: 'Quiet hours need times, like 19:00.',
  quietBothEnds: 'Give both ends of your quiet hours, or leave both empty.',
  leaveDate: 'Leave needs dates from the calendar.',
  leaveBothEnds: 'Give both the first and last day of your leave, or leave both empty.',
  leaveOrder: 'Your leave needs to end on or after the day it starts.',
  leaveTooLong: (lastDay: string) =>
    `Leave can be at most a year long, so its last day needs to be before ${lastDay}.`,
  somethingElse: 'Something in the form was not right.',
} as const;
