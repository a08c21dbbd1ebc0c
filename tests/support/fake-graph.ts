/**
 * A stand-in for the part of Microsoft Graph that installs Teams apps for users, on loopback, port 0.
 * It speaks the same REST shapes (`/v1.0/users/{id}/teamwork/installedApps`, `$filter` on
 * `teamsApp/id`, `.../installedApps/{id}/chat`) and answers like Graph does: 201 with no body on
 * install, 409 Conflict when the app is already there, 403 Forbidden when the tenant's policies do
 * not allow it, 404 for an unknown user or app, 401 without a bearer token, and, when told to, 429
 * with Retry-After, 503, and requests that never answer. Errors carry Graph's `{ error: { code,
 * message } }` body.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type GraphFault = { status: 429; retryAfter: string } | { status: 500 | 502 | 503 | 504 } | 'hang';

export interface FakeUser {
  /** Installations of apps for this user: installation id -> catalogue app id and chat. */
  installed: Map<string, { teamsAppId: string; chatId: string }>;
  /** The tenant's Teams policies refuse installs for this user. */
  blocked?: boolean;
}

export interface FakeGraph {
  url: string;
  users: Map<string, FakeUser>;
  /** Catalogue app ids Graph knows. */
  catalog: Set<string>;
  /** Faults answered in order, before normal service resumes. */
  faults: GraphFault[];
  /** Every request, in order: method and path with query. */
  requests: string[];
  close(): Promise<void>;
}

function fail(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(
    JSON.stringify({
      error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } },
    }),
  );
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const hanging = new Set<ServerResponse>();
  const state = {
    users: new Map<string, FakeUser>(),
    catalog: new Set<string>(),
    faults: [] as GraphFault[],
    requests: [] as string[],
  };
  let base = '';

  function install(res: ServerResponse, user: FakeUser, body: string) {
    let bind: unknown;
    try {
      bind = (JSON.parse(body) as Record<string, unknown>)['teamsApp@odata.bind'];
    } catch {
      return fail(res, 400, 'BadRequest', 'Invalid request body.');
    }
    const appId =
      typeof bind === 'string' ? /\/v1\.0\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
    if (typeof bind !== 'string' || !bind.startsWith(base))
      return fail(res, 400, 'BadRequest', 'Invalid bind URL.');
    if (!appId || !state.catalog.has(appId))
      return fail(res, 404, 'NotFound', 'The app was not found in the catalog.');
    if (user.blocked)
      return fail(res, 403, 'Forbidden', 'App installation is not allowed by the tenant policy.');
    if ([...user.installed.values()].some((i) => i.teamsAppId === appId))
      return fail(res, 409, 'Conflict', 'App is already installed for this user.');
    user.installed.set(randomUUID(), {
      teamsAppId: appId,
      chatId: `19:${randomUUID()}_${appId}@unq.gbl.spaces`,
    });
    res.writeHead(201).end();
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://graph.local');
      state.requests.push(`${req.method} ${url.pathname}${url.search}`);
      const fault = state.faults.shift();
      if (fault === 'hang') return void hanging.add(res);
      if (fault?.status === 429)
        return fail(res, 429, 'TooManyRequests', 'Too many requests.', { 'retry-after': fault.retryAfter });
      if (fault) return fail(res, fault.status, 'ServiceUnavailable', 'The service is unavailable.');
      if (!/^Bearer \S+$/.test(req.headers.authorization ?? ''))
        return fail(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');

      const m = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+)\/chat)?$/.exec(url.pathname);
      const user = m ? state.users.get(decodeURIComponent(m[1] ?? '')) : undefined;
      if (!m || !user) return fail(res, 404, 'NotFound', 'Resource not found.');
      if (req.method === 'POST' && !m[2]) return install(res, user, Buffer.concat(chunks).toString('utf8'));
      if (req.method === 'GET' && m[2]) {
        const found = user.installed.get(decodeURIComponent(m[2]));
        if (!found) return fail(res, 404, 'NotFound', 'Installation not found.');
        return json(res, 200, { id: found.chatId, chatType: 'oneOnOne', tenantId: 'tenant' });
      }
      if (req.method === 'GET') {
        const wanted = /^teamsApp\/id eq '([^']+)'$/.exec(url.searchParams.get('$filter') ?? '')?.[1];
        const value = [...user.installed]
          .filter(([, i]) => !wanted || i.teamsAppId === wanted)
          .map(([id, i]) => ({ id, teamsApp: { id: i.teamsAppId, distributionMethod: 'organization' } }));
        return json(res, 200, { '@odata.context': `${base}/v1.0/$metadata`, value });
      }
      fail(res, 405, 'MethodNotAllowed', 'Method not allowed.');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url: base,
    close: async () => {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** A user as Graph knows them, with no apps yet unless given. */
export function graphUser(extra: Partial<FakeUser> = {}): FakeUser {
  return { installed: new Map(), ...extra };
}
