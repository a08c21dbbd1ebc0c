/** Real @azure/functions request objects for calling handlers in-process. */
import { HttpRequest, InvocationContext } from '@azure/functions';

export function request(
  method: string,
  path: string,
  options: { body?: string | Uint8Array; headers?: Record<string, string> } = {},
): HttpRequest {
  const url = new URL(path, 'http://localhost:7071');
  const body = options.body;
  return new HttpRequest({
    method,
    url: url.toString(),
    headers: options.headers ?? {},
    query: Object.fromEntries(url.searchParams),
    ...(body === undefined ? {} : { body: typeof body === 'string' ? { string: body } : { bytes: body } }),
  });
}

export function context(functionName = 'test'): InvocationContext {
  return new InvocationContext({ functionName, logHandler: () => undefined });
}
