/**
 * Schemas for single fields that come from outside (the feed, a CSV, a card, a settings file):
 * ids, dates, times and short names. Each says what was wrong in words a person can act on.
 */
import { z } from 'zod/v4';

export const listOf = (values: readonly string[]) => values.join(', ');

/** Cosmos ids cannot hold / \ ? #; we allow a conservative set that every case system can meet. */
export const idSchema = z
  .string({ error: 'must be text' })
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
    'must be 1 to 128 letters, digits, dots, colons, underscores or dashes, starting with a letter or digit',
  );

/** A real calendar date written `yyyy-mm-dd`. */
export const isoDateSchema = z
  .string({ error: 'must be a date like 2026-11-23' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2026-11-23', abort: true })
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'is not a real date');

export const instantSchema = z.iso.datetime({
  offset: true,
  error: 'must be a date and time like 2026-11-23T09:30:00Z',
});

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Short human text (a name): trimmed, no control characters. Kept as text: escaped where shown. */
export const nameText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !CONTROL_CHARACTERS.test(v), 'must not contain control characters or line breaks');

export const localTimeSchema = z
  .string({ error: 'must be a time like 08:30' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:30');

export const entraObjectIdSchema = z
  .string({ error: 'must be text' })
  .regex(/^[0-9A-Fa-f-]{8,64}$/, 'must be an Entra object id (hex digits and dashes)');
