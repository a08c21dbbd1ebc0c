/**
 * A stand-in for Microsoft's Bot Connector service (which cannot run here), on loopback. It speaks
 * the same REST API and misbehaves the way the real one does when asked: 429 with Retry-After,
 * 5xx, 401 and 403, 400 and 413, requests that never answer, and answers lost after the message
 * was taken. It can enforce Teams' ceiling of requests a second for the app (answering 429 beyond
 * it) and the per-conversation limits (7 a second, 8 in 2 seconds, 60 in 30 seconds), counting
 * those 429s apart from the ones it was asked to inject.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { status: 429; retryAfter: string }
  | { status: 400 | 401 | 403 | 404 | 408 | 412 | 413 | 500 | 502 | 503 | 504; body?: unknown }
  /** No answer, and the message is not taken. */
  | 'hang'
  /** The message is taken, and then the connection drops before the answer. */
  | 'lost-answer';

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
  /** When each request arrived (epoch ms), throttled or not. */
  arrivals: number[];
  /** Every 429 answered. */
  throttled: number;
  /** 429s for going over the app's ceiling. */
  ceilingThrottled: number;
  /** 429s for going over one conversation's limits. */
  conversationThrottled: number;
  /** Conversations whose message was taken but whose answer was lost. */
  lostAnswers: string[];
  /** Faults answered in order, before normal service resumes. */
  faults: Fault[];
  /** Per conversation, faults answered to that conversation only. */
  faultsFor: Map<string, Fault[]>;
  /** Asked of every request that has no queued fault: a fault to answer, or undefined. */
  chaos: ((conversationId: string, request: number) => Fault | undefined) | undefined;
  /** Called when a message is taken, before the answer goes (an answer can be held back). */
  onTaken: ((received: Received, answer: () => void) => void) | undefined;
  ceilingPerSecond: number | undefined;
  close(): Promise<void>;
}

export const CONVERSATION_LIMITS = [
  { count: 7, ms: 1000 },
  { count: 8, ms: 2000 },
  { count: 60, ms: 30_000 },
];

interface Options {
  ceilingPerSecond?: number;
  /** Every Nth request gets a 429 (Retry-After 1), as under real load. */
  throttleEvery?: number;
  /** Enforce Teams' per-conversation limits. */
  conversationLimits?: boolean;
}

function answerFault(res: ServerResponse, fault: Exclude<Fault, 'hang' | 'lost-answer'>) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (fault.status === 429) headers['retry-after'] = fault.retryAfter;
  const body =
    'body' in fault && fault.body !== undefined
      ? fault.body
      : fault.status === 403
        ? { error: { code: 'MessageWritesBlocked', message: 'The user has blocked the bot' } }
        : { error: { code: 'ServiceError', message: `fault ${fault.status}` } };
  res.writeHead(fault.status, headers).end(JSON.stringify(body));
}

const tooMany = (res: ServerResponse) =>
  res
    .writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' })
    .end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));

export async function startFakeConnector(options: Options = {}): Promise<FakeConnector> {
  const recent: number[] = [];
  const perConversation = new Map<string, number[]>();
  const hanging = new Set<ServerResponse>();
  const state: Omit<FakeConnector, 'url' | 'close'> = {
    received: [],
    arrivals: [],
    typing: 0,
    requests: 0,
    throttled: 0,
    ceilingThrottled: 0,
    conversationThrottled: 0,
    lostAnswers: [],
    faults: [],
    faultsFor: new Map(),
    chaos: undefined,
    onTaken: undefined,
    ceilingPerSecond: options.ceilingPerSecond,
  };

  /** Teams' own limits: true when this request is over one (and has been answered 429). */
  const overLimits = (conversationId: string, now: number, res: ServerResponse) => {
    while (recent.length && (recent[0] as number) <= now - 1000) recent.shift();
    if (state.ceilingPerSecond !== undefined && recent.length >= state.ceilingPerSecond) {
      state.throttled += 1;
      state.ceilingThrottled += 1;
      tooMany(res);
      return true;
    }
    recent.push(now);
    if (!options.conversationLimits) return false;
    const times = (perConversation.get(conversationId) ?? []).filter((t) => t > now - 30_000);
    perConversation.set(conversationId, times);
    if (CONVERSATION_LIMITS.some((l) => times.filter((t) => t > now - l.ms).length >= l.count)) {
      state.throttled += 1;
      state.conversationThrottled += 1;
      tooMany(res);
      return true;
    }
    times.push(now);
    return false;
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    state.requests += 1;
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      res.writeHead(404).end();
      return;
    }
    const conversationId = decodeURIComponent(match[1] as string);
    const now = Date.now();
    state.arrivals.push(now);
    if (overLimits(conversationId, now, res)) return;
    if (options.throttleEvery && state.requests % options.throttleEvery === 0) {
      state.throttled += 1;
      tooMany(res);
      return;
    }
    const fault =
      state.faultsFor.get(conversationId)?.shift() ??
      state.faults.shift() ??
      state.chaos?.(conversationId, state.requests);
    if (fault === 'hang') {
      hanging.add(res);
      return;
    }
    if (fault && fault !== 'lost-answer') {
      if (fault.status === 429) state.throttled += 1;
      answerFault(res, fault);
      return;
    }
    const id = match[2] ?? randomUUID();
    const activity = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
    if (activity.type === 'typing') {
      state.typing += 1;
    } else {
      const taken = { conversationId, activity, id, at: now };
      state.received.push(taken);
      if (fault === 'lost-answer') {
        state.lostAnswers.push(conversationId);
        res.destroy();
        return;
      }
      const answer = () =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      if (state.onTaken) state.onTaken(taken, answer);
      else answer();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
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

/** Copies of one message beyond the first, over every conversation. */
export function duplicatesIn(received: readonly Received[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of received) counts.set(r.conversationId, (counts.get(r.conversationId) ?? 0) + 1);
  return new Map([...counts].filter(([, n]) => n > 1).map(([c, n]) => [c, n - 1]));
}
