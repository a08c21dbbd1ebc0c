/**
 * What a failed send means, as the platform requires: 429 waits for Retry-After; 408, 412 and 5xx
 * and timeouts are passing faults, retried with capped backoff; 403 MessageWritesBlocked (and a
 * conversation that no longer exists) means the person has blocked or removed the bot; 401 and
 * other 403s are Hearth's own credential or permission fault, retried while someone fixes it;
 * 400, 413 and other 4xx are Teams refusing this message for what it is, which no retry changes.
 *
 * A send is `uncertain` when Teams may have taken it without Hearth hearing back (no answer, a
 * connection dropped after the request went, a gateway timeout): sending again may show it twice.
 */
export type SendFailure =
  | { kind: 'throttled'; reason: string; retryAfterMs: number }
  | { kind: 'transient'; reason: string; uncertain: boolean }
  | { kind: 'credential'; reason: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'refused'; reason: string };

export class SendTimeoutError extends Error {
  override name = 'SendTimeoutError';
}

/** Passing faults where Teams answered, so the message was not taken. */
const TRANSIENT = new Set([408, 412, 500, 502, 503]);
/** Connection errors that mean the request never left, so nothing can have been taken. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/** How @azure/identity says it could not get a token for the bot. */
const CREDENTIAL_ERRORS = new Set([
  'CredentialUnavailableError',
  'AuthenticationError',
  'AggregateAuthenticationError',
]);

interface ErrorLike {
  name?: string;
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
  cause?: { code?: string; message?: string };
  response?: {
    headers?: { get?(name: string): string | undefined | null } | Record<string, string>;
    bodyAsText?: string;
  };
}

function header(error: ErrorLike, name: string): string | undefined {
  const headers = error.response?.headers;
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | undefined | null }).get(name) ?? undefined;
  }
  return (headers as Record<string, string>)[name];
}

/** Retry-After as seconds or an HTTP date, in milliseconds; 1 s when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number {
  if (!value) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - now);
}

function networkFailure(e: ErrorLike): SendFailure | undefined {
  const code = e.cause?.code ?? e.code;
  if (code && NEVER_SENT.has(code)) return { kind: 'transient', reason: 'no connection', uncertain: false };
  const text = `${e.message ?? ''} ${code ?? ''} ${e.cause?.message ?? ''}`;
  if (/fetch failed|ECONNRESET|socket hang up|other side closed|EPIPE|UND_ERR/i.test(text))
    return { kind: 'transient', reason: 'connection lost', uncertain: true };
  return undefined;
}

function httpFailure(status: number, e: ErrorLike): SendFailure {
  const body = `${e.response?.bodyAsText ?? ''} ${e.message ?? ''} ${e.code ?? ''}`;
  if (status === 429) {
    return { kind: 'throttled', reason: 'HTTP 429', retryAfterMs: retryAfterMs(header(e, 'retry-after')) };
  }
  if (status === 403 && /MessageWritesBlocked|ConversationBlockedByUser|BotDisabledByAdmin/i.test(body))
    return { kind: 'unreachable', reason: '403 MessageWritesBlocked' };
  if (status === 404 && /ConversationNotFound|BotNotInConversationRoster/i.test(body))
    return { kind: 'unreachable', reason: '404 conversation not found' };
  if (status === 401) return { kind: 'credential', reason: 'HTTP 401: the bot credentials were refused' };
  if (status === 403) return { kind: 'credential', reason: 'HTTP 403: the bot was refused permission' };
  if (TRANSIENT.has(status)) return { kind: 'transient', reason: `HTTP ${status}`, uncertain: false };
  // A gateway that timed out may have passed the message on before giving up.
  if (status >= 500) return { kind: 'transient', reason: `HTTP ${status}`, uncertain: status === 504 };
  return { kind: 'refused', reason: `HTTP ${status}` };
}

export function classify(error: unknown): SendFailure {
  const e = (error ?? {}) as ErrorLike;
  if (error instanceof SendTimeoutError || e.name === 'TimeoutError' || e.name === 'AbortError')
    return { kind: 'transient', reason: 'timeout', uncertain: true };
  if (e.name && CREDENTIAL_ERRORS.has(e.name))
    return { kind: 'credential', reason: 'no token for the bot identity' };
  if (/no Bot Framework token/i.test(e.message ?? ''))
    return { kind: 'credential', reason: 'no token for the bot identity' };
  const status = e.statusCode ?? e.status;
  if (typeof status === 'number') return httpFailure(status, e);
  // Not an answer from Teams: a dropped connection, or something unexpected on our side, which a
  // later try may get past and which the day's end bounds.
  return networkFailure(e) ?? { kind: 'transient', reason: 'unexpected error', uncertain: false };
}

/**
 * The wait before try number `attempt` (1-based) after passing faults: exponential, capped, with
 * "equal jitter" (half fixed, half random) so that senders spread out but never hammer.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.floor(step / 2 + random() * (step / 2));
}
