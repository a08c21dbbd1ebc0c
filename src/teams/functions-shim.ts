/**
 * Bridges an Azure Functions v4 HttpRequest to the express-like request and response that
 * botbuilder's CloudAdapter.process expects. Invoke answers (card actions) are objects, so they
 * come back as `jsonBody`.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

export interface ShimRequest {
  body: unknown;
  headers: Record<string, string>;
  method: string;
}

export interface ShimResponse {
  socket: unknown;
  header(name: string, value: unknown): ShimResponse;
  status(code: number): ShimResponse;
  send(body?: unknown): ShimResponse;
  end(): ShimResponse;
  toResponse(): HttpResponseInit;
}

export async function shimRequest(request: HttpRequest): Promise<ShimRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => (headers[key] = value));
  const text = await request.text();
  return { body: text ? (JSON.parse(text) as unknown) : {}, headers, method: request.method };
}

export function shimResponse(): ShimResponse {
  let status = 200;
  let body: unknown;
  const headers: Record<string, string> = {};
  const res: ShimResponse = {
    socket: undefined,
    header(name, value) {
      headers[name.toLowerCase()] = String(value);
      return res;
    },
    status(code) {
      status = code;
      return res;
    },
    send(value) {
      body = value;
      return res;
    },
    end() {
      return res;
    },
    toResponse() {
      if (body === undefined || body === null || body === '') return { status, headers };
      if (typeof body === 'string' || Buffer.isBuffer(body)) return { status, headers, body: body as string };
      return { status, headers, jsonBody: body };
    },
  };
  return res;
}
