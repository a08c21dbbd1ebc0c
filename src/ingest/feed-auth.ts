/**
 * Who may post to the feed. In production: a Microsoft Entra ID access token that the case
 * system's integration got with its client credentials, checked against the council's tenant
 * (signature with the tenant's published keys, issuer, tenant, audience, lifetime) and holding the
 * `Feed.Write` app role. For simple set-ups, a shared key in the `x-hearth-feed-key` header, off
 * by default in production. Refusals are logged by ids and a reason, never with the token.
 */
import type { HttpRequest } from '@azure/functions';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import type { EntraFeedSettings } from '../config-production';
import { HttpError } from '../util/http-error';
import { sameSecret } from '../util/same-secret';

export const FEED_KEY_HEADER = 'x-hearth-feed-key';

/** Who the feed is talking to, for the log: ids only. */
export type FeedCaller = { kind: 'entra'; appId: string; tenantId: string } | { kind: 'key' };

export interface FeedAuthSettings {
  /** The shared key, when it is allowed. */
  key: string | undefined;
  entra: EntraFeedSettings | undefined;
}

/** Where refusals go: a reason code and ids (the caller's app id and tenant as the token claims them). */
export type FeedAuthLog = (reason: string, ids: Record<string, string>) => void;

export interface FeedAuthorizer {
  authorize(request: HttpRequest, log: FeedAuthLog): Promise<FeedCaller>;
}

const REALM = 'Bearer realm="hearth-feed"';
const ALGORITHMS = ['RS256'];
/** Clock difference tolerated between Entra and this server. */
const CLOCK_TOLERANCE_SECONDS = 60;

function refuse(status: 401 | 403, reason: string, message: string): HttpError {
  const error = status === 401 ? 'invalid_token' : 'insufficient_scope';
  return new HttpError(status, message, {
    'www-authenticate': `${REALM}, error="${error}", error_description="${reason}"`,
  });
}

/** jose's error codes, as the reasons Hearth logs and answers with. */
function reasonFor(error: unknown): string | undefined {
  if (!(error instanceof errors.JOSEError)) return undefined;
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'not-yet-valid';
    if (error.claim === 'iss') return 'wrong-issuer';
    if (error.claim === 'aud') return 'wrong-audience';
    return `bad-claim-${error.claim}`.replace(/[^a-z-]/g, '');
  }
  const byCode: Record<string, string> = {
    ERR_JWT_EXPIRED: 'expired',
    ERR_JOSE_ALG_NOT_ALLOWED: 'algorithm-not-allowed',
    ERR_JOSE_NOT_SUPPORTED: 'algorithm-not-allowed',
    ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'bad-signature',
    ERR_JWKS_NO_MATCHING_KEY: 'unknown-signing-key',
    ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'unknown-signing-key',
    ERR_JWS_INVALID: 'malformed',
    ERR_JWT_INVALID: 'malformed',
  };
  return byCode[error.code];
}

/** The ids a token claims, read without trusting it: only for the log. */
function claimedIds(token: string): Record<string, string> {
  try {
    const claims = decodeJwt(token);
    const ids: Record<string, string> = {};
    const appId = claims.azp ?? claims.appid;
    if (typeof appId === 'string') ids.claimedAppId = appId.slice(0, 64);
    if (typeof claims.tid === 'string') ids.claimedTenantId = claims.tid.slice(0, 64);
    return ids;
  } catch {
    return {};
  }
}

function entraVerifier(settings: EntraFeedSettings, cooldownMs: number) {
  // Cached; an unknown key id makes jose fetch again (at most every 30 s), which is how rotation
  // is picked up. Entra rotates its keys with weeks of overlap, so a day's cache is safe.
  const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.jwksUrl), {
    cacheMaxAge: 24 * 60 * 60 * 1000,
    cooldownDuration: cooldownMs,
    timeoutDuration: 5_000,
  });
  return async (token: string, log: FeedAuthLog): Promise<FeedCaller> => {
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        issuer: settings.issuers,
        audience: settings.audiences,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat', 'tid'],
      }));
    } catch (error) {
      const reason = reasonFor(error);
      if (!reason) {
        log('keys-unavailable', {});
        throw new HttpError(
          503,
          "Hearth could not fetch Entra ID's signing keys to check the token. Send the batch again shortly.",
          { 'retry-after': '30' },
          { cause: error },
        );
      }
      log(reason, claimedIds(token));
      throw refuse(
        401,
        reason,
        `The access token was refused (${reason}). Get a new token for Hearth's API.`,
      );
    }
    const claimedApp = claims.azp ?? claims.appid;
    const appId = (typeof claimedApp === 'string' ? claimedApp : 'unknown').slice(0, 64);
    const tenantId = String(claims.tid);
    if (tenantId !== settings.tenantId) {
      log('wrong-tenant', { claimedAppId: appId, claimedTenantId: tenantId.slice(0, 64) });
      throw refuse(401, 'wrong-tenant', 'The access token is from another organisation.');
    }
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    if (!roles.includes(settings.role)) {
      log('missing-role', { appId, tenantId });
      throw refuse(403, 'missing-role', `The caller needs the ${settings.role} app role on Hearth's API.`);
    }
    return { kind: 'entra', appId, tenantId };
  };
}

/** `jwksCooldownMs`: the shortest gap between two fetches of the keys (tests shorten it). */
export function createFeedAuthorizer(
  settings: FeedAuthSettings,
  options: { jwksCooldownMs?: number } = {},
): FeedAuthorizer {
  const verify = settings.entra ? entraVerifier(settings.entra, options.jwksCooldownMs ?? 30_000) : undefined;
  const ways = [
    verify ? 'an Entra ID access token (Authorization: Bearer)' : '',
    settings.key ? `the feed key in the ${FEED_KEY_HEADER} header` : '',
  ]
    .filter(Boolean)
    .join(' or ');
  return {
    async authorize(request, log) {
      if (!verify && !settings.key) {
        throw new HttpError(503, 'The feed is not configured on this server (HEARTH_FEED_AUTH).');
      }
      const authorization = request.headers.get('authorization');
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
      if (bearer && verify) return verify(bearer, log);
      const key = request.headers.get(FEED_KEY_HEADER);
      if (key !== null && settings.key) {
        if (sameSecret(key, settings.key)) return { kind: 'key' };
        log('wrong-key', {});
        throw new HttpError(401, `The feed key is not right. Send ${ways}.`, {
          'www-authenticate': 'HearthFeedKey',
        });
      }
      log(authorization || key !== null ? 'credentials-not-accepted' : 'no-credentials', {});
      throw new HttpError(401, `Send ${ways}.`, {
        'www-authenticate': verify ? `${REALM}` : 'HearthFeedKey',
      });
    },
  };
}
