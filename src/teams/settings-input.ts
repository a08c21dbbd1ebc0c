/**
 * The settings form: shown with a person's settings (and their next leave), and what it sends,
 * parsed at the edge. A bad value saves nothing: the form comes back holding what was typed, with a
 * plain sentence saying what to fix (never a field's name).
 */
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { SettingsValues } from '../cards/command-cards';
import { renderSettingsCard } from '../cards/command-cards';
import { messageCard } from '../cards/message-card';
import { londonDate } from '../domain/dates';
import { isoDateSchema, localTimeSchema } from '../domain/schemas';
import type { IsoDate, Person } from '../domain/types';
import { WEEKDAYS } from '../domain/types';
import type { Deps } from '../services/deps';
import { saveSettings } from '../services/people/save-settings';
import { SETTINGS_PROBLEMS as SAY } from '../text/teams/commands';
import { REPLIES } from '../text/teams/replies';
import { spokenDate } from '../text/spoken-date';

/** Text that `schema` accepts, else the plain sentence; `blank` also takes an empty box. */
const plainly = (schema: z.ZodType, error: string, blank = false) =>
  z.string({ error }).refine((v) => (blank && v === '') || schema.safeParse(v).success, error);
const optionalTime = plainly(localTimeSchema, SAY.quietTime, true).optional();
const optionalDate = plainly(isoDateSchema, SAY.leaveDate, true).optional();

export const settingsInput = z
  .object({
    morningTime: plainly(localTimeSchema, SAY.morningTime),
    workingDays: z
      .string({ error: SAY.workingDays })
      .transform((v) =>
        v
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(WEEKDAYS, { error: SAY.workingDays })).min(1, SAY.workingDays)),
    quietStart: optionalTime,
    quietEnd: optionalTime,
    leaveFrom: optionalDate,
    leaveTo: optionalDate,
  })
  .refine((s) => !s.quietStart === !s.quietEnd, { error: SAY.quietBothEnds, path: ['quietEnd'] })
  .refine((s) => !s.leaveFrom === !s.leaveTo, { error: SAY.leaveBothEnds, path: ['leaveTo'] })
  .refine((s) => !s.leaveFrom || !s.leaveTo || s.leaveFrom <= s.leaveTo, {
    error: SAY.leaveOrder,
    path: ['leaveTo'],
  })
  .superRefine((s, context) => {
    if (!s.leaveFrom || !s.leaveTo || s.leaveTo < yearAfter(s.leaveFrom)) return;
    const lastDay = yearAfter(s.leaveFrom);
    context.addIssue({
      code: 'custom',
      message: SAY.leaveTooLong(`${spokenDate(lastDay)} ${lastDay.slice(0, 4)}`),
      path: ['leaveTo'],
      params: { plain: true },
    });
  });

/** The same day a year later (1 March after 29 February). */
function yearAfter(date: string): string {
  const next = `${String(Number(date.slice(0, 4)) + 1).padStart(4, '0')}${date.slice(4)}`;
  return next.endsWith('-02-29') ? `${next.slice(0, 4)}-03-01` : next;
}

/** Plain sentences only reach the person; anything else (a library's words) becomes a plain one. */
const PLAIN: ReadonlySet<unknown> = new Set(Object.values(SAY));

/** A person's settings as the form shows them: their next leave that has not ended, if any. */
export function currentSettings(person: Person, today: IsoDate): SettingsValues {
  const leave = person.leave.filter((l) => l.to >= today).sort((a, b) => a.from.localeCompare(b.from))[0];
  return {
    morningTime: person.morningTime,
    workingDays: person.workingDays,
    ...(person.quietHours ? { quietStart: person.quietHours.start, quietEnd: person.quietHours.end } : {}),
    ...(leave ? { leaveFrom: leave.from, leaveTo: leave.to } : {}),
  };
}

/** What was typed, as text the form can hold again (anything else is dropped). */
function typedBack(data: unknown, person: Person): SettingsValues {
  const raw = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const text = (key: string) => (typeof raw[key] === 'string' ? raw[key].slice(0, 40) : undefined);
  return {
    morningTime: text('morningTime') ?? person.morningTime,
    workingDays: text('workingDays') ?? '',
    ...Object.fromEntries(
      (['quietStart', 'quietEnd', 'leaveFrom', 'leaveTo'] as const).flatMap((k) => {
        const v = text(k);
        return v === undefined ? [] : [[k, v]];
      }),
    ),
  };
}

const asCard = (card: Record<string, unknown>) => card as unknown as AdaptiveCard;

export async function saveSettingsFromCard(deps: Deps, person: Person, data: unknown): Promise<AdaptiveCard> {
  const parsed = settingsInput.safeParse(data);
  const today = londonDate(deps.now());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const plain =
      issue && (PLAIN.has(issue.message) || (issue.code === 'custom' && issue.params?.['plain'] === true));
    const problem = plain ? issue.message : SAY.somethingElse;
    return asCard(renderSettingsCard(typedBack(data, person), today, REPLIES.settingsNotSaved(problem)));
  }
  const s = parsed.data;
  await saveSettings(deps, person, {
    morningTime: s.morningTime,
    workingDays: s.workingDays,
    ...(s.quietStart && s.quietEnd ? { quietHours: { start: s.quietStart, end: s.quietEnd } } : {}),
    // Empty leave fields mean no leave: saving them clears what was there.
    leave: s.leaveFrom && s.leaveTo ? { from: s.leaveFrom, to: s.leaveTo } : undefined,
  });
  return asCard(messageCard(REPLIES.settingsSaved));
}
