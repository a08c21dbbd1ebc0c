/**
 * Cards for the chat commands `my week` and `settings`, and saving what the settings card sends.
 * Settings are parsed with a schema: a bad value is explained, and nothing is saved.
 */
import { z } from 'zod/v4';
import type { Services } from '../app/services';
import { renderCard } from '../cards/render';
import { escapeCardText } from '../text/escape';
import type { WorkingCalendar } from '../domain/calendar';
import { addDays, londonDate, spokenDate, weekdayNumber } from '../domain/dates';
import { comingUpSentence, notYetSentence, seenThisWeekSentence, shortName } from '../domain/language';
import { workOutDue } from '../domain/timescales';
import { WEEKDAYS } from '../domain/types';
import type { Person } from '../domain/types';
import { isoDateSchema } from '../ingest/records';
import { messageCard } from './card-actions';
import { REPLIES } from './replies';

export async function myWeekCard(
  services: Services,
  person: Person,
  calendar: WorkingCalendar,
): Promise<Record<string, unknown>> {
  const today = londonDate(services.now());
  const monday = addDays(today, -((weekdayNumber(today) + 6) % 7));
  const friday = addDays(monday, 4);
  const children = await services.store.children.query(
    'c.allocatedPractitionerId = @p AND c.closed = false',
    [{ name: '@p', value: person.id }],
  );
  const events = children.length
    ? await services.store.events.query('ARRAY_CONTAINS(@ids, c.childId)', [
        { name: '@ids', value: children.map((c) => c.id) },
      ])
    : [];
  let seen = 0;
  const items: { sentence: string; due: string }[] = [];
  for (const child of children) {
    const mine = events.filter((e) => e.childId === child.id);
    if (
      mine.some(
        (e) =>
          e.kind === 'visit' &&
          e.status === 'completed' &&
          (e.completedDate ?? '') >= monday &&
          (e.completedDate ?? '') <= today,
      )
    )
      seen++;
    const name = shortName(child, services.config.childNameStyle);
    for (const due of workOutDue(child, mine, today, calendar, services.config.timescaleRules).due) {
      if (due.dueDate > friday) continue;
      const context = {
        name,
        eventKind: due.eventKind,
        dueDate: due.dueDate,
        today,
        nextWorkingDay: calendar.addWorkingDays(today, 1),
        ...(due.booked ? { booked: due.booked } : {}),
      };
      items.push({
        due: due.dueDate,
        sentence: escapeCardText(due.dueDate < today ? notYetSentence(context) : comingUpSentence(context)),
      });
    }
  }
  items.sort((a, b) => a.due.localeCompare(b.due));
  return renderCard('my-week', {
    seen: seenThisWeekSentence(seen, children.length),
    items,
    weekEnd: spokenDate(friday, today),
  });
}

export function settingsCard(person: Person, today: string): Record<string, unknown> {
  return renderCard('settings', {
    morningTime: person.morningTime,
    workingDays: person.workingDays.join(','),
    quietStart: person.quietHours?.start ?? '',
    quietEnd: person.quietHours?.end ?? '',
    today,
  });
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:30');
const optionalTime = z.union([z.literal(''), time]).optional();
const optionalDate = z.union([z.literal(''), isoDateSchema]).optional();

const settingsInput = z
  .object({
    morningTime: time,
    workingDays: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(WEEKDAYS)).min(1, 'choose at least one working day')),
    quietStart: optionalTime,
    quietEnd: optionalTime,
    leaveFrom: optionalDate,
    leaveTo: optionalDate,
  })
  .refine((s) => !s.quietStart === !s.quietEnd, {
    error: 'give both ends of your quiet hours, or neither',
    path: ['quietEnd'],
  })
  .refine((s) => !s.leaveFrom === !s.leaveTo, {
    error: 'give both the first and last day of your leave, or neither',
    path: ['leaveTo'],
  })
  .refine((s) => !s.leaveFrom || !s.leaveTo || s.leaveFrom <= s.leaveTo, {
    error: 'leave must end on or after the day it starts',
    path: ['leaveTo'],
  });

export async function saveSettings(
  services: Services,
  person: Person,
  data: unknown,
): Promise<Record<string, unknown>> {
  const parsed = settingsInput.safeParse(data);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    return messageCard(
      `Nothing was saved: ${problem?.path.join(' ') || 'settings'} ${problem?.message ?? 'was not right'}. Type settings to try again.`,
    );
  }
  const s = parsed.data;
  const today = londonDate(services.now());
  await services.store.people.update(person.id, person.teamId, (p) => ({
    ...p,
    morningTime: s.morningTime,
    workingDays: s.workingDays,
    ...(s.quietStart && s.quietEnd
      ? { quietHours: { start: s.quietStart, end: s.quietEnd } }
      : { quietHours: undefined }),
    // Past leave is dropped; new leave is added.
    leave: [
      ...p.leave.filter((l) => l.to >= today),
      ...(s.leaveFrom && s.leaveTo ? [{ from: s.leaveFrom, to: s.leaveTo }] : []),
    ],
  }));
  return messageCard(REPLIES.settingsSaved);
}
