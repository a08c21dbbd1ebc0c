/**
 * How a failed send is handled, as the platform requires: 429 waits for Retry-After; 412, 502,
 * 503, 504 and timeouts back off exponentially with jitter up to a cap; 403 MessageWritesBlocked
 * means the person has blocked or removed the bot, so they are marked unreachable and never retried.
 */
export type SendFailure =
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'transient'; reason: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'permanent'; reason: string };

export class SendTimeoutError extends Error {
  override name = 'SendTimeoutError';
}

const TRANSIENT = new Set([408, 412, 500, 502, 503, 504]);

interface ErrorLike {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
  response?: {
    headers?: { get?(name: string): string | undefined } | Record<string, string>;
    bodyAsText?: string;
  };
  body?: unknown;
}

function header(error: ErrorLike, name: string): string | undefined {
  const headers = error.response?.headers;
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | undefined }).get(name) ?? undefined;
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

export function classify(error: unknown): SendFailure {
  if (error instanceof SendTimeoutError) return { kind: 'transient', reason: 'timeout' };
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { kind: 'transient', reason: 'timeout' };
  }
  if (error instanceof TypeError && /fetch failed/i.test(error.message))
    return { kind: 'transient', reason: 'network' };
  const e = (error ?? {}) as ErrorLike;
  const status = e.statusCode ?? e.status;
  const body = `${e.response?.bodyAsText ?? ''} ${e.message ?? ''} ${e.code ?? ''}`;
  if (status === 429) return { kind: 'throttled', retryAfterMs: retryAfterMs(header(e, 'retry-after')) };
  if (status === 403 && /MessageWritesBlocked|ConversationBlockedByUser|BotDisabledByAdmin/i.test(body)) {
    return { kind: 'unreachable', reason: '403 MessageWritesBlocked' };
  }
  if (status === 404 && /ConversationNotFound|BotNotInConversationRoster/i.test(body)) {
    return { kind: 'unreachable', reason: '404 conversation not found' };
  }
  if (status !== undefined && TRANSIENT.has(status)) return { kind: 'transient', reason: `HTTP ${status}` };
  if (status === undefined && /ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket hang up|EPIPE|timeout/i.test(body)) {
    return { kind: 'transient', reason: 'network' };
  }
  return { kind: 'permanent', reason: status ? `HTTP ${status}` : 'unexpected error' };
}

/** Full jitter: a random wait up to the exponential step, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}
