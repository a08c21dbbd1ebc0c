/**
 * A stand-in for Microsoft's Bot Connector service (which cannot run here), on loopback. It speaks
 * the same REST API and misbehaves the way the real one does when asked: 429 with Retry-After,
 * 503, 403 MessageWritesBlocked, and requests that never answer. It can also enforce a ceiling of
 * requests a second, answering 429 beyond it, as Teams does.
 */
import { randomUUID } from 'node:crypto';
import type { Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { status: 429; retryAfter: string }
  | { status: 403 | 404 | 400 | 412 | 500 | 502 | 503 | 504; body?: unknown }
  | 'hang';

export interface Received {
  conversationId: string;
  activity: Record<string, unknown>;
  id: string;
  at: number;
}

export interface FakeConnector {
  url: string;
  /** Messages delivered, in order. Typing indicators are not messages: they are only counted. */
  received: Received[];
  typing: number;
  requests: number;
  throttled: number;
  /** Faults answered in order, before normal service resumes. */
  faults: Fault[];
  /** Per conversation, faults answered to that conversation only. */
  faultsFor: Map<string, Fault[]>;
  ceilingPerSecond: number | undefined;
  close(): Promise<void>;
}

export async function startFakeConnector(
  /** `throttleEvery`: every Nth request gets a 429, as under real load. */
  options: { ceilingPerSecond?: number; throttleEvery?: number } = {},
): Promise<FakeConnector> {
  const recent: number[] = [];
  const hanging = new Set<ServerResponse>();
  const state: Omit<FakeConnector, 'url' | 'close'> = {
    received: [],
    typing: 0,
    requests: 0,
    throttled: 0,
    faults: [],
    faultsFor: new Map(),
    ceilingPerSecond: options.ceilingPerSecond,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests += 1;
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.writeHead(404).end();
        return;
      }
      const conversationId = decodeURIComponent(match[1] as string);
      const now = Date.now();
      while (recent.length && (recent[0] as number) <= now - 1000) recent.shift();
      if (state.ceilingPerSecond !== undefined && recent.length >= state.ceilingPerSecond) {
        state.throttled += 1;
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
        return;
      }
      recent.push(now);
      if (options.throttleEvery && state.requests % options.throttleEvery === 0) {
        state.throttled += 1;
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
        return;
      }
      const fault = state.faultsFor.get(conversationId)?.shift() ?? state.faults.shift();
      if (fault === 'hang') {
        hanging.add(res);
        return;
      }
      if (fault) {
        if (fault.status === 429) state.throttled += 1;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.status === 429) headers['retry-after'] = fault.retryAfter;
        const body =
          'body' in fault && fault.body !== undefined
            ? fault.body
            : fault.status === 403
              ? { error: { code: 'MessageWritesBlocked', message: 'The user has blocked the bot' } }
              : { error: { code: 'ServiceError', message: `fault ${fault.status}` } };
        res.writeHead(fault.status, headers).end(JSON.stringify(body));
        return;
      }
      const id = match[2] ?? randomUUID();
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      if (activity.type === 'typing') state.typing += 1;
      else state.received.push({ conversationId, activity, id, at: now });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake = state as FakeConnector;
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
