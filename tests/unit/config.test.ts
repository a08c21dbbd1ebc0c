import { ConfigError, loadConfig, loadLocalSettings } from '../../src/config';

const production = {
  HEARTH_COSMOS_ENDPOINT: 'https://hearth.documents.azure.com:443/',
  AzureWebJobsStorage__queueServiceUri: 'https://hearthstore.queue.core.windows.net',
  HEARTH_FEED_CLIENT_ID: '3c3c0000-0000-4000-8000-000000000003',
  HEARTH_CASE_RECORD_URL: 'https://lcs.example.gov.uk/child/{caseId}',
  HEARTH_BOT_APP_ID: '6f1c0000-0000-0000-0000-000000000001',
  HEARTH_BOT_TENANT_ID: '7a2d0000-0000-0000-0000-000000000002',
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

describe('loadConfig', () => {
  it('defaults to production and names every missing production setting', () => {
    const problems = problemsOf({});
    expect(problems).toEqual([
      'HEARTH_COSMOS_ENDPOINT: required in production',
      'AzureWebJobsStorage or AzureWebJobsStorage__queueServiceUri: one is required in production',
      "HEARTH_BOT_APP_ID: required in production (the bot identity's client id)",
      'HEARTH_BOT_TENANT_ID: required in production (your Entra tenant)',
      'HEARTH_CASE_RECORD_URL: required in production (the link to a child in your case system)',
      'HEARTH_FEED_TENANT_ID: required for Entra feed tokens (or set HEARTH_BOT_TENANT_ID)',
      "HEARTH_FEED_CLIENT_ID: required for Entra feed tokens (Hearth API's app registration)",
      'HEARTH_COUNCIL_NAME: required in production (shown to families on every page)',
      "HEARTH_FRONT_DOOR_PHONE: required in production (children's services' front door)",
      'HEARTH_OUT_OF_HOURS_PHONE: required in production (the out-of-hours team)',
      'HEARTH_FEEDBACK_CSRF_SECRET: required in production',
      "HEARTH_PUBLIC_BASE_URL: required in production (the https address families' links use)",
    ]);
  });

  it('accepts a complete production configuration and uses the managed identity when no key is set', () => {
    const config = loadConfig(production);
    expect(config.mode).toBe('production');
    expect(config.cosmos.key).toBeUndefined();
    expect(config.queues.queueServiceUri).toBe(production.AzureWebJobsStorage__queueServiceUri);
    expect(config.childNameStyle).toBe('first-name-initial');
  });

  it.each([
    ['HEARTH_MODE', 'staging', 'HEARTH_MODE: must be one of production, local'],
    ['HEARTH_COSMOS_ENDPOINT', 'not a url', 'HEARTH_COSMOS_ENDPOINT: must be an https URL'],
    ['HEARTH_FEED_MAX_BYTES', '-5', 'HEARTH_FEED_MAX_BYTES: must be more than 0'],
    ['HEARTH_FEED_MAX_BYTES', '1.5', 'HEARTH_FEED_MAX_BYTES: must be a whole number'],
    [
      'HEARTH_CHILD_NAME_STYLE',
      'full-name',
      'HEARTH_CHILD_NAME_STYLE: must be one of first-name-initial, initials, case-number',
    ],
    [
      'HEARTH_CASE_RECORD_URL',
      'https://lcs.example/child',
      'HEARTH_CASE_RECORD_URL: must contain {caseId} where the case number goes',
    ],
    ['HEARTH_FEED_KEY', 'short', 'HEARTH_FEED_KEY: must be at least 32 characters'],
    ['HEARTH_BOT_APP_TYPE', 'MultiTenant', 'HEARTH_BOT_APP_TYPE: must be UserAssignedMSI or SingleTenant'],
    [
      'HEARTH_SEND_RATE_PER_SECOND',
      '80',
      'HEARTH_SEND_RATE_PER_SECOND: must be at most 50 (Teams allows about 50 a second per app per tenant)',
    ],
  ])('rejects a malformed %s with a message naming it', (name, value, message) => {
    expect(problemsOf({ ...production, [name]: value })).toContain(message);
  });

  it('says which settings are wrong in the error message itself', () => {
    expect(() => loadConfig({ HEARTH_MODE: 'local', HEARTH_REGION: 'wales' })).toThrow(
      /HEARTH_REGION: must be one of england-and-wales, scotland, northern-ireland/,
    );
  });

  it('never runs a production bot without its identity', () => {
    expect(loadConfig(production).bot).toEqual({
      appId: production.HEARTH_BOT_APP_ID,
      tenantId: production.HEARTH_BOT_TENANT_ID,
      appType: 'UserAssignedMSI',
    });
  });

  it('defaults production-only settings in local mode', () => {
    const config = loadConfig({ HEARTH_MODE: 'local' });
    expect(config.bot).toBeUndefined();
    expect(config.mode).toBe('local');
    expect(config.feed.key).toBe('local-dev-feed-key');
    expect(config.cosmos.key).toBeDefined();
  });
});

describe('loadLocalSettings', () => {
  it('forces local mode and reads the port', () => {
    const settings = loadLocalSettings({ HEARTH_PORT: '7080', HEARTH_MODE: 'production' });
    expect(settings.port).toBe(7080);
    expect(settings.env.HEARTH_MODE).toBe('local');
  });

  it('rejects a port that is not a port', () => {
    expect(() => loadLocalSettings({ HEARTH_PORT: '99999' })).toThrow(/HEARTH_PORT/);
  });

  it('chats in the Playground as Alex unless told otherwise, and only as one of its users', () => {
    expect(loadLocalSettings({}).playground.user).toBe('alex');
    expect(loadLocalSettings({ HEARTH_PLAYGROUND_USER: 'patti' }).playground.user).toBe('patti');
    expect(() => loadLocalSettings({ HEARTH_PLAYGROUND_USER: 'mallory' })).toThrow(
      /HEARTH_PLAYGROUND_USER: must be one of alex, megan, adele, isaiah, patti, lynne/,
    );
  });
});
