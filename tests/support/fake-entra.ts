/**
 * A stand-in for Microsoft Entra ID's key endpoint (`/{tenant}/discovery/v2.0/keys`) on port 0,
 * serving RSA public keys as a JWKS like Entra does, with tokens signed by the matching private
 * keys. Keys can be rotated (a new key published, the old one withdrawn) to test caching, and the
 * server counts fetches so a test can see the cache at work.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK, KeyLike } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export const TENANT = '7a2d0000-0000-4000-8000-000000000002';
export const OTHER_TENANT = '9e9e0000-0000-4000-8000-000000000009';
export const API_CLIENT_ID = '3c3c0000-0000-4000-8000-000000000003';
export const CALLER_APP_ID = '5d5d0000-0000-4000-8000-000000000005';

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  jwk: JWK;
}

export async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, jwk };
}

export interface FakeEntra {
  jwksUrl: string;
  fetches: number;
  /** The keys published now. */
  publish(keys: SigningKey[]): void;
  close(): Promise<void>;
}

export async function startFakeEntra(initial: SigningKey[]): Promise<FakeEntra> {
  let published = initial;
  const state = { fetches: 0 };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === `/${TENANT}/discovery/v2.0/keys`) {
      state.fetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: published.map((k) => k.jwk) }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not_found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/${TENANT}/discovery/v2.0/keys`,
    get fetches() {
      return state.fetches;
    },
    publish(keys) {
      published = keys;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface TokenOptions {
  key: SigningKey;
  /** Claims to add or override; `undefined` removes a claim. */
  claims?: Record<string, unknown>;
  /** Seconds from now. */
  expiresIn?: number;
  notBefore?: number;
  kid?: string;
}

/** A v2 client-credentials access token for Hearth's API, as Entra issues one. */
export async function accessToken(options: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    aud: API_CLIENT_ID,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: now - 5,
    nbf: now + (options.notBefore ?? -5),
    exp: now + (options.expiresIn ?? 3600),
    azp: CALLER_APP_ID,
    azpacr: '1',
    oid: '6e6e0000-0000-4000-8000-000000000006',
    sub: '6e6e0000-0000-4000-8000-000000000006',
    tid: TENANT,
    roles: ['Feed.Write'],
    ver: '2.0',
    ...options.claims,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? options.key.kid })
    .sign(options.key.privateKey);
}

/** base64url of a JSON object, for hand-made tokens. */
export const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
