/**
 * Maps errors that know their HTTP status to responses, at the edge only.
 */
import type { HttpResponseInit } from '@azure/functions';
import type { HttpError } from '../util/http-error';

export function errorResponse(error: HttpError): HttpResponseInit {
  return { status: error.status, headers: error.headers, jsonBody: { error: error.message } };
}
