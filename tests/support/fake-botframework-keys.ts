/**
 * A stand-in for the Bot Framework's token signing keys (`login.botframework.com`): its OpenID
 * configuration and a JWKS with the channels each key is endorsed for, on port 0, and tokens as the
 * Bot Connector signs them when it calls a bot (RS256, issuer `https://api.botframework.com`,
 * audience the bot's app id, the `serviceurl` claim). Hand-made tokens test what must be refused.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import type { SigningKey } from './fake-entra';
import { segment, signingKey } from './fake-entra';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface FakeBotFrameworkKeys {
  /** Where the bot's adapter reads the OpenID configuration. */
  metadataUrl: string;
  key: SigningKey;
  fetches: number;
  close(): Promise<void>;
}

export async function startFakeBotFrameworkKeys(): Promise<FakeBotFrameworkKeys> {
  const key = await signingKey('bf-key-1');
  const state = { fetches: 0 };
  let base = '';
  const server = createServer((req, res) => {
    state.fetches++;
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/v1/.well-known/openidconfiguration')
      return json({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/.well-known/keys` });
    if (req.url === '/v1/.well-known/keys')
      return json({ keys: [{ ...key.jwk, endorsements: ['msteams', 'webchat', 'emulator'] }] });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    key,
    get fetches() {
      return state.fetches;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ChannelTokenOptions {
  key: SigningKey;
  appId: string;
  serviceUrl: string;
  /** Claims to add or override; `undefined` removes one. */
  claims?: Record<string, unknown>;
  /** Seconds from now. */
  notBefore?: number;
  expiresIn?: number;
}

/** A token as the Bot Connector sends with an activity to the bot. */
export async function channelToken(options: ChannelTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: CHANNEL_ISSUER,
    aud: options.appId,
    serviceurl: options.serviceUrl,
    iat: now - 5,
    nbf: now + (options.notBefore ?? -5),
    exp: now + (options.expiresIn ?? 3600),
    ...options.claims,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.key.kid })
    .sign(options.key.privateKey);
}

/** A token whose header and payload are given, with `signature` as its third part. */
export const handMade = (header: object, payload: object, signature = '') =>
  `${segment(header)}.${segment(payload)}.${signature}`;
