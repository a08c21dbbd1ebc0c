/**
 * The settings the family feedback pages add: the council's name, colour and phone numbers shown
 * on every page, the forms' CSRF secret, how long a link lives, and the public address links use.
 * Parsed from the environment record src/config.ts hands over; this module never reads process.env.
 */
import { z } from 'zod/v4';
import { DEFAULT_LINK_DAYS } from './domain/feedback-links';

/** A dark teal with white text at 7.5:1: the council's own colour replaces it. */
export const DEFAULT_BRAND_COLOUR = '#00566e';
/** Ofcom's numbers for drama: they never ring anyone. Local mode only. */
const LOCAL_FRONT_DOOR_PHONE = '01632 960 001';
const LOCAL_OUT_OF_HOURS_PHONE = '01632 960 002';

/** UK phone numbers as people write them: digits, spaces, and + ( ) -. */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{4,22}$/, 'must be a phone number like 0300 123 4567')
  .optional();

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const feedbackEnvShape = {
  HEARTH_COUNCIL_NAME: optionalText,
  HEARTH_BRAND_COLOUR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #00566e')
    .default(DEFAULT_BRAND_COLOUR),
  HEARTH_FRONT_DOOR_PHONE: phone,
  HEARTH_OUT_OF_HOURS_PHONE: phone,
  HEARTH_FEEDBACK_CSRF_SECRET: optionalText,
  HEARTH_FEEDBACK_LINK_DAYS: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(90, 'must be at most 90 (a link that lives longer is more likely to reach the wrong person)')
    .default(DEFAULT_LINK_DAYS),
  HEARTH_PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be a URL like https://hearth.example.gov.uk' })
    .optional(),
  /** Set by Azure App Service to the app's own host name; the public base URL falls back to it. */
  WEBSITE_HOSTNAME: optionalText,
  HEARTH_PORT: optionalText,
};

type FeedbackEnv = z.infer<z.ZodObject<typeof feedbackEnvShape>>;

/** The family feedback pages and links (README "Family feedback"). */
export interface FeedbackSettings {
  councilName: string;
  /** `#rrggbb`; white text on it has at least 4.5:1 contrast. */
  brandColour: string;
  frontDoorPhone: string;
  outOfHoursPhone: string;
  /** Keys the forms' CSRF tokens. */
  csrfSecret: string;
  linkLifetimeDays: number;
  /** Where families' links point, without a trailing slash: `<base>/api/f/<token>`. */
  publicBaseUrl: string;
}

/** WCAG contrast ratio of white text on a `#rrggbb` background. */
export function contrastWithWhite(colour: string): number {
  const channel = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [colour.slice(1, 3), colour.slice(3, 5), colour.slice(5, 7)].map(channel) as [
    number,
    number,
    number,
  ];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

/** What is wrong with the feedback settings: everything in production, the colour everywhere. */
export function feedbackProblems(e: FeedbackEnv, production: boolean): string[] {
  const problems: string[] = [];
  if (production) {
    if (!e.HEARTH_COUNCIL_NAME)
      problems.push('HEARTH_COUNCIL_NAME: required in production (shown to families on every page)');
    if (!e.HEARTH_FRONT_DOOR_PHONE)
      problems.push("HEARTH_FRONT_DOOR_PHONE: required in production (children's services' front door)");
    if (!e.HEARTH_OUT_OF_HOURS_PHONE)
      problems.push('HEARTH_OUT_OF_HOURS_PHONE: required in production (the out-of-hours team)');
    if (!e.HEARTH_FEEDBACK_CSRF_SECRET) problems.push('HEARTH_FEEDBACK_CSRF_SECRET: required in production');
    else if (e.HEARTH_FEEDBACK_CSRF_SECRET.length < 32)
      problems.push('HEARTH_FEEDBACK_CSRF_SECRET: must be at least 32 characters');
    if (!e.HEARTH_PUBLIC_BASE_URL && !e.WEBSITE_HOSTNAME)
      problems.push("HEARTH_PUBLIC_BASE_URL: required in production (the https address families' links use)");
    else if (e.HEARTH_PUBLIC_BASE_URL && !e.HEARTH_PUBLIC_BASE_URL.startsWith('https://'))
      problems.push('HEARTH_PUBLIC_BASE_URL: must be https in production');
  }
  const contrast = contrastWithWhite(e.HEARTH_BRAND_COLOUR);
  if (contrast < 4.5) {
    problems.push(
      `HEARTH_BRAND_COLOUR: white text on ${e.HEARTH_BRAND_COLOUR} is too hard to read (contrast ${contrast.toFixed(1)}:1, needs 4.5:1): choose a darker colour`,
    );
  }
  return problems;
}

export function readFeedbackSettings(e: FeedbackEnv, local: boolean): FeedbackSettings {
  const base =
    e.HEARTH_PUBLIC_BASE_URL ??
    (e.WEBSITE_HOSTNAME ? `https://${e.WEBSITE_HOSTNAME}` : `http://localhost:${e.HEARTH_PORT ?? '7071'}`);
  return {
    councilName: e.HEARTH_COUNCIL_NAME ?? (local ? 'Riverside Borough Council (demo)' : ''),
    brandColour: e.HEARTH_BRAND_COLOUR.toLowerCase(),
    frontDoorPhone: e.HEARTH_FRONT_DOOR_PHONE ?? LOCAL_FRONT_DOOR_PHONE,
    outOfHoursPhone: e.HEARTH_OUT_OF_HOURS_PHONE ?? LOCAL_OUT_OF_HOURS_PHONE,
    csrfSecret: e.HEARTH_FEEDBACK_CSRF_SECRET ?? 'local-dev-feedback-csrf-secret-not-for-production',
    linkLifetimeDays: e.HEARTH_FEEDBACK_LINK_DAYS,
    publicBaseUrl: base.replace(/\/+$/, ''),
  };
}
