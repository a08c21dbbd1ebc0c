/**
 * An authority's audit programme (DOMAIN.md section 3): how many audits each auditor does a month,
 * who audits, how children are sampled, who is left out, the standards to check, and the deadlines
 * for audits, moderation and worries. Read from a JSON file (see docs/audit-programme.example.json),
 * parsed here so a bad file is refused at start-up with where it is wrong, never half-applied.
 * Every field is optional: what is left out takes the default below.
 */
import { z } from 'zod/v4';
import type { ChildFlag, ChildKind } from './types';
import { CHILD_FLAGS, CHILD_KINDS } from './types';

/** The ten standards of DOMAIN.md section 3, in order. Their words are in src/text/audit.ts. */
export const DEFAULT_STANDARD_IDS = [
  'seen-and-heard',
  'chronology',
  'genogram',
  'family-network',
  'assessment',
  'identity',
  'smart-plan',
  'visits',
  'oversight',
  'risk',
] as const;

export interface AuditStandard {
  id: string;
  /** The authority's own wording; absent means the default wording for a default standard. */
  text?: string;
  /** A grade can be given only when every required standard has an answer (Not applicable counts). */
  required: boolean;
}

/** A themed month picks children by kind, by a flag from the feed, or those not seen on their own. */
export type AuditTheme = { childKind: ChildKind } | { flag: ChildFlag } | { notSeenAlone: true };

export interface AuditProgramme {
  /** Makes the monthly sample repeatable: the same seed and month give the same children. */
  seed: string;
  auditsPerAuditorPerMonth: number;
  auditors: {
    /** Team managers audit. */
    managers: boolean;
    headsOfService: boolean;
    /** People who audit besides managers (anyone with the auditor role audits too). */
    named: string[];
    /** Managers audit another team's children, not their own teams'. */
    peer: boolean;
  };
  sample: {
    /** Weights: how the picks of an ordinary month divide between random and stratified. */
    mix: { random: number; stratified: number };
    /** In a themed month, the share of picks that follow the theme; the rest follow `mix`. */
    themedShare: number;
    /** Months planned ahead with a theme (a head of service can set more from Teams). */
    themes: { month: string; theme: AuditTheme }[];
  };
  exclusions: {
    auditedWithinMonths: number;
    allocatedForLessThanWeeks: number;
    auditorsOwnChildren: boolean;
  };
  standards: AuditStandard[];
  dueWorkingDays: number;
  /** An audit not submitted this many working days after its due date is a line in the manager's digest. */
  lateToManagerAfterWorkingDays: number;
  moderation: {
    share: number;
    atLeastOnePerTeamPerMonth: boolean;
    /** Who moderates besides heads of service (a quality assurance lead). */
    moderators: string[];
  };
  worries: {
    acknowledgeWithinWorkingHours: number;
    /** Who hears when nobody acknowledges in time, besides every head of service. */
    escalateTo: string[];
    workingHours: { start: string; end: string };
  };
  /** The longest comment or answer an auditor can type, in characters. */
  commentMaxLength: number;
}

export const DEFAULT_PROGRAMME: AuditProgramme = {
  seed: 'hearth',
  auditsPerAuditorPerMonth: 2,
  auditors: { managers: true, headsOfService: false, named: [], peer: true },
  sample: { mix: { random: 1, stratified: 3 }, themedShare: 0.5, themes: [] },
  exclusions: { auditedWithinMonths: 12, allocatedForLessThanWeeks: 4, auditorsOwnChildren: true },
  standards: DEFAULT_STANDARD_IDS.map((id) => ({ id, required: true })),
  dueWorkingDays: 15,
  lateToManagerAfterWorkingDays: 5,
  moderation: { share: 0.1, atLeastOnePerTeamPerMonth: true, moderators: [] },
  worries: {
    acknowledgeWithinWorkingHours: 4,
    escalateTo: [],
    workingHours: { start: '09:00', end: '17:00' },
  },
  commentMaxLength: 1000,
};

const listOf = (values: readonly string[]) => values.join(', ');
const personId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be a person id');
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-12');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like 09:00');
const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const whole = (min: number, max: number) =>
  z
    .number()
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

export const themeSchema = z.union(
  [
    z.strictObject({
      childKind: z.enum(CHILD_KINDS, { error: `must be one of ${listOf(CHILD_KINDS)}` }),
    }),
    z.strictObject({ flag: z.enum(CHILD_FLAGS, { error: `must be one of ${listOf(CHILD_FLAGS)}` }) }),
    z.strictObject({ notSeenAlone: z.literal(true) }),
  ],
  {
    error: `must be {"childKind": a kind of child}, {"flag": one of ${listOf(CHILD_FLAGS)}} or {"notSeenAlone": true}`,
  },
);

const standardSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be lower-case letters, digits and dashes'),
  text: z.string().trim().min(10, 'must be a sentence').max(300, 'must be at most 300 characters').optional(),
  required: z.boolean().default(true),
});

export const programmeSchema = z.strictObject({
  seed: z.string().min(1).max(100).default(DEFAULT_PROGRAMME.seed),
  auditsPerAuditorPerMonth: whole(1, 10).default(DEFAULT_PROGRAMME.auditsPerAuditorPerMonth),
  auditors: z
    .strictObject({
      managers: z.boolean().default(true),
      headsOfService: z.boolean().default(false),
      named: z.array(personId).default([]),
      peer: z.boolean().default(true),
    })
    .default(DEFAULT_PROGRAMME.auditors),
  sample: z
    .strictObject({
      mix: z
        .strictObject({ random: z.number().min(0).default(1), stratified: z.number().min(0).default(3) })
        .refine((m) => m.random + m.stratified > 0, 'random and stratified cannot both be 0')
        .default(DEFAULT_PROGRAMME.sample.mix),
      themedShare: share.default(DEFAULT_PROGRAMME.sample.themedShare),
      themes: z.array(z.strictObject({ month: monthSchema, theme: themeSchema })).default([]),
    })
    .default(DEFAULT_PROGRAMME.sample),
  exclusions: z
    .strictObject({
      auditedWithinMonths: whole(0, 60).default(12),
      allocatedForLessThanWeeks: whole(0, 52).default(4),
      auditorsOwnChildren: z.boolean().default(true),
    })
    .default(DEFAULT_PROGRAMME.exclusions),
  standards: z.array(standardSchema).min(1, 'must list at least one standard').max(30).optional(),
  dueWorkingDays: whole(1, 60).default(DEFAULT_PROGRAMME.dueWorkingDays),
  lateToManagerAfterWorkingDays: whole(1, 30).default(DEFAULT_PROGRAMME.lateToManagerAfterWorkingDays),
  moderation: z
    .strictObject({
      share: share.default(0.1),
      atLeastOnePerTeamPerMonth: z.boolean().default(true),
      moderators: z.array(personId).default([]),
    })
    .default(DEFAULT_PROGRAMME.moderation),
  worries: z
    .strictObject({
      acknowledgeWithinWorkingHours: whole(1, 40).default(4),
      escalateTo: z.array(personId).default([]),
      workingHours: z
        .strictObject({ start: time, end: time })
        .refine((h) => h.start < h.end, 'start must be before end')
        .default(DEFAULT_PROGRAMME.worries.workingHours),
    })
    .default(DEFAULT_PROGRAMME.worries),
  commentMaxLength: whole(100, 5000).default(DEFAULT_PROGRAMME.commentMaxLength),
});

export class AuditProgrammeError extends Error {
  override name = 'AuditProgrammeError';
}

/** The programme from a parsed JSON file, with every default filled in. */
export function parseProgramme(json: unknown): AuditProgramme {
  const parsed = programmeSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new AuditProgrammeError(`The audit programme file is not right: ${where}`);
  }
  const { standards, ...rest } = parsed.data;
  const list = standards ?? DEFAULT_PROGRAMME.standards;
  const problems: string[] = [];
  const seen = new Set<string>();
  list.forEach((s, index) => {
    if (seen.has(s.id)) problems.push(`standards.${index}: ${s.id} is listed twice`);
    seen.add(s.id);
    const isDefault = (DEFAULT_STANDARD_IDS as readonly string[]).includes(s.id);
    if (!isDefault && !s.text) {
      problems.push(
        `standards.${index}: ${s.id} is a new standard, so it needs its "text" (the defaults are ${listOf(DEFAULT_STANDARD_IDS)})`,
      );
    }
  });
  const months = new Set<string>();
  rest.sample.themes.forEach((t, index) => {
    if (months.has(t.month)) problems.push(`sample.themes.${index}: ${t.month} has two themes`);
    months.add(t.month);
  });
  if (problems.length > 0)
    throw new AuditProgrammeError(`The audit programme file is not right: ${problems.join('; ')}`);
  return {
    ...rest,
    standards: list.map((s) => ({ id: s.id, required: s.required, ...(s.text ? { text: s.text } : {}) })),
  };
}

/** The theme planned for a month in the programme file, if any. */
export function themeInProgramme(programme: AuditProgramme, month: string): AuditTheme | undefined {
  return programme.sample.themes.find((t) => t.month === month)?.theme;
}

/** `kind:child-protection`, `flag:neglect` or `not-seen-alone`, as typed in a command. */
export function parseThemeText(text: string): AuditTheme | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'not-seen-alone') return { notSeenAlone: true };
  const [kind, rest] = value.split(':', 2);
  if (kind === 'kind' && (CHILD_KINDS as readonly string[]).includes(rest ?? ''))
    return { childKind: rest as ChildKind };
  if (kind === 'flag' && (CHILD_FLAGS as readonly string[]).includes(rest ?? ''))
    return { flag: rest as ChildFlag };
  return undefined;
}

/** The theme as the short code `parseThemeText` reads, for ids, logs and exports. */
export function themeCode(theme: AuditTheme): string {
  if ('childKind' in theme) return `kind:${theme.childKind}`;
  if ('flag' in theme) return `flag:${theme.flag}`;
  return 'not-seen-alone';
}
