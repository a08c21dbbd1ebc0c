/**
 * The settings a council's Azure deployment adds: who may post to the feed (Entra ID tokens, or a
 * shared key for simple set-ups), who may see health detail, whether Hearth installs itself in
 * Teams through Microsoft Graph, and how long each kind of data is kept. Parsed from the
 * environment record src/config.ts hands over; this module never reads process.env itself.
 */
import { z } from 'zod/v4';
import type { RetentionDays } from './domain/retention';
import { DEFAULT_RETENTION_DAYS } from './domain/retention';

export const FEED_AUTH_MODES = ['entra', 'key', 'entra-or-key'] as const;
export type FeedAuthMode = (typeof FEED_AUTH_MODES)[number];

/** The app role the case system's integration must hold to post to the feed. */
export const FEED_ROLE = 'Feed.Write';

/** An empty setting (as a template writes an unused parameter) means "not set". */
const blankIsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

/**
 * App Service leaves a Key Vault reference as its own text when the secret does not exist yet;
 * that text must never be taken for the secret itself.
 */
export function resolvedSecret(value: string | undefined): string | undefined {
  if (!value || /^@Microsoft\.KeyVault\(/i.test(value.trim())) return undefined;
  return value;
}

const guid = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i, 'must be a GUID')
  .transform((v) => v.toLowerCase());
const days = (fallback: number) =>
  z.coerce
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(36_500, 'must be at most 36500 days')
    .default(fallback);
const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).default('false');

/** Added to config.ts's schema: each environment variable, with its meaning in the README. */
export const productionEnvShape = {
  HEARTH_FEED_AUTH: z
    .enum(FEED_AUTH_MODES, { error: `must be one of ${FEED_AUTH_MODES.join(', ')}` })
    .optional(),
  HEARTH_FEED_TENANT_ID: blankIsUnset(guid.optional()),
  HEARTH_FEED_CLIENT_ID: blankIsUnset(guid.optional()),
  HEARTH_FEED_APP_ID_URI: blankIsUnset(z.string().trim().min(1).max(400).optional()),
  HEARTH_ENTRA_JWKS_URL: blankIsUnset(z.url({ error: 'must be a URL' }).optional()),
  HEARTH_HEALTH_KEY: z.string().optional(),
  HEARTH_TEAMS_INSTALL: flag,
  HEARTH_TEAMS_APP_CATALOG_ID: blankIsUnset(guid.optional()),
  HEARTH_GRAPH_URL: z.url({ error: 'must be a URL' }).default('https://graph.microsoft.com'),
  HEARTH_TEAMS_SERVICE_URL: z
    .url({ error: 'must be a URL' })
    .default('https://smba.trafficmanager.net/teams/'),
  HEARTH_RETENTION_OUTBOX_DAYS: days(DEFAULT_RETENTION_DAYS.outbox),
  HEARTH_RETENTION_ACTIVITY_DAYS: days(DEFAULT_RETENTION_DAYS.activity),
  HEARTH_RETENTION_FEEDBACK_DAYS: days(DEFAULT_RETENTION_DAYS.feedback),
  HEARTH_RETENTION_AUDITS_DAYS: days(DEFAULT_RETENTION_DAYS.audits),
  HEARTH_CLOSED_CHILD_DAYS: z.coerce
    .number()
    .int('must be a whole number of days')
    .min(0, 'must be 0 or more')
    .max(3650, 'must be at most 3650')
    .default(30),
};

type ProductionEnv = z.infer<z.ZodObject<typeof productionEnvShape>>;

export interface EntraFeedSettings {
  tenantId: string;
  /** The API's client id (v2 tokens) and its application ID URI (v1 tokens). */
  audiences: string[];
  /** The tenant's v2 and v1 issuer forms; nothing from another tenant matches. */
  issuers: string[];
  jwksUrl: string;
  role: string;
}

export interface ProductionSettings {
  feedAuth: { entra: EntraFeedSettings | undefined; keyAllowed: boolean };
  /** Health detail needs this key in the `x-hearth-health-key` header; local mode shows it to anyone. */
  health: { key: string | undefined; openDetail: boolean };
  /** Proactive install through Microsoft Graph; undefined means off (admins use a setup policy). */
  teamsInstall: { catalogAppId: string; graphUrl: string; serviceUrl: string } | undefined;
  retention: RetentionDays;
}

const httpsOnly = (name: string, url: string, local: boolean, problems: string[]) => {
  if (!local && !url.startsWith('https://')) problems.push(`${name}: must be an https URL`);
};

/**
 * Reads these settings. `feedKey` is HEARTH_FEED_KEY as config.ts resolved it; `botTenantId` is the
 * default tenant. Problems are added to `problems` so start-up names them all at once.
 */
export function readProductionSettings(
  e: ProductionEnv,
  context: { local: boolean; feedKey: string | undefined; botTenantId: string | undefined },
  problems: string[],
): ProductionSettings {
  const { local } = context;
  const mode: FeedAuthMode = e.HEARTH_FEED_AUTH ?? (local ? 'key' : 'entra');
  let entra: EntraFeedSettings | undefined;
  if (mode !== 'key') {
    const tenantId = e.HEARTH_FEED_TENANT_ID ?? context.botTenantId;
    if (!tenantId)
      problems.push('HEARTH_FEED_TENANT_ID: required for Entra feed tokens (or set HEARTH_BOT_TENANT_ID)');
    if (!e.HEARTH_FEED_CLIENT_ID)
      problems.push("HEARTH_FEED_CLIENT_ID: required for Entra feed tokens (Hearth API's app registration)");
    if (tenantId && e.HEARTH_FEED_CLIENT_ID) {
      const jwksUrl =
        e.HEARTH_ENTRA_JWKS_URL ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
      httpsOnly('HEARTH_ENTRA_JWKS_URL', jwksUrl, local, problems);
      entra = {
        tenantId,
        audiences: [e.HEARTH_FEED_CLIENT_ID, e.HEARTH_FEED_APP_ID_URI ?? `api://${e.HEARTH_FEED_CLIENT_ID}`],
        issuers: [
          `https://login.microsoftonline.com/${tenantId}/v2.0`,
          `https://sts.windows.net/${tenantId}/`,
        ],
        jwksUrl,
        role: FEED_ROLE,
      };
    }
  }
  const keyAllowed = mode !== 'entra';
  if (keyAllowed && !context.feedKey)
    problems.push(`HEARTH_FEED_KEY: required when HEARTH_FEED_AUTH is ${mode}`);

  const healthKey = resolvedSecret(e.HEARTH_HEALTH_KEY?.trim());
  if (healthKey && healthKey.length < 32) problems.push('HEARTH_HEALTH_KEY: must be at least 32 characters');

  let teamsInstall: ProductionSettings['teamsInstall'];
  if (e.HEARTH_TEAMS_INSTALL === 'true') {
    if (!e.HEARTH_TEAMS_APP_CATALOG_ID)
      problems.push(
        "HEARTH_TEAMS_APP_CATALOG_ID: required when HEARTH_TEAMS_INSTALL is true (the app's id in your org catalogue)",
      );
    httpsOnly('HEARTH_GRAPH_URL', e.HEARTH_GRAPH_URL, local, problems);
    httpsOnly('HEARTH_TEAMS_SERVICE_URL', e.HEARTH_TEAMS_SERVICE_URL, local, problems);
    if (e.HEARTH_TEAMS_APP_CATALOG_ID) {
      teamsInstall = {
        catalogAppId: e.HEARTH_TEAMS_APP_CATALOG_ID,
        graphUrl: e.HEARTH_GRAPH_URL.replace(/\/+$/, ''),
        serviceUrl: e.HEARTH_TEAMS_SERVICE_URL,
      };
    }
  }

  return {
    feedAuth: { entra, keyAllowed },
    health: { key: healthKey, openDetail: local },
    teamsInstall,
    retention: {
      outbox: e.HEARTH_RETENTION_OUTBOX_DAYS,
      activity: e.HEARTH_RETENTION_ACTIVITY_DAYS,
      feedback: e.HEARTH_RETENTION_FEEDBACK_DAYS,
      audits: e.HEARTH_RETENTION_AUDITS_DAYS,
      closedChild: e.HEARTH_CLOSED_CHILD_DAYS,
    },
  };
}
