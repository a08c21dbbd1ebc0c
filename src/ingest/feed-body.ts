/**
 * Reading a feed request's body: UTF-8 JSON of at most the configured size, holding
 * `{ "records": [...] }` of at most 20,000 records. Each problem is an HttpError saying what to send
 * instead (a byte that is not UTF-8 is named by line, never silently replaced).
 */
import type { HttpRequest } from '@azure/functions';
import { HttpError } from '../util/http-error';
import { firstInvalidUtf8, lineAt } from './utf8';

export const MAX_RECORDS_PER_BATCH = 20_000;

export async function readJson(request: HttpRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  const tooLarge = () =>
    new HttpError(413, `The batch is larger than ${maxBytes} bytes. Send it in smaller batches.`);
  if (declared > maxBytes) throw tooLarge();
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'Send the batch as JSON with Content-Type: application/json.');
  }
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > maxBytes) throw tooLarge();
  const body = new Uint8Array(bytes);
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    throw new HttpError(
      400,
      `The body is not valid UTF-8 (line ${lineAt(body, bad)}, byte ${bad}). Send the batch as UTF-8 JSON.`,
    );
  }
  const text = new TextDecoder('utf-8').decode(body);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The body is not valid JSON: ${(error as Error).message}`);
  }
}

export function recordsOf(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('records' in body)) {
    throw new HttpError(400, 'The body must be an object with a "records" array.');
  }
  const { records } = body;
  if (!Array.isArray(records)) throw new HttpError(400, '"records" must be an array.');
  if (records.length === 0) throw new HttpError(400, '"records" is empty: there is nothing to write.');
  if (records.length > MAX_RECORDS_PER_BATCH) {
    throw new HttpError(
      413,
      `A batch holds at most ${MAX_RECORDS_PER_BATCH} records; this one has ${records.length}.`,
    );
  }
  return records;
}
