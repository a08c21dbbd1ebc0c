/**
 * The feed's production guard: Microsoft Entra ID access tokens checked against a local stand-in
 * for the tenant's key endpoint (real HTTP, real RSA signatures through jose). Every way a token
 * can be wrong is refused with 401 or 403, and logged by reason and ids, never with the token.
 */
import { generateKeyPair, exportSPKI, SignJWT } from 'jose';
import { feedFunction } from '../../../src/app/handlers/feed';
import type { Services } from '../../../src/app/root';
import { loadConfig } from '../../../src/config';
import type { FeedAuthorizer } from '../../../src/ingest/feed-auth';
import { createFeedAuthorizer, FEED_KEY_HEADER } from '../../../src/ingest/feed-auth';
import { HttpError } from '../../../src/util/http-error';
import type { FakeEntra, SigningKey } from '../../support/fake-entra';
import {
  accessToken,
  API_CLIENT_ID,
  CALLER_APP_ID,
  OTHER_TENANT,
  segment,
  signingKey,
  startFakeEntra,
  TENANT,
} from '../../support/fake-entra';
import { context, request } from '../../support/http';
import { team } from '../../support/records';
import { disposeServices, testServices } from '../../support/services';

let entra: FakeEntra;
let key1: SigningKey;
let key2: SigningKey;
let impostor: SigningKey;
beforeAll(async () => {
  [key1, key2, impostor] = await Promise.all([signingKey('key-1'), signingKey('key-2'), signingKey('key-1')]);
  entra = await startFakeEntra([key1]);
});
afterAll(() => entra.close());

function entraEnv(extra: Record<string, string> = {}) {
  return {
    HEARTH_MODE: 'local',
    HEARTH_FEED_AUTH: 'entra',
    HEARTH_FEED_TENANT_ID: TENANT,
    HEARTH_FEED_CLIENT_ID: API_CLIENT_ID,
    HEARTH_ENTRA_JWKS_URL: entra.jwksUrl,
    ...extra,
  };
}

function authorizer(extra: Record<string, string> = {}): FeedAuthorizer {
  return createFeedAuthorizer(loadConfig(entraEnv(extra)).feed, { jwksCooldownMs: 0 });
}

const withBearer = (token: string) =>
  request('POST', '/api/feed', { headers: { authorization: `Bearer ${token}` } });

async function outcome(auth: FeedAuthorizer, token: string) {
  const logs: { reason: string; ids: Record<string, string> }[] = [];
  try {
    const caller = await auth.authorize(withBearer(token), (reason, ids) => logs.push({ reason, ids }));
    return { status: 200, caller, logs };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { status: error.status, message: error.message, headers: error.headers, logs };
  }
}

describe('Entra ID access tokens', () => {
  it('accepts a valid v2 token holding Feed.Write, and says who called by app id', async () => {
    const result = await outcome(authorizer(), await accessToken({ key: key1 }));
    expect(result).toMatchObject({
      status: 200,
      caller: { kind: 'entra', appId: CALLER_APP_ID, tenantId: TENANT },
    });
  });

  it('accepts the v1 form: sts.windows.net issuer, the application ID URI as audience, appid', async () => {
    const token = await accessToken({
      key: key1,
      claims: {
        iss: `https://sts.windows.net/${TENANT}/`,
        aud: `api://${API_CLIENT_ID}`,
        azp: undefined,
        appid: CALLER_APP_ID,
        ver: '1.0',
      },
    });
    expect(await outcome(authorizer(), token)).toMatchObject({
      status: 200,
      caller: { appId: CALLER_APP_ID },
    });
  });

  const hs256 = async () => {
    // The classic confusion: an HMAC "signed" with the public key, hoping it is used as a secret.
    const { publicKey } = await generateKeyPair('RS256');
    const secret = new TextEncoder().encode(await exportSPKI(publicKey));
    return new SignJWT({
      aud: API_CLIENT_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      tid: TENANT,
      roles: ['Feed.Write'],
      azp: CALLER_APP_ID,
    })
      .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
  };
  const unsigned = () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      aud: API_CLIENT_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      tid: TENANT,
      roles: ['Feed.Write'],
      azp: CALLER_APP_ID,
      iat: now,
      exp: now + 3600,
    };
    return Promise.resolve(`${segment({ alg: 'none', typ: 'JWT' })}.${segment(claims)}.`);
  };

  it.each<[string, () => Promise<string>, number, string]>([
    ['expired', () => accessToken({ key: key1, expiresIn: -600 }), 401, 'expired'],
    ['not yet valid', () => accessToken({ key: key1, notBefore: 600 }), 401, 'not-yet-valid'],
    [
      'for another API',
      () => accessToken({ key: key1, claims: { aud: 'api://someone-else' } }),
      401,
      'wrong-audience',
    ],
    [
      'from a stranger issuer',
      () => accessToken({ key: key1, claims: { iss: 'https://login.example.net/v2.0' } }),
      401,
      'wrong-issuer',
    ],
    [
      "from another tenant's issuer",
      () =>
        accessToken({
          key: key1,
          claims: { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, tid: OTHER_TENANT },
        }),
      401,
      'wrong-issuer',
    ],
    [
      'naming another tenant',
      () => accessToken({ key: key1, claims: { tid: OTHER_TENANT } }),
      401,
      'wrong-tenant',
    ],
    [
      'without the Feed.Write role',
      () => accessToken({ key: key1, claims: { roles: ['Feed.Read'] } }),
      403,
      'missing-role',
    ],
    [
      'with no roles at all',
      () => accessToken({ key: key1, claims: { roles: undefined } }),
      403,
      'missing-role',
    ],
    ['unsigned (alg none)', unsigned, 401, 'algorithm-not-allowed'],
    ['HS256 with the public key as secret', hs256, 401, 'algorithm-not-allowed'],
    [
      'signed by the wrong key under a known key id',
      () => accessToken({ key: impostor }),
      401,
      'bad-signature',
    ],
    [
      'signed by a key Entra never published',
      () => accessToken({ key: key2, kid: 'key-9' }),
      401,
      'unknown-signing-key',
    ],
    [
      'without a tenant claim',
      () => accessToken({ key: key1, claims: { tid: undefined } }),
      401,
      'bad-claim-tid',
    ],
    ['that is not a token at all', () => Promise.resolve('not.a.token'), 401, 'malformed'],
  ])('refuses a token %s, logging the reason and ids only', async (_, make, status, reason) => {
    const token = await make();
    const result = await outcome(authorizer(), token);
    expect(result).toMatchObject({ status, logs: [{ reason }] });
    expect(result.headers?.['www-authenticate']).toContain(`error_description="${reason}"`);
    const logged = JSON.stringify(result.logs);
    // Neither the token nor any part of it (its claims, its signature) reaches the log or the answer.
    for (const part of token.split('.').filter((p) => p.length > 8)) {
      expect(logged).not.toContain(part);
      expect(result.message).not.toContain(part);
    }
  });

  it('logs the ids a refused token claims, so an admin can find the caller', async () => {
    const result = await outcome(authorizer(), await accessToken({ key: key1, expiresIn: -600 }));
    expect(result.logs).toEqual([
      { reason: 'expired', ids: { claimedAppId: CALLER_APP_ID, claimedTenantId: TENANT } },
    ]);
  });

  it('caches the keys, and picks up a new key when Entra rotates', async () => {
    const auth = authorizer();
    const before = entra.fetches;
    for (let i = 0; i < 5; i++)
      expect((await outcome(auth, await accessToken({ key: key1 }))).status).toBe(200);
    expect(entra.fetches - before).toBe(1);

    const rotated = await accessToken({ key: key2 });
    expect((await outcome(auth, rotated)).status).toBe(401);
    entra.publish([key1, key2]);
    expect((await outcome(auth, rotated)).status).toBe(200);
    entra.publish([key1]);
  });

  it('answers 503, not 401, when the key endpoint cannot be reached', async () => {
    const auth = authorizer({ HEARTH_ENTRA_JWKS_URL: 'http://127.0.0.1:9/keys' });
    const result = await outcome(auth, await accessToken({ key: key1 }));
    expect(result).toMatchObject({
      status: 503,
      headers: { 'retry-after': '30' },
      logs: [{ reason: 'keys-unavailable' }],
    });
  });

  it('refuses the shared key when only Entra tokens are allowed (production default)', async () => {
    const result = await authorizer()
      .authorize(
        request('POST', '/api/feed', { headers: { [FEED_KEY_HEADER]: 'k'.repeat(40) } }),
        () => undefined,
      )
      .catch((error: unknown) => error);
    expect(result).toMatchObject({ status: 401, message: expect.stringMatching(/Entra ID access token/) });
  });
});

describe('POST /api/feed with Entra ID', () => {
  let services: Services;
  const logged: unknown[][] = [];
  beforeAll(async () => {
    services = await testServices(entraEnv({ HEARTH_MODE: 'local' }));
  });
  afterAll(() => disposeServices(services));

  const post = async (headers: Record<string, string>, teamId = 'team-1') => {
    const body = JSON.stringify({ records: [team(teamId)] });
    const ctx = context('feed');
    jest.spyOn(ctx, 'warn').mockImplementation((...args: unknown[]) => void logged.push(args));
    jest.spyOn(ctx, 'log').mockImplementation((...args: unknown[]) => void logged.push(args));
    return feedFunction(() => Promise.resolve(services)).handler(
      request('POST', '/api/feed', { body, headers: { 'content-type': 'application/json', ...headers } }),
      ctx,
    );
  };

  it('writes a batch from a caller with a valid token', async () => {
    const response = await post({ authorization: `Bearer ${await accessToken({ key: key1 })}` });
    expect(response.status).toBe(200);
    expect(await services.store.teams.findByIds([team().id])).toHaveLength(1);
  });

  it('refuses a caller without the role with 403, writes nothing and logs only ids', async () => {
    logged.length = 0;
    const token = await accessToken({ key: key1, claims: { roles: [] } });
    const response = await post({ authorization: `Bearer ${token}` }, 'team-refused');
    expect(response.status).toBe(403);
    expect(await services.store.teams.findByIds(['team-refused'])).toEqual([]);
    expect(logged).toEqual([
      [
        'feed: refused',
        expect.objectContaining({ reason: 'missing-role', appId: CALLER_APP_ID, tenantId: TENANT }),
      ],
    ]);
    expect(JSON.stringify(logged)).not.toContain(token.split('.')[2]);
  });

  it('refuses the local feed key once only Entra tokens are allowed', async () => {
    const response = await post({ [FEED_KEY_HEADER]: 'local-dev-feed-key' });
    expect(response.status).toBe(401);
  });
});
