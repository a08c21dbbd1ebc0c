/**
 * The cards behind the chat commands `my week` and `settings`. Every sentence comes from the
 * catalogue, which escapes the names in it.
 */
import type { DayContext } from '../domain/planner';
import type { BundleItem } from '../domain/planner';
import type { IsoDate, Weekday } from '../domain/types';
import { MY_WEEK_CARD, SETTINGS_CARD } from '../text/teams/commands';
import { itemSentence, seenThisWeekSentence } from '../text/teams/morning';
import type { Card } from './render';
import { renderCard } from './render';

export interface MyWeekView {
  seen: number;
  total: number;
  firstDayOfWeek: boolean;
  /** What is due by the end of the working week, soonest first. */
  items: BundleItem[];
  day: DayContext;
  weekEnd: IsoDate;
  /** Whether they work with children themselves; a manager who does not sees only their teams. */
  practitioner: boolean;
  /** The teams they lead, this week so far. */
  teams: { teamName: string; seen: number; total: number }[];
}

export function renderMyWeekCard(view: MyWeekView): Card {
  const leads = view.teams.length > 0;
  return renderCard('my-week', {
    heading: view.practitioner || !leads ? MY_WEEK_CARD.heading : MY_WEEK_CARD.teamsHeading,
    own: view.practitioner || !leads,
    seen: seenThisWeekSentence(view.seen, view.total, view.firstDayOfWeek),
    items: view.items.map((item) => ({ sentence: itemSentence(item, view.day) })),
    nothingElse: MY_WEEK_CARD.nothingElse(view.weekEnd, view.day.date),
    teamsHeading: view.practitioner && leads ? MY_WEEK_CARD.teamsHeading : '',
    teams: view.teams.map((t) => ({ line: MY_WEEK_CARD.teamLine(t.teamName, t.seen, t.total) })),
    forDigest: leads ? MY_WEEK_CARD.forDigest : '',
  });
}

/** What the settings form holds: a person's settings, or what they typed when it came back. */
export interface SettingsValues {
  morningTime: string;
  workingDays: readonly Weekday[] | string;
  quietStart?: string;
  quietEnd?: string;
  leaveFrom?: string;
  leaveTo?: string;
}

/** The settings form; `problem` (from the catalogue) says what to fix when it came back. */
export function renderSettingsCard(values: SettingsValues, today: IsoDate, problem = ''): Card {
  return renderCard('settings', {
    problem,
    morningTime: values.morningTime,
    workingDays: typeof values.workingDays === 'string' ? values.workingDays : values.workingDays.join(','),
    quietStart: values.quietStart ?? '',
    quietEnd: values.quietEnd ?? '',
    leaveFrom: values.leaveFrom ?? '',
    leaveTo: values.leaveTo ?? '',
    // Leave that has already begun is shown as it is, so the calendar starts from its first day.
    leaveMin: values.leaveFrom && values.leaveFrom < today ? values.leaveFrom : today,
    today,
    words: SETTINGS_CARD,
  });
}
