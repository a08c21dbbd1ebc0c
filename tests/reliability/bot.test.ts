/**
 * The bot's endpoint under hostile requests, configured as in production (a bot identity for one
 * tenant), with a stand-in for the Bot Framework's signing keys so real token validation runs.
 * Each request is one that used to get through or leak the library's words; each must now be
 * refused with a bare status and change nothing: a token that looks signed but is not valid is
 * 401 with no body, another organisation (or none) is 403, and a body that is not an activity is 400.
 */
import { createPublicKey } from 'node:crypto';
import type { HttpResponseInit } from '@azure/functions';
import { SignJWT } from 'jose';
import { messagesFunction } from '../../src/app/handlers/messages';
import type { Services } from '../../src/app/root';
import { createBot } from '../../src/teams/bot';
import { execute } from '../support/activities';
import type { Who } from '../support/activities';
import type { FakeBotFrameworkKeys } from '../support/fake-botframework-keys';
import { channelToken, handMade, startFakeBotFrameworkKeys } from '../support/fake-botframework-keys';
import { signingKey } from '../support/fake-entra';
import { context, request } from '../support/http';
import { disposeServices, testServices } from '../support/services';
import { aPerson } from '../support/domain';

const APP_ID = '6f1c0000-0000-4000-8000-000000000001';
const TENANT = 'tenant-1';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
const sam: Who = {
  aad: '5a5a0000-0000-4000-8000-00000000005a',
  userId: 'user-sam',
  conversationId: 'conv-sam',
};

let services: Services;
let keys: FakeBotFrameworkKeys;
let handle: (body: string, headers?: Record<string, string>) => Promise<HttpResponseInit>;

beforeAll(async () => {
  keys = await startFakeBotFrameworkKeys();
  services = await testServices({
    HEARTH_BOT_APP_ID: APP_ID,
    HEARTH_BOT_TENANT_ID: TENANT,
    HEARTH_BOT_APP_TYPE: 'SingleTenant',
    HEARTH_BOT_APP_PASSWORD: 'not-a-real-secret',
  });
  const bot = createBot(services, { openIdMetadataUrl: keys.metadataUrl });
  const messages = messagesFunction(() => Promise.resolve({ ...services, bot: () => bot }));
  handle = async (body, headers = {}) =>
    messages.handler(
      request('POST', '/api/messages', { body, headers: { 'content-type': 'application/json', ...headers } }),
      context('messages'),
    );
  await services.store.people.upsert(
    aPerson('sam', { teamId: 'team-1', entraObjectId: sam.aad, reachability: 'not-installed' }),
  );
});
afterAll(async () => {
  await disposeServices(services);
  await keys?.close();
});
// botbuilder logs each refusal itself; keep the test output for real failures.
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

/** Sam saves a new morning time from the settings card: an invoke answered in the HTTP response. */
/** `tenant` null: an activity that names no organisation. */
const saveSettings = (morningTime: string, tenant: string | null = TENANT) => {
  const activity = execute(SERVICE_URL, sam, 'save-settings', { morningTime, workingDays: 'mon,tue' });
  const conversation = {
    id: sam.conversationId,
    conversationType: 'personal',
    ...(tenant === null ? {} : { tenantId: tenant }),
  };
  return JSON.stringify({
    ...activity,
    conversation,
    channelData: tenant === null ? {} : { tenant: { id: tenant } },
  });
};
const sams = async () => (await services.store.people.get('sam', 'team-1'))!;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const token = (
  claims: Record<string, unknown> = {},
  times: { notBefore?: number; expiresIn?: number } = {},
) => channelToken({ key: keys.key, appId: APP_ID, serviceUrl: SERVICE_URL, claims, ...times });

/** Nothing about the refusal: no body, no library words. */
const bare = (response: HttpResponseInit) => {
  expect(response.body).toBeUndefined();
  expect(response.jsonBody).toBeUndefined();
};

it('accepts a token signed as the Bot Framework signs one, from our tenant (the path the refusals take)', async () => {
  const response = await handle(saveSettings('07:15'), bearer(await token()));
  expect(response.status).toBe(200);
  expect(JSON.stringify(response.jsonBody)).toContain('Saved.');
  expect((await sams()).morningTime).toBe('07:15');
  expect(keys.fetches).toBeGreaterThan(0);
});

describe('tokens that look signed but are not valid: 401, no detail, nothing changed', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => ({
    iss: 'https://api.botframework.com',
    aud: APP_ID,
    serviceurl: SERVICE_URL,
    nbf: now() - 5,
    exp: now() + 3600,
  });
  const cases: [string, () => Promise<Record<string, string>>][] = [
    ['no token at all', () => Promise.resolve({})],
    ['not a token', () => Promise.resolve(bearer('not-a-token'))],
    [
      'alg none with the real key id',
      () => Promise.resolve(bearer(handMade({ alg: 'none', typ: 'JWT', kid: keys.key.kid }, claims()))),
    ],
    [
      'alg none without a key id',
      () => Promise.resolve(bearer(handMade({ alg: 'none', typ: 'JWT' }, claims()))),
    ],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      async () => {
        const pem = createPublicKey({ key: keys.key.jwk as never, format: 'jwk' }).export({
          type: 'spki',
          format: 'pem',
        });
        const forged = await new SignJWT(claims())
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: keys.key.kid })
          .sign(new TextEncoder().encode(String(pem)));
        return bearer(forged);
      },
    ],
    [
      'signed by another key under the real key id',
      async () => {
        const other = await signingKey('other');
        const forged = await new SignJWT(claims())
          .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keys.key.kid })
          .sign(other.privateKey);
        return bearer(forged);
      },
    ],
    [
      'a signature cut from another token',
      async () => {
        const [header, , signature] = (await token()).split('.');
        const [, payload] = (await token({ aud: 'someone-else' })).split('.');
        return bearer(`${header}.${payload}.${signature}`);
      },
    ],
    ['not valid yet', async () => bearer(await token({}, { notBefore: 3600 }))],
    // botbuilder allows five minutes of clock skew either way.
    ['expired', async () => bearer(await token({}, { expiresIn: -600 }))],
    ['for another bot', async () => bearer(await token({ aud: '00000000-0000-4000-8000-000000000bad' }))],
    ['from another issuer', async () => bearer(await token({ iss: 'https://evil.example' }))],
    [
      'an unknown key id',
      async () => bearer(handMade({ alg: 'RS256', typ: 'JWT', kid: 'nope' }, claims(), 'c2ln')),
    ],
  ];

  it.each(cases)('%s', async (_, headers) => {
    const before = await sams();
    const response = await handle(saveSettings('06:00'), await headers());
    expect(response.status).toBe(401);
    bare(response);
    const after = await sams();
    expect(after.morningTime).toBe(before.morningTime);
    expect(after.morningTime).not.toBe('06:00');
  });
});

describe('another organisation, or none: 403 and nothing changed', () => {
  it.each([
    ['another tenant', 'tenant-2'],
    ['no tenant', null],
  ])('%s', async (_, tenant) => {
    const before = await sams();
    const response = await handle(saveSettings('05:45', tenant), bearer(await token()));
    expect(response.status).toBe(403);
    bare(response);
    const after = await sams();
    expect(after.morningTime).toBe(before.morningTime);
    expect(after._etag).toBe(before._etag);
  });
});

describe('a body that is not an activity: 400 in plain words', () => {
  it.each([
    ['an empty body', ''],
    ['an empty object', '{}'],
    ['no type', JSON.stringify({ text: 'help', from: { id: 'x' } })],
    ['an empty type', JSON.stringify({ type: '' })],
    ['a type that is not text', JSON.stringify({ type: 42 })],
    ['null', 'null'],
    ['an array', '[{"type":"message"}]'],
    ['broken JSON', '{"type":'],
  ])('%s', async (_, body) => {
    const response = await handle(body, bearer(await token()));
    expect(response.status).toBe(400);
    expect(response.jsonBody).toEqual({
      error: 'The body must be a Bot Framework activity in JSON, with a type.',
    });
  });
});
