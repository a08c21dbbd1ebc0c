/**
 * Errors that know their HTTP status, mapped to responses at the edge only. Bodies say what was
 * wrong and what to do; they never echo children's data back.
 */
import type { HttpResponseInit } from '@azure/functions';

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function errorResponse(error: HttpError): HttpResponseInit {
  return { status: error.status, headers: error.headers, jsonBody: { error: error.message } };
}
