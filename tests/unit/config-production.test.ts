/**
 * The settings a council's Azure deployment adds: feed authentication, the health key, Teams
 * installation through Graph, and retention. Each is parsed strictly, with a message naming it.
 */
import { ConfigError, loadConfig } from '../../src/config';

const TENANT = '7a2d0000-0000-4000-8000-000000000002';
const API = '3c3c0000-0000-4000-8000-000000000003';
const production = {
  HEARTH_COSMOS_ENDPOINT: 'https://hearth.documents.azure.com:443/',
  AzureWebJobsStorage__queueServiceUri: 'https://hearthstore.queue.core.windows.net',
  HEARTH_CASE_RECORD_URL: 'https://lcs.example.gov.uk/child/{caseId}',
  HEARTH_BOT_APP_ID: '6f1c0000-0000-4000-8000-000000000001',
  HEARTH_BOT_TENANT_ID: TENANT,
  HEARTH_FEED_CLIENT_ID: API,
  HEARTH_COUNCIL_NAME: 'Riverside Borough Council',
  HEARTH_FRONT_DOOR_PHONE: '0300 123 4567',
  HEARTH_OUT_OF_HOURS_PHONE: '0300 123 9999',
  HEARTH_FEEDBACK_CSRF_SECRET: 's'.repeat(40),
  HEARTH_PUBLIC_BASE_URL: 'https://hearth.riverside.gov.uk',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('feed authentication', () => {
  it('takes Entra ID tokens in production by default, from the bot tenant, and no shared key', () => {
    const config = loadConfig({ ...production, HEARTH_FEED_KEY: 'k'.repeat(40) });
    expect(config.feed.key).toBeUndefined();
    expect(config.feed.entra).toEqual({
      tenantId: TENANT,
      audiences: [API, `api://${API}`],
      issuers: [`https://login.microsoftonline.com/${TENANT}/v2.0`, `https://sts.windows.net/${TENANT}/`],
      jwksUrl: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
      role: 'Feed.Write',
    });
  });

  it('uses the feed tenant and application ID URI when given', () => {
    const other = '8b8b0000-0000-4000-8000-000000000008';
    const config = loadConfig({
      ...production,
      HEARTH_FEED_TENANT_ID: other.toUpperCase(),
      HEARTH_FEED_APP_ID_URI: 'api://hearth.example.gov.uk/feed',
    });
    expect(config.feed.entra).toMatchObject({
      tenantId: other,
      audiences: [API, 'api://hearth.example.gov.uk/feed'],
    });
  });

  it.each<[string, Record<string, string>, { key: boolean; entra: boolean }]>([
    ['key only', { HEARTH_FEED_AUTH: 'key', HEARTH_FEED_KEY: 'k'.repeat(40) }, { key: true, entra: false }],
    [
      'either',
      { HEARTH_FEED_AUTH: 'entra-or-key', HEARTH_FEED_KEY: 'k'.repeat(40) },
      { key: true, entra: true },
    ],
    ['Entra only', { HEARTH_FEED_AUTH: 'entra' }, { key: false, entra: true }],
  ])('HEARTH_FEED_AUTH %s', (_, env, expected) => {
    const config = loadConfig({ ...production, ...env });
    expect({ key: config.feed.key !== undefined, entra: config.feed.entra !== undefined }).toEqual(expected);
  });

  it('allows only the shared key in local mode unless told otherwise', () => {
    const config = loadConfig({ HEARTH_MODE: 'local' });
    expect(config.feed).toMatchObject({ key: 'local-dev-feed-key', entra: undefined });
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'a key mode without a key',
      { HEARTH_FEED_AUTH: 'key' },
      'HEARTH_FEED_KEY: required when HEARTH_FEED_AUTH is key',
    ],
    [
      'an unknown mode',
      { HEARTH_FEED_AUTH: 'basic' },
      'HEARTH_FEED_AUTH: must be one of entra, key, entra-or-key',
    ],
    [
      'a client id that is not a GUID',
      { HEARTH_FEED_CLIENT_ID: 'hearth-api' },
      'HEARTH_FEED_CLIENT_ID: must be a GUID',
    ],
    [
      'an http key endpoint',
      { HEARTH_ENTRA_JWKS_URL: 'http://keys.example/' },
      'HEARTH_ENTRA_JWKS_URL: must be an https URL',
    ],
    [
      'a short health key',
      { HEARTH_HEALTH_KEY: 'short' },
      'HEARTH_HEALTH_KEY: must be at least 32 characters',
    ],
  ])('refuses %s', (_, env, message) => {
    expect(problemsOf({ ...production, ...env })).toContain(message);
  });

  it('accepts an http key endpoint in local mode, for the tests’ stand-in', () => {
    const config = loadConfig({
      HEARTH_MODE: 'local',
      HEARTH_FEED_AUTH: 'entra',
      HEARTH_FEED_TENANT_ID: TENANT,
      HEARTH_FEED_CLIENT_ID: API,
      HEARTH_ENTRA_JWKS_URL: 'http://127.0.0.1:1234/keys',
    });
    expect(config.feed.entra?.jwksUrl).toBe('http://127.0.0.1:1234/keys');
  });
});

describe('health detail', () => {
  it('is open in local mode and needs the key in production', () => {
    expect(loadConfig({ HEARTH_MODE: 'local' }).health).toEqual({ key: undefined, openDetail: true });
    expect(loadConfig({ ...production, HEARTH_HEALTH_KEY: 'h'.repeat(40) }).health).toEqual({
      key: 'h'.repeat(40),
      openDetail: false,
    });
  });
});

describe('Teams installation through Graph', () => {
  const catalog = 'b1c5353a-7aca-41b3-830f-27d5218fe0e5';
  it('is off unless turned on', () => {
    expect(loadConfig(production).teamsInstall).toBeUndefined();
  });

  it('needs the app id from the org catalogue when on', () => {
    expect(problemsOf({ ...production, HEARTH_TEAMS_INSTALL: 'true' })).toContain(
      "HEARTH_TEAMS_APP_CATALOG_ID: required when HEARTH_TEAMS_INSTALL is true (the app's id in your org catalogue)",
    );
  });

  it('uses Graph and the global Teams service address by default', () => {
    const config = loadConfig({
      ...production,
      HEARTH_TEAMS_INSTALL: 'true',
      HEARTH_TEAMS_APP_CATALOG_ID: catalog,
    });
    expect(config.teamsInstall).toEqual({
      catalogAppId: catalog,
      graphUrl: 'https://graph.microsoft.com',
      serviceUrl: 'https://smba.trafficmanager.net/teams/',
    });
  });

  it('refuses a Graph address that is not https in production', () => {
    expect(
      problemsOf({
        ...production,
        HEARTH_TEAMS_INSTALL: 'true',
        HEARTH_TEAMS_APP_CATALOG_ID: catalog,
        HEARTH_GRAPH_URL: 'http://graph.example',
      }),
    ).toContain('HEARTH_GRAPH_URL: must be an https URL');
  });
});

describe('retention', () => {
  it('keeps the outbox 90 days, the activity log 400, feedback 2 years, audits 6, closed children 30', () => {
    expect(loadConfig(production).retention).toEqual({
      outbox: 90,
      activity: 400,
      feedback: 731,
      audits: 2192,
      closedChild: 30,
    });
  });

  it('takes each from its setting', () => {
    const config = loadConfig({
      ...production,
      HEARTH_RETENTION_OUTBOX_DAYS: '30',
      HEARTH_RETENTION_ACTIVITY_DAYS: '365',
      HEARTH_RETENTION_FEEDBACK_DAYS: '400',
      HEARTH_RETENTION_AUDITS_DAYS: '1000',
      HEARTH_CLOSED_CHILD_DAYS: '0',
    });
    expect(config.retention).toEqual({
      outbox: 30,
      activity: 365,
      feedback: 400,
      audits: 1000,
      closedChild: 0,
    });
  });

  it.each([
    ['HEARTH_RETENTION_OUTBOX_DAYS', '0', 'HEARTH_RETENTION_OUTBOX_DAYS: must be at least 1 day'],
    ['HEARTH_RETENTION_AUDITS_DAYS', '2.5', 'HEARTH_RETENTION_AUDITS_DAYS: must be a whole number of days'],
    ['HEARTH_CLOSED_CHILD_DAYS', '-1', 'HEARTH_CLOSED_CHILD_DAYS: must be 0 or more'],
  ])('refuses %s=%s', (name, value, message) => {
    expect(problemsOf({ ...production, [name]: value })).toContain(message);
  });
});

describe('values a template leaves empty or unresolved', () => {
  it('takes an empty setting as not set', () => {
    const config = loadConfig({
      ...production,
      HEARTH_FEED_APP_ID_URI: '',
      HEARTH_TEAMS_APP_CATALOG_ID: ' ',
    });
    expect(config.feed.entra?.audiences).toEqual([API, `api://${API}`]);
    expect(config.teamsInstall).toBeUndefined();
  });

  const reference = '@Microsoft.KeyVault(SecretUri=https://kv-hearth.vault.azure.net/secrets/hearth-secret)';
  it('never takes an unresolved Key Vault reference for the feed key: the key is missing', () => {
    expect(problemsOf({ ...production, HEARTH_FEED_AUTH: 'key', HEARTH_FEED_KEY: reference })).toContain(
      'HEARTH_FEED_KEY: required when HEARTH_FEED_AUTH is key',
    );
  });

  it('never takes an unresolved Key Vault reference for the health key: no detail for anyone', () => {
    expect(loadConfig({ ...production, HEARTH_HEALTH_KEY: reference }).health.key).toBeUndefined();
  });
});
