/**
 * What the settings card sends, parsed at the edge: a bad value is explained, and nothing is saved.
 */
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import { messageCard } from '../cards/message-card';
import { isoDateSchema, localTimeSchema } from '../domain/schemas';
import type { Person } from '../domain/types';
import { WEEKDAYS } from '../domain/types';
import type { Deps } from '../services/deps';
import { saveSettings } from '../services/people/save-settings';
import { REPLIES } from '../text/teams/replies';
import { spokenDate } from '../text/spoken-date';

const time = localTimeSchema;
const optionalTime = z.union([z.literal(''), time]).optional();
const optionalDate = z.union([z.literal(''), isoDateSchema]).optional();

export const settingsInput = z
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
  // Leave: both days or neither (neither means no leave); in order; at most a year long.
  .refine((s) => !s.leaveFrom === !s.leaveTo, {
    error: 'needs both its first and last day, or neither for no leave',
    path: ['leave'],
  })
  .refine((s) => !s.leaveFrom || !s.leaveTo || s.leaveFrom <= s.leaveTo, {
    error: 'must end on or after the day it starts',
    path: ['leave'],
  })
  .superRefine((s, context) => {
    if (!s.leaveFrom || !s.leaveTo || s.leaveTo < yearAfter(s.leaveFrom)) return;
    context.addIssue({
      code: 'custom',
      message: `can be at most a year long, so its last day must be before ${spokenDate(yearAfter(s.leaveFrom))} ${yearAfter(s.leaveFrom).slice(0, 4)}`,
      path: ['leave'],
    });
  });

/** The same day a year later (1 March after 29 February). */
function yearAfter(date: string): string {
  const next = `${String(Number(date.slice(0, 4)) + 1).padStart(4, '0')}${date.slice(4)}`;
  return next.endsWith('-02-29') ? `${next.slice(0, 4)}-03-01` : next;
}

export async function saveSettingsFromCard(deps: Deps, person: Person, data: unknown): Promise<AdaptiveCard> {
  const parsed = settingsInput.safeParse(data);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    return messageCard(
      REPLIES.settingsNotSaved(problem?.path.join(' ') || 'settings', problem?.message ?? 'was not right'),
    ) as unknown as AdaptiveCard;
  }
  const s = parsed.data;
  await saveSettings(deps, person, {
    morningTime: s.morningTime,
    workingDays: s.workingDays,
    ...(s.quietStart && s.quietEnd ? { quietHours: { start: s.quietStart, end: s.quietEnd } } : {}),
    // Empty leave fields mean no leave: saving them clears what was there.
    leave: s.leaveFrom && s.leaveTo ? { from: s.leaveFrom, to: s.leaveTo } : undefined,
  });
  return messageCard(REPLIES.settingsSaved) as unknown as AdaptiveCard;
}
