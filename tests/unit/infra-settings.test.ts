/**
 * The Bicep templates and the code agree (no az or bicep CLI here, so the text is read carefully):
 * every setting Hearth needs in production is set by infra/main.bicep, nothing it sets goes unread,
 * every value a council may choose at deployment is one Hearth accepts, retention and alerts match
 * the code, and the Function App is on Flex Consumption with identity-based deployment storage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFunctions } from '../../src/app/functions';
import { loadConfig, SETTING_NAMES } from '../../src/config';
import { DEFAULT_RETENTION_DAYS } from '../../src/store/containers';
import { block, entries, params, readInfra } from '../support/bicep';

const main = readInfra('main.bicep');
const functionsBicep = readInfra('app/functions.bicep');
const mainParams = params(main);
const appSettings = entries(block(main, 'settings'));
const hostSettings = entries(block(functionsBicep, 'hostSettings'));
/** What main.bicep passes to the functions module, for the host settings made from its params. */
const functionsArgs = entries(block(block(main, "module functions 'app/functions.bicep'"), 'params'));

/** Settings read by someone other than Hearth's own code, and who. */
const READ_BY_THE_PLATFORM: Record<string, string> = {
  AZURE_CLIENT_ID: '@azure/identity (DefaultAzureCredential): which managed identity to use',
  AzureWebJobsStorage__accountName: 'the Functions host: its storage account, through the identity',
  AzureWebJobsStorage__credential: 'the Functions host',
  AzureWebJobsStorage__clientId: 'the Functions host',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'the Functions host: telemetry',
};

/** What a council types at azd's prompts for the parameters without a default. */
const ANSWERS: Record<string, string> = {
  name: 'hearth-council',
  caseRecordUrl: 'https://lcs.example.gov.uk/child/{caseId}',
  alertEmail: 'hearth-oncall@example.gov.uk',
  feedApiClientId: '3c3c0000-0000-4000-8000-000000000003',
  councilName: 'Riverside Borough Council',
  frontDoorPhone: '0300 123 4567',
  outOfHoursPhone: '0300 123 9999',
};

/** What the modules' outputs look like once deployed. */
const OUTPUTS: Record<string, string> = {
  'cosmos.outputs.endpoint': 'https://cosmos-hearth-council-abcdef.documents.azure.com:443/',
  'cosmos.outputs.database': 'hearth',
  'storage.outputs.queueEndpoint': 'https://sthearthcouncabcdefgh.queue.core.windows.net/',
  'identity.outputs.clientId': '6f1c0000-0000-4000-8000-000000000001',
  'storage.outputs.name': 'sthearthcouncabcdefgh',
  'monitoring.outputs.connectionString': 'InstrumentationKey=00000000-0000-4000-8000-000000000000',
  'vault.outputs.feedKeySecretUri':
    'https://kv-hearth-council-abcdef.vault.azure.net/secrets/hearth-feed-key',
  'vault.outputs.healthKeySecretUri':
    'https://kv-hearth-council-abcdef.vault.azure.net/secrets/hearth-health-key',
  'vault.outputs.feedbackCsrfSecretUri':
    'https://kv-hearth-council-abcdef.vault.azure.net/secrets/hearth-feedback-csrf-secret',
};

/** The value a Bicep expression takes, for the expressions the settings use; anything else fails loudly. */
function evaluate(expression: string, chosen: Record<string, string>): string {
  const interpolated = /^'(.*)'$/.exec(expression);
  if (interpolated)
    return (interpolated[1] as string).replace(/\$\{([^}]+)\}/g, (_, inner: string) =>
      evaluate(inner, chosen),
    );
  if (expression in OUTPUTS) return OUTPUTS[expression] as string;
  const toString = /^string\((\w+)\)$/.exec(expression);
  if (toString) return evaluate(toString[1] as string, chosen);
  const flag = /^(\w+) \? 'true' : 'false'$/.exec(expression);
  if (flag) return evaluate(flag[1] as string, chosen) === 'true' ? 'true' : 'false';
  const param = mainParams.get(expression);
  if (param) {
    if (expression in chosen) return chosen[expression] as string;
    if (expression in ANSWERS) return ANSWERS[expression] as string;
    if (param.defaultText === 'subscription().tenantId') return '7a2d0000-0000-4000-8000-000000000002';
    if (param.defaultText !== undefined) return evaluate(param.defaultText, chosen);
    throw new Error(`no answer for parameter ${expression}: add it to ANSWERS`);
  }
  if (/^\d+$/.test(expression) || expression === 'true' || expression === 'false') return expression;
  throw new Error(`the test cannot evaluate ${expression}: teach it`);
}

/** Secrets the templates write into Key Vault themselves (keyvault.bicep), so they exist from the start. */
const TEMPLATE_SECRETS: Record<string, string> = {
  'hearth-feedback-csrf-secret': '0b7c2f7e-3c4d-4b7a-9a57-2f1f3c9e8d11',
};

/** The Function App's environment as deployed with these parameter choices. */
function deployedEnv(chosen: Record<string, string> = {}, adminSecrets: Record<string, string> = {}) {
  const secrets = { ...TEMPLATE_SECRETS, ...adminSecrets };
  // What Azure itself sets in every Function App: its own host name, the families' links' base.
  const env: Record<string, string> = { WEBSITE_HOSTNAME: 'func-hearth-council-abcdef.azurewebsites.net' };
  // Host settings are written in the functions module: a literal, or one of its parameters.
  const hostValues = [...hostSettings].map(([name, expression]) => {
    if (expression.startsWith("'")) return [name, expression] as const;
    const passed = functionsArgs.get(expression);
    if (!passed) throw new Error(`main.bicep does not pass ${expression} to the functions module`);
    return [name, passed] as const;
  });
  for (const [name, expression] of [...hostValues, ...appSettings]) {
    const value = evaluate(expression, chosen);
    // App Service swaps a Key Vault reference for the secret when the secret exists.
    const secret = /secrets\/([\w-]+)\)$/.exec(value)?.[1];
    env[name] = secret && secret in secrets ? (secrets[secret] as string) : value;
  }
  return env;
}

describe('app settings', () => {
  it('sets nothing that nobody reads', () => {
    const unread = [...appSettings.keys(), ...hostSettings.keys()].filter(
      (name) => !SETTING_NAMES.includes(name) && !(name in READ_BY_THE_PLATFORM),
    );
    expect(unread).toEqual([]);
  });

  it('lists as platform settings only ones the templates really set', () => {
    for (const name of Object.keys(READ_BY_THE_PLATFORM))
      expect([...appSettings.keys(), ...hostSettings.keys()]).toContain(name);
  });

  it('writes into Key Vault itself every secret a fresh deployment needs', () => {
    const vault = readInfra('app/keyvault.bicep');
    for (const name of Object.keys(TEMPLATE_SECRETS))
      expect(vault).toMatch(new RegExp(`vaults/secrets@[^']+' = \\{\\s*parent: vault\\s*name: '${name}'`));
  });

  it('sets every setting production requires: Hearth starts with a fresh deployment', () => {
    const config = loadConfig(deployedEnv());
    expect(config.mode).toBe('production');
    expect(config.bot).toMatchObject({
      appType: 'UserAssignedMSI',
      appId: OUTPUTS['identity.outputs.clientId'],
    });
    expect(config.feed.entra?.audiences).toContain(ANSWERS.feedApiClientId);
  });

  it('names what is missing when a required setting is taken out (the check above can fail)', () => {
    const env = deployedEnv();
    delete env.HEARTH_COSMOS_ENDPOINT;
    expect(() => loadConfig(env)).toThrow(/HEARTH_COSMOS_ENDPOINT: required in production/);
  });

  it('treats a Key Vault reference whose secret is not set yet as no secret at all', () => {
    const config = loadConfig(deployedEnv());
    expect(config.feed.key).toBeUndefined();
    expect(config.health.key).toBeUndefined();
    const withSecrets = loadConfig(
      deployedEnv(
        { feedAuth: 'entra-or-key' },
        { 'hearth-feed-key': 'f'.repeat(40), 'hearth-health-key': 'h'.repeat(40) },
      ),
    );
    expect(withSecrets.feed.key).toBe('f'.repeat(40));
    expect(withSecrets.health.key).toBe('h'.repeat(40));
  });

  it('says the feed key secret is missing when the feed uses the shared key', () => {
    expect(() => loadConfig(deployedEnv({ feedAuth: 'key' }))).toThrow(
      /HEARTH_FEED_KEY: required when HEARTH_FEED_AUTH is key/,
    );
  });

  const choices = [...mainParams.values()].flatMap((p) =>
    (p.allowed ?? []).map((value) => [p.name, value] as const),
  );
  it.each(choices)('accepts every allowed %s: %s', (name, value) => {
    const config = loadConfig(deployedEnv({ [name]: value }, { 'hearth-feed-key': 'f'.repeat(40) }));
    expect(config.mode).toBe('production');
  });

  it('turns on installing through Graph with the catalogue id', () => {
    const config = loadConfig(
      deployedEnv({ teamsInstall: 'true', teamsAppCatalogId: 'b1c5353a-7aca-41b3-830f-27d5218fe0e5' }),
    );
    expect(config.teamsInstall?.catalogAppId).toBe('b1c5353a-7aca-41b3-830f-27d5218fe0e5');
  });

  it('documents every setting in the README', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const missing = SETTING_NAMES.filter((name) => !readme.includes(`| \`${name}\``));
    expect(missing).toEqual([]);
  });
});

describe('retention', () => {
  const byKind = {
    outbox: 'outboxRetentionDays',
    activity: 'activityRetentionDays',
    feedback: 'feedbackRetentionDays',
    audits: 'auditRetentionDays',
    closedChild: 'closedChildDays',
  } as const;

  it.each(Object.entries(byKind))('defaults %s to the code’s default (%s)', (kind, param) => {
    expect(mainParams.get(param)?.defaultText).toBe(
      String(DEFAULT_RETENTION_DAYS[kind as keyof typeof byKind]),
    );
  });

  it('gives Cosmos DB the same days for its time-to-live as the app uses to sweep', () => {
    const passed = entries(block(block(main, "module cosmos 'app/cosmos.bicep'"), 'retentionDays'));
    for (const kind of ['outbox', 'activity', 'feedback', 'audits'] as const)
      expect(passed.get(kind)).toBe(byKind[kind]);
    const env = deployedEnv();
    expect(loadConfig(env).retention).toEqual(DEFAULT_RETENTION_DAYS);
  });

  it('keeps Cosmos DB backups continuous', () => {
    expect(readInfra('app/cosmos.bicep')).toMatch(/backupPolicy: \{ type: 'Continuous'/);
  });
});

describe('the Function App', () => {
  it('runs on Flex Consumption, deployed from blob storage with the managed identity', () => {
    expect(functionsBicep).toMatch(/sku: \{ tier: 'FlexConsumption', name: 'FC1' \}/);
    const deployment = block(functionsBicep, 'deployment');
    expect(deployment).toMatch(/type: 'blobContainer'/);
    expect(deployment).toMatch(
      /authentication: \{ type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId \}/,
    );
    expect(block(functionsBicep, 'runtime')).toMatch(/name: 'node', version: '20'/);
  });

  it.each([
    'FUNCTIONS_WORKER_RUNTIME',
    'FUNCTIONS_EXTENSION_VERSION',
    'WEBSITE_NODE_DEFAULT_VERSION',
    'WEBSITE_RUN_FROM_PACKAGE',
    'linuxFxVersion',
  ])('does not set %s, which Flex Consumption refuses', (name) => {
    expect(functionsBicep).not.toContain(name);
    expect(main).not.toContain(name);
  });

  it('is found by azd as the api service', () => {
    const yaml = readFileSync(join(__dirname, '../../azure.yaml'), 'utf8');
    expect(yaml).toMatch(/services:\n {2}api:\n(?: {4}.+\n)*? {4}host: function\n/);
    expect(functionsBicep).toContain("'azd-service-name': 'api'");
  });

  it('deploys to UK South unless told otherwise', () => {
    expect(mainParams.get('location')?.defaultText).toBe("'uksouth'");
    const parameters = JSON.parse(readInfra('main.parameters.json')) as {
      parameters: Record<string, { value: string }>;
    };
    expect(parameters.parameters.location?.value).toBe('${AZURE_LOCATION=uksouth}');
    for (const name of Object.keys(parameters.parameters)) expect(mainParams.has(name)).toBe(true);
  });
});

describe('alerts and diagnostics', () => {
  const alerts = readInfra('app/alerts.bicep');

  it('mails the action group at the address given at deployment', () => {
    expect(alerts).toMatch(/emailReceivers: \[\{ name: 'on-call', emailAddress: alertEmail/);
    expect(entries(block(block(main, "module alerts 'app/alerts.bicep'"), 'params')).get('alertEmail')).toBe(
      'alertEmail',
    );
  });

  it.each([
    ['the poison queue', 'poison-queue', ['outbox-poison']],
    ['planner failures', 'planner-failures', ['plan-mornings', 'plan-digests']],
    ['the 5xx rate', 'http-5xx', ['feed', 'messages', 'health']],
  ])('watches %s through functions that exist', (_, id, functions) => {
    const rule = new RegExp(`id: '${id}'[\\s\\S]*?query: '([^']+)'`).exec(alerts);
    expect(rule).not.toBeNull();
    const names = createFunctions(() => Promise.reject(new Error('not started'))).map((f) => f.name);
    for (const fn of functions) {
      expect(rule![1]).toContain(`"${fn}"`);
      expect(names).toContain(fn);
    }
  });

  it.each(['functionApp', 'cosmos', 'queues', 'vault', 'bot'])(
    'sends the %s diagnostics to Log Analytics',
    (resource) => {
      const diagnostics = readInfra('app/diagnostics.bicep');
      expect(diagnostics).toMatch(
        new RegExp(`scope: ${resource}\\n\\s+properties: \\{\\n\\s+workspaceId: workspaceId`),
      );
    },
  );
});
