/**
 * The one place that reads settings. Everything is parsed and validated here, so a missing or
 * malformed setting stops start-up with a message that names it. Production settings are required
 * in production; on a laptop (`HEARTH_MODE=local`) they fall back to safe local defaults.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod/v4';
import { CALENDAR_REGIONS } from './domain/bank-holidays';
import { NAME_STYLES } from './domain/names';
import type { DateLimitSettings } from './domain/schemas';
import { DEFAULT_DATE_LIMITS, isoDateSchema } from './domain/schemas';
import type { AuditProgramme } from './domain/audit-programme';
import { DEFAULT_PROGRAMME, parseProgramme } from './domain/audit-programme';
import { applyOverrides } from './domain/timescale-schema';
import type { TimescaleRule } from './domain/timescale-rules';
import { DEFAULT_RULES } from './domain/timescale-rules';
import { programmeWordProblems } from './text/audit-standards';
import type { ProductionSettings } from './config-production';
import { productionEnvShape, readProductionSettings, resolvedSecret } from './config-production';
import type { FeedbackSettings } from './config-feedback';
import { feedbackEnvShape, feedbackProblems, readFeedbackSettings } from './config-feedback';
import type { LocalSettings } from './config-local';
import { parseLocalSettings } from './config-local';
import { ConfigError } from './config-error';

export const MODES = ['production', 'local'] as const;
export type Mode = (typeof MODES)[number];

export const CHILD_NAME_STYLES = NAME_STYLES;
export type ChildNameStyle = (typeof CHILD_NAME_STYLES)[number];

export const REGIONS = CALENDAR_REGIONS;
export type Region = (typeof REGIONS)[number];

/** The storage emulator's published development account; only ever used in local mode. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/** The Cosmos DB emulator's published key; the local server accepts any key, this one documents intent. */
export const COSMOS_EMULATOR_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

const positiveInt = (fallback: number) =>
  z.coerce.number().int('must be a whole number').positive('must be more than 0').default(fallback);

const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce
    .number()
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Each environment variable, with its meaning. The README's settings table mirrors this list. */
const envSchema = z.object({
  HEARTH_MODE: z.enum(MODES, { error: `must be one of ${MODES.join(', ')}` }).default('production'),
  HEARTH_COSMOS_ENDPOINT: z.url({ protocol: /^https$/, error: 'must be an https URL' }).optional(),
  HEARTH_COSMOS_KEY: optionalText,
  HEARTH_COSMOS_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,255}$/, 'must be letters, digits and dashes')
    .default('hearth'),
  AzureWebJobsStorage: optionalText,
  AzureWebJobsStorage__queueServiceUri: z.url({ error: 'must be an https URL' }).optional(),
  HEARTH_FEED_KEY: optionalText,
  HEARTH_FEED_MAX_BYTES: positiveInt(5 * 1024 * 1024),
  HEARTH_FEED_EARLIEST_DATE: isoDateSchema
    .refine((d) => d >= '1900-01-01', 'must be 1900-01-01 or later (the working-day calendar starts then)')
    .default(DEFAULT_DATE_LIMITS.earliest),
  HEARTH_FEED_YEARS_AHEAD: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(DEFAULT_DATE_LIMITS.yearsAhead),
  HEARTH_CHILD_NAME_STYLE: z
    .enum(CHILD_NAME_STYLES, { error: `must be one of ${CHILD_NAME_STYLES.join(', ')}` })
    .default('first-name-initial'),
  HEARTH_REGION: z
    .enum(REGIONS, { error: `must be one of ${REGIONS.join(', ')}` })
    .default('england-and-wales'),
  HEARTH_BOT_APP_ID: optionalText,
  HEARTH_BOT_TENANT_ID: optionalText,
  HEARTH_BOT_APP_TYPE: z
    .enum(['UserAssignedMSI', 'SingleTenant'], { error: 'must be UserAssignedMSI or SingleTenant' })
    .default('UserAssignedMSI'),
  HEARTH_BOT_APP_PASSWORD: optionalText,
  HEARTH_SEND_RATE_PER_SECOND: z.coerce
    .number()
    .positive('must be more than 0')
    .max(50, 'must be at most 50 (Teams allows about 50 a second per app per tenant)')
    .default(45),
  HEARTH_SEND_MAX_WAIT_SECONDS: wholeNumber(1, 60, 5),
  HEARTH_SEND_RETRY_CAP_SECONDS: wholeNumber(60, 86_400, 600),
  HEARTH_TIMESCALES_FILE: optionalText,
  HEARTH_AUDIT_PROGRAMME_FILE: optionalText,
  HEARTH_EXTRA_BANK_HOLIDAYS: optionalText,
  HEARTH_REMOVED_BANK_HOLIDAYS: optionalText,
  HEARTH_CASE_RECORD_URL: z
    .string()
    .regex(/\{caseId\}/, 'must contain {caseId} where the case number goes')
    .default('https://case-records.invalid/child/{caseId}'),
  ...productionEnvShape,
  ...feedbackEnvShape,
});

/** Every setting Hearth reads (the infra test checks the Bicep template sets nothing else). */
export const SETTING_NAMES: readonly string[] = Object.keys(envSchema.shape);
type EnvSettings = z.infer<typeof envSchema>;

function dateList(name: string, value: string | undefined, problems: string[]): string[] {
  if (!value) return [];
  const dates = value
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const bad = dates.filter((d) => !isoDateSchema.safeParse(d).success);
  if (bad.length > 0)
    problems.push(`${name}: ${bad.join(', ')} is not a date like 2027-06-07 (separate dates with commas)`);
  return dates;
}

/** The audit programme file, checked whole (and its words), or the defaults when none is set. */
function loadAuditProgramme(file: string | undefined, problems: string[]): AuditProgramme {
  if (!file) return DEFAULT_PROGRAMME;
  try {
    const programme = parseProgramme(JSON.parse(readFileSync(file, 'utf8')));
    problems.push(...programmeWordProblems(programme).map((p) => `HEARTH_AUDIT_PROGRAMME_FILE: ${p}`));
    return programme;
  } catch (error) {
    problems.push(`HEARTH_AUDIT_PROGRAMME_FILE: ${error instanceof Error ? error.message : String(error)}`);
    return DEFAULT_PROGRAMME;
  }
}

export interface Config {
  mode: Mode;
  cosmos: {
    endpoint: string | undefined;
    /** Absent in production means "use the managed identity". */
    key: string | undefined;
    database: string;
  };
  queues: {
    /** A storage connection string, or undefined when `queueServiceUri` + managed identity is used. */
    connectionString: string | undefined;
    queueServiceUri: string | undefined;
  };
  /** `key` is set only when the shared key is allowed; `entra` only when Entra tokens are. */
  feed: {
    key: string | undefined;
    entra: ProductionSettings['feedAuth']['entra'];
    maxBytes: number;
    /** Dates the feed and the CSV import accept: from `earliest` to `yearsAhead` years after today. */
    dates: DateLimitSettings;
  };
  health: ProductionSettings['health'];
  teamsInstall: ProductionSettings['teamsInstall'];
  retention: ProductionSettings['retention'];
  childNameStyle: ChildNameStyle;
  region: Region;
  /** Days an authority adds to or removes from the bank holidays. */
  holidays: { add: string[]; remove: string[] };
  /** Timescale rules with the authority's overrides applied. */
  timescaleRules: TimescaleRule[];
  caseRecordUrlTemplate: string;
  /** The case audit programme (docs/audit-programme.example.json), defaults where the file is silent. */
  auditProgramme: AuditProgramme;
  /**
   * The bot's identity. Absent only in local mode, where the bot runs without Bot Framework
   * authentication (for the Agents Playground); production refuses to start without it.
   */
  bot:
    | { appId: string; tenantId: string; appType: 'UserAssignedMSI' | 'SingleTenant'; password?: string }
    | undefined;
  /** Sends a second for every instance together, at most Teams' per-tenant limit. */
  sendRatePerSecond: number;
  /** Longest wait in a function (longer ones go back to the queue), and longest between tries. */
  sendWaitSeconds: { inline: number; cap: number };
  feedback: FeedbackSettings;
}

export type { FeedbackSettings } from './config-feedback';
export type { LocalSettings, PlaygroundUserKey } from './config-local';
export { PLAYGROUND_USER_KEYS } from './config-local';
export { contrastWithWhite, DEFAULT_BRAND_COLOUR } from './config-feedback';

export { ConfigError } from './config-error';

/** What production needs that local mode supplies itself. */
function productionProblems(e: EnvSettings): string[] {
  const problems: string[] = [];
  if (!e.AzureWebJobsStorage && !e.AzureWebJobsStorage__queueServiceUri) {
    problems.push(
      'AzureWebJobsStorage or AzureWebJobsStorage__queueServiceUri: one is required in production',
    );
  }
  if (e.HEARTH_FEED_KEY && e.HEARTH_FEED_KEY.length < 32)
    problems.push('HEARTH_FEED_KEY: must be at least 32 characters');
  if (!e.HEARTH_BOT_APP_ID)
    problems.push("HEARTH_BOT_APP_ID: required in production (the bot identity's client id)");
  if (!e.HEARTH_BOT_TENANT_ID)
    problems.push('HEARTH_BOT_TENANT_ID: required in production (your Entra tenant)');
  if (e.HEARTH_BOT_APP_TYPE === 'SingleTenant' && !e.HEARTH_BOT_APP_PASSWORD) {
    problems.push('HEARTH_BOT_APP_PASSWORD: required for a SingleTenant bot');
  }
  if (e.HEARTH_CASE_RECORD_URL.includes('.invalid/')) {
    problems.push('HEARTH_CASE_RECORD_URL: required in production (the link to a child in your case system)');
  }
  return problems;
}

/**
 * What the settings are for: the whole app (the Function App, `npm start`), or a command line tool
 * that works on the store alone (`hearth import`, `plan --store`, `forget`...), which is asked only
 * for the store's settings, never for the bot's, the feed's sign-in or the family pages'.
 */
export type ConfigNeeds = 'app' | 'store';

/**
 * Parses settings from an environment-like record. Pass `process.env` at the composition root;
 * tests pass plain objects.
 */
export function loadConfig(env: Record<string, string | undefined>, needs: ConfigNeeds = 'app'): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  // A Key Vault reference whose secret is not set yet arrives as its own text: treat it as unset.
  const e = {
    ...parsed.data,
    HEARTH_FEED_KEY: resolvedSecret(parsed.data.HEARTH_FEED_KEY),
    HEARTH_BOT_APP_PASSWORD: resolvedSecret(parsed.data.HEARTH_BOT_APP_PASSWORD),
  };
  const problems: string[] = [];
  // Problems with settings only the whole app uses; a store tool does not hear about them.
  const appProblems = needs === 'app' ? problems : [];
  if (e.HEARTH_MODE === 'production') {
    if (!e.HEARTH_COSMOS_ENDPOINT) problems.push('HEARTH_COSMOS_ENDPOINT: required in production');
    appProblems.push(...productionProblems(e));
  }
  const holidays = {
    add: dateList('HEARTH_EXTRA_BANK_HOLIDAYS', e.HEARTH_EXTRA_BANK_HOLIDAYS, problems),
    remove: dateList('HEARTH_REMOVED_BANK_HOLIDAYS', e.HEARTH_REMOVED_BANK_HOLIDAYS, problems),
  };
  const timescaleRules = loadTimescaleRules(e.HEARTH_TIMESCALES_FILE, problems);
  const local = e.HEARTH_MODE === 'local';
  const feedKey = e.HEARTH_FEED_KEY ?? (local ? 'local-dev-feed-key' : undefined);
  const operations = readProductionSettings(
    e,
    { local, feedKey, botTenantId: e.HEARTH_BOT_TENANT_ID },
    appProblems,
  );
  appProblems.push(...feedbackProblems(e, e.HEARTH_MODE === 'production'));
  const auditProgramme = loadAuditProgramme(e.HEARTH_AUDIT_PROGRAMME_FILE, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode: e.HEARTH_MODE,
    cosmos: {
      endpoint: e.HEARTH_COSMOS_ENDPOINT,
      key: e.HEARTH_COSMOS_KEY ?? (local ? COSMOS_EMULATOR_KEY : undefined),
      database: e.HEARTH_COSMOS_DATABASE,
    },
    queues: {
      connectionString: e.AzureWebJobsStorage,
      queueServiceUri: e.AzureWebJobsStorage__queueServiceUri,
    },
    feed: {
      key: operations.feedAuth.keyAllowed ? feedKey : undefined,
      entra: operations.feedAuth.entra,
      maxBytes: e.HEARTH_FEED_MAX_BYTES,
      dates: { earliest: e.HEARTH_FEED_EARLIEST_DATE, yearsAhead: e.HEARTH_FEED_YEARS_AHEAD },
    },
    health: operations.health,
    teamsInstall: operations.teamsInstall,
    retention: operations.retention,
    childNameStyle: e.HEARTH_CHILD_NAME_STYLE,
    region: e.HEARTH_REGION,
    holidays,
    timescaleRules,
    caseRecordUrlTemplate: e.HEARTH_CASE_RECORD_URL,
    auditProgramme,
    bot: botIdentity(e),
    sendRatePerSecond: e.HEARTH_SEND_RATE_PER_SECOND,
    sendWaitSeconds: { inline: e.HEARTH_SEND_MAX_WAIT_SECONDS, cap: e.HEARTH_SEND_RETRY_CAP_SECONDS },
    feedback: readFeedbackSettings(e, local),
  };
}

/** The timescale rules, with an authority's overrides file applied when there is one. */
function loadTimescaleRules(file: string | undefined, problems: string[]): TimescaleRule[] {
  if (!file) return [...DEFAULT_RULES];
  try {
    return applyOverrides(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    problems.push(`HEARTH_TIMESCALES_FILE: ${error instanceof Error ? error.message : String(error)}`);
    return [...DEFAULT_RULES];
  }
}

/** The bot's identity, when both its id and tenant are set. */
function botIdentity(e: EnvSettings): Config['bot'] {
  if (!e.HEARTH_BOT_APP_ID || !e.HEARTH_BOT_TENANT_ID) return undefined;
  return {
    appId: e.HEARTH_BOT_APP_ID,
    tenantId: e.HEARTH_BOT_TENANT_ID,
    appType: e.HEARTH_BOT_APP_TYPE,
    ...(e.HEARTH_BOT_APP_PASSWORD ? { password: e.HEARTH_BOT_APP_PASSWORD } : {}),
  };
}

/** Reads this process's environment. The only place in Hearth that touches process.env. */
export function loadConfigFromEnvironment(needs: ConfigNeeds = 'app'): Config {
  return loadConfig(process.env, needs);
}

/** Settings only the local host reads (`npm start`): config-local.ts. */
export function loadLocalSettings(env: Record<string, string | undefined> = process.env): LocalSettings {
  return parseLocalSettings(env);
}

/** This process's environment with some changes, for a child process (Azurite, the Playground). */
export function childEnvironment(changes: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...changes };
}
