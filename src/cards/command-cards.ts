/**
 * The cards behind the chat commands `my week` and `settings`.
 */
import type { Person } from '../domain/types';
import { escapeCardText } from '../text/escape';
import { MY_WEEK_CARD, SETTINGS_CARD } from '../text/teams/commands';
import type { DayContext } from '../domain/planner';
import type { BundleItem } from '../domain/planner';
import type { IsoDate } from '../domain/types';
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
}

export function renderMyWeekCard(view: MyWeekView): Card {
  return renderCard('my-week', {
    heading: MY_WEEK_CARD.heading,
    seen: seenThisWeekSentence(view.seen, view.total, view.firstDayOfWeek),
    items: view.items.map((item) => ({ sentence: escapeCardText(itemSentence(item, view.day)) })),
    nothingElse: MY_WEEK_CARD.nothingElse(view.weekEnd, view.day.date),
  });
}

export function renderSettingsCard(person: Person, today: IsoDate): Card {
  // The leave saving would keep: saving the card replaces leave with what it shows.
  const leave = person.leave.filter((l) => l.to >= today).sort((a, b) => a.from.localeCompare(b.from))[0];
  return renderCard('settings', {
    morningTime: person.morningTime,
    workingDays: person.workingDays.join(','),
    quietStart: person.quietHours?.start ?? '',
    quietEnd: person.quietHours?.end ?? '',
    // Leave already begun shows from today: the card cannot pick a day before it.
    leaveFrom: leave ? (leave.from < today ? today : leave.from) : '',
    leaveTo: leave?.to ?? '',
    today,
    words: SETTINGS_CARD,
  });
}
