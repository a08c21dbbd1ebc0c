/**
 * Installs the Hearth app for a person through Microsoft Graph (`POST /users/{id}/teamwork/
 * installedApps`, application permission `TeamsAppInstallation.ReadWriteSelfForUser.All`), with a
 * token for Hearth's own managed identity. When the app is already there (409), finds the
 * installation and its chat (`GET .../installedApps/{id}/chat`), so the bot can reach them. Graph's
 * throttling is honoured: a 429 waits for Retry-After, a 502/503/504 or a timeout backs off, a few
 * times, before the use case is told to try later.
 */
import type { TokenCredential } from '@azure/identity';
import type { AppInstaller, InstallAnswer } from '../services/install-apps';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`Graph answered ${status} ${code}`);
  }
}

export interface GraphInstallerOptions {
  /** `https://graph.microsoft.com`, or a stand-in in tests. */
  graphUrl: string;
  /** The app's id in the organisation's app catalogue (not the manifest id). */
  catalogAppId: string;
  getToken: () => Promise<string>;
  /** Attempts for one request while throttled or Graph is unwell. */
  attempts?: number;
  /** The longest Retry-After Hearth will wait inside one run; longer means "try later". */
  maxWaitSeconds?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = new Set([502, 503, 504]);

export function graphToken(credential: TokenCredential): () => Promise<string> {
  return async () => {
    const token = await credential.getToken(GRAPH_SCOPE);
    if (!token) throw new Error('no Microsoft Graph token for the managed identity');
    return token.token;
  };
}

async function errorOf(response: Response): Promise<GraphError> {
  let code = 'unknown';
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code.slice(0, 80);
  } catch {
    // Not JSON: the status says enough.
  }
  const header = response.headers.get('retry-after');
  const retryAfter = header === null ? NaN : Number(header);
  return new GraphError(
    response.status,
    code,
    Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
  );
}

type GraphCall = (method: 'GET' | 'POST', path: string, body?: object) => Promise<Response>;

/** One Graph call, retried while throttled or unwell; a settled answer (2xx or 4xx) comes back. */
function graphCaller(options: GraphInstallerOptions, base: string): GraphCall {
  const attempts = options.attempts ?? 4;
  const maxWait = options.maxWaitSeconds ?? 60;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeoutMs = options.timeoutMs ?? 15_000;
  return async (method, path, body) => {
    for (let attempt = 1; ; attempt++) {
      let retryAfter: number;
      try {
        const response = await fetch(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${await options.getToken()}`,
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          ...(body ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.status !== 429 && !RETRYABLE.has(response.status)) return response;
        const error = await errorOf(response);
        if (attempt >= attempts || (error.retryAfterSeconds ?? 0) > maxWait) throw error;
        retryAfter = error.retryAfterSeconds ?? 2 ** attempt;
      } catch (error) {
        // An abort is a DOMException, not an Error in every realm: go by its name.
        const name = (error as { name?: unknown } | undefined)?.name;
        const timedOut = name === 'TimeoutError' || name === 'AbortError';
        if (!timedOut || attempt >= attempts) throw error;
        retryAfter = 2 ** attempt;
      }
      // A little jitter, so many workers throttled together do not come back together.
      await sleep(retryAfter * 1000 + Math.floor(Math.random() * 250));
    }
  };
}

const userPath = (entraObjectId: string) =>
  `/users/${encodeURIComponent(entraObjectId)}/teamwork/installedApps`;

/** The person's chat with Hearth: find the installation, then its chat. */
async function chatOf(
  call: GraphCall,
  entraObjectId: string,
  catalogAppId: string,
): Promise<string | undefined> {
  const filter = encodeURIComponent(`teamsApp/id eq '${catalogAppId}'`);
  const found = await call('GET', `${userPath(entraObjectId)}?$expand=teamsApp&$filter=${filter}`);
  if (!found.ok) throw await errorOf(found);
  const { value } = (await found.json()) as { value?: { id?: unknown }[] };
  const installationId = value?.[0]?.id;
  if (typeof installationId !== 'string') return undefined;
  const chat = await call('GET', `${userPath(entraObjectId)}/${encodeURIComponent(installationId)}/chat`);
  if (!chat.ok) throw await errorOf(chat);
  const { id } = (await chat.json()) as { id?: unknown };
  return typeof id === 'string' ? id : undefined;
}

export function createGraphInstaller(options: GraphInstallerOptions): AppInstaller {
  const base = `${options.graphUrl.replace(/\/+$/, '')}/v1.0`;
  const call = graphCaller(options, base);
  return {
    async install(entraObjectId): Promise<InstallAnswer> {
      try {
        const response = await call('POST', userPath(entraObjectId), {
          'teamsApp@odata.bind': `${base}/appCatalogs/teamsApps/${options.catalogAppId}`,
        });
        if (response.status === 201 || response.status === 200) {
          await response.body?.cancel();
          return { kind: 'installed' };
        }
        if (response.status === 409)
          return {
            kind: 'already-installed',
            chatId: await chatOf(call, entraObjectId, options.catalogAppId),
          };
        if (response.status === 403) return { kind: 'not-permitted' };
        if (response.status === 404) return { kind: 'user-not-found' };
        const error = await errorOf(response);
        return { kind: 'try-later', reason: `${error.status} ${error.code}` };
      } catch (error) {
        if (error instanceof GraphError)
          return { kind: 'try-later', reason: `${error.status} ${error.code}` };
        const name = (error as { name?: unknown } | undefined)?.name;
        return { kind: 'try-later', reason: typeof name === 'string' ? name : 'unknown' };
      }
    },
  };
}
