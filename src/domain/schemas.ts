/**
 * Schemas for single fields that come from outside (the feed, a CSV, a card, a settings file):
 * ids, dates, times and short names. Each says what was wrong in words a person can act on.
 */
import { z } from 'zod/v4';
import type { IsoDate } from './types';

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
  .refine(isRealDate, 'is not a real date');

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The dates a record from outside may carry: none before `earliest`, none after `latest`. A date
 * far outside (9999-12-31, 1000-01-01) is a slip in the case system, and the working-day calendar
 * would have to refuse it later, so it is refused at the edge with the field named.
 */
export interface DateLimits {
  earliest: IsoDate;
  latest: IsoDate;
}

export interface DateLimitSettings {
  /** The first date accepted (default 1990-01-01). */
  earliest: IsoDate;
  /** How many years after today the last date accepted falls (default 10). */
  yearsAhead: number;
}

export const DEFAULT_DATE_LIMITS: DateLimitSettings = { earliest: '1990-01-01', yearsAhead: 10 };

/** The limits on `today`: they follow the calendar, so "10 years ahead" stays 10 years ahead. */
export function dateLimits(today: IsoDate, settings: DateLimitSettings = DEFAULT_DATE_LIMITS): DateLimits {
  const year = String(Number(today.slice(0, 4)) + settings.yearsAhead).padStart(4, '0');
  // 29 February moves to 28 February in a year that has none.
  const latest = isRealDate(`${year}${today.slice(4)}`) ? `${year}${today.slice(4)}` : `${year}-02-28`;
  return { earliest: settings.earliest, latest };
}

/** Why a date is outside the limits, or undefined when it is inside. */
export function outsideLimits(date: IsoDate, limits: DateLimits): string | undefined {
  if (date >= limits.earliest && date <= limits.latest) return undefined;
  return `${date} is outside the dates Hearth accepts (${limits.earliest} to ${limits.latest})`;
}

/** `+hh:mm` offsets that no clock uses (`+99:99`) are refused, and so are impossible days. */
export const instantSchema = z.iso
  .datetime({ offset: true, error: 'must be a date and time like 2026-11-23T09:30:00Z', abort: true })
  .refine((value) => {
    const offset = /([+-])(\d{2}):?(\d{2})$/.exec(value);
    return !offset || (Number(offset[2]) <= 14 && Number(offset[3]) <= 59);
  }, 'has a time offset no clock uses (offsets run from -12:00 to +14:00)')
  .refine((value) => isRealDate(value.slice(0, 10)), 'is not a real date');

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Characters that show as nothing: bidi overrides and isolates (U+202A-202E, U+2066-2069), marks
 * (U+200E, U+200F, U+061C), zero-width spaces and joiners (U+200B-200D, U+2060, U+FEFF), Hangul
 * fillers (U+115F, U+1160, U+3164, U+FFA0), soft hyphens, variation selectors, tag characters and
 * every other format or default-ignorable character, and the blank Braille pattern. In a name they
 * only hide or reorder what a reader sees ("Sam" that reads "maS", a name that looks empty). A
 * Persian name loses its zero-width non-joiner, which changes how letters join, not what it says.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]/gu;

/** A name as Hearth keeps it: composed (NFC), invisible characters removed, spaces collapsed. */
export function cleanName(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/**
 * Short human text (a name): no control characters; cleaned (`cleanName`), then not empty. Kept as
 * text, never as markup: every surface escapes it where it is shown.
 */
export const nameText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .refine((v) => !CONTROL_CHARACTERS.test(v), {
      error: 'must not contain control characters or line breaks',
      abort: true,
    })
    .transform(cleanName)
    .pipe(
      z
        .string()
        .min(1, 'must not be empty once spaces and invisible characters are removed')
        .max(max, `must be at most ${max} characters`),
    );

export const localTimeSchema = z
  .string({ error: 'must be a time like 08:30' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:30');

export const entraObjectIdSchema = z
  .string({ error: 'must be text' })
  .regex(/^[0-9A-Fa-f-]{8,64}$/, 'must be an Entra object id (hex digits and dashes)');
