/**
 * Serves Hearth's functions on Node's http server the way the Azure Functions host does:
 * HTTP functions under /api/<route>, and POST /admin/functions/<name> to run a timer or queue
 * function now. Requests become real @azure/functions HttpRequest objects, so the handlers cannot
 * tell the difference.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { HttpResponseInit, Timer } from '@azure/functions';
import { HttpRequest, InvocationContext } from '@azure/functions';
import type { HearthFunction, HttpFunction } from '../app/function-types';

/** Bigger than any handler's own limit, so handlers give the precise answer; this stops abuse. */
const HOST_MAX_BODY_BYTES = 32 * 1024 * 1024;

export type LogLine = (level: string, functionName: string, ...args: unknown[]) => void;

export function invocationContext(
  functionName: string,
  log: LogLine,
  triggerMetadata?: Record<string, unknown>,
): InvocationContext {
  return new InvocationContext({
    functionName,
    invocationId: randomUUID(),
    logHandler: (level, ...args) => log(level, functionName, ...args),
    ...(triggerMetadata ? { triggerMetadata } : {}),
  });
}

/** Matches `/api/...` against a function route with `{param}` segments. */
function matchRoute(route: string, path: string): Record<string, string> | undefined {
  const want = route.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = decodeURIComponent(got[i] as string);
    const param = /^\{(\w+)\??\}$/.exec(w);
    if (param) params[param[1] as string] = g;
    else if (w.toLowerCase() !== g.toLowerCase()) return undefined;
  }
  return params;
}

class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > HOST_MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...headers,
  });
  res.end(text);
}

async function writeResponse(res: ServerResponse, result: HttpResponseInit): Promise<void> {
  const headers: Record<string, string> = {};
  if (result.headers) new Headers(result.headers).forEach((value, key) => (headers[key] = value));
  if (result.jsonBody !== undefined) {
    send(res, result.status ?? 200, result.jsonBody, headers);
    return;
  }
  const body = result.body;
  res.writeHead(result.status ?? 200, headers);
  if (body === undefined || body === null) res.end();
  else if (typeof body === 'string' || body instanceof Uint8Array) res.end(body);
  else
    res.end(Buffer.from(await new Response(body as ConstructorParameters<typeof Response>[0]).arrayBuffer()));
}

function toHttpRequest(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  params: Record<string, string>,
): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  // As Azure's front end does: append the caller's address, so rate limits can tell callers apart.
  const caller = req.socket.remoteAddress;
  if (caller) headers['x-forwarded-for'] = [headers['x-forwarded-for'], caller].filter(Boolean).join(', ');
  return new HttpRequest({
    method: req.method ?? 'GET',
    url: url.toString(),
    headers,
    query: Object.fromEntries(url.searchParams),
    params,
    ...(body.length > 0 ? { body: { bytes: body } } : {}),
  });
}

function timerNow(): Timer {
  const now = new Date().toISOString();
  return {
    isPastDue: false,
    schedule: { adjustForDST: false },
    scheduleStatus: { last: now, next: now, lastUpdated: now },
  };
}

/** Runs a non-HTTP function once, as the Functions host's admin endpoint does. */
export async function runFunctionNow(fn: HearthFunction, input: unknown, log: LogLine): Promise<void> {
  const context = invocationContext(fn.name, log);
  if (fn.kind === 'timer') await fn.handler(timerNow(), context);
  else if (fn.kind === 'queue') await fn.handler(input, context);
  else throw new Error(`${fn.name} is an HTTP function: call its route instead`);
}

/** POST /admin/functions/<name>: runs a timer or queue function now, as the Functions host does. */
async function runAdmin(
  res: ServerResponse,
  fn: HearthFunction | undefined,
  name: string,
  method: string,
  body: Buffer,
  log: LogLine,
): Promise<void> {
  if (method !== 'POST') return send(res, 405, { error: 'Use POST.' }, { allow: 'POST' });
  if (!fn || fn.kind === 'http')
    return send(res, 404, { error: `No timer or queue function called ${name}.` });
  let input: unknown;
  try {
    const parsed = body.length ? (JSON.parse(body.toString('utf8')) as { input?: unknown }) : {};
    input = typeof parsed.input === 'string' ? safeJson(parsed.input) : parsed.input;
  } catch {
    return send(res, 400, { error: 'The body must be JSON like {"input": "..."}.' });
  }
  await runFunctionNow(fn, input, log);
  send(res, 202, undefined);
}

/** /api/<route>: the HTTP function whose route and method match; 405 for a known route, else 404. */
async function runHttp(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
  http: readonly HttpFunction[],
  log: LogLine,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname.slice('/api/'.length);
  let routeMatched = false;
  for (const fn of http) {
    const params = matchRoute(fn.route, path);
    if (!params) continue;
    routeMatched = true;
    if (!fn.methods.includes(method as HttpFunction['methods'][number])) continue;
    const result = await fn.handler(toHttpRequest(req, url, body, params), invocationContext(fn.name, log));
    return writeResponse(res, result);
  }
  if (routeMatched) return send(res, 405, { error: `Method ${method} is not allowed here.` });
  send(res, 404, { error: 'Not found.' });
}

/** Reads the body within the host's limit; answers 413 itself when it is over. */
async function bodyWithinLimit(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  try {
    return await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    send(
      res,
      413,
      { error: `Request bodies are limited to ${HOST_MAX_BODY_BYTES} bytes.` },
      { connection: 'close' },
    );
    req.destroy();
    return undefined;
  }
}

export function createHttpHost(functions: readonly HearthFunction[], log: LogLine): Server {
  const http = functions.filter((f): f is HttpFunction => f.kind === 'http');
  const byName = new Map(functions.map((f) => [f.name.toLowerCase(), f]));
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const body = await bodyWithinLimit(req, res);
    if (!body) return;
    const admin = /^\/admin\/functions\/([^/]+)\/?$/.exec(url.pathname);
    if (admin) {
      const name = decodeURIComponent(admin[1] as string);
      return runAdmin(
        res,
        byName.get(name.toLowerCase()),
        name,
        (req.method ?? 'GET').toUpperCase(),
        body,
        log,
      );
    }
    if (url.pathname.startsWith('/api/')) return runHttp(req, res, url, body, http, log);
    send(res, 404, { error: 'Not found.' });
  };
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log('error', 'host', 'unhandled error', error instanceof Error ? error.stack : String(error));
      if (!res.headersSent)
        send(res, 500, { error: 'Something went wrong on our side. It has been logged.' });
      else res.end();
    });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
