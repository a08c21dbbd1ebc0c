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
  .refine((s) => !s.leaveFrom === !s.leaveTo, {
    error: 'give both the first and last day of your leave, or neither',
    path: ['leaveTo'],
  })
  .refine((s) => !s.leaveFrom || !s.leaveTo || s.leaveFrom <= s.leaveTo, {
    error: 'leave must end on or after the day it starts',
    path: ['leaveTo'],
  });

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
    ...(s.leaveFrom && s.leaveTo ? { leave: { from: s.leaveFrom, to: s.leaveTo } } : {}),
  });
  return messageCard(REPLIES.settingsSaved) as unknown as AdaptiveCard;
}
