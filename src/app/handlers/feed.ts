/**
 * POST /api/feed: a JSON batch of teams, people, children and events from the case management
 * system. The body is `{ "records": [ { "type": "child", ... }, ... ] }`. Add `?acceptValid=true`
 * to write the good records of a batch that has some bad ones; otherwise a bad record stops the
 * whole batch and nothing is written.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { feedAuthorizer } from '../../ingest/feed-auth';
import { ingest } from '../../ingest/ingest';
import type { HttpFunction } from '../function-types';
import { HttpError } from '../../util/http-error';
import { errorResponse } from '../http-errors';
import { services } from '../services';

export const MAX_RECORDS_PER_BATCH = 20_000;

async function readJson(request: HttpRequest, maxBytes: number): Promise<unknown> {
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
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The body is not valid JSON: ${(error as Error).message}`);
  }
}

function recordsOf(body: unknown): unknown[] {
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

export const feedFunction: HttpFunction = {
  kind: 'http',
  name: 'feed',
  route: 'feed',
  methods: ['POST'],
  async handler(request, context): Promise<HttpResponseInit> {
    try {
      const { config, store, now } = await services();
      const caller = await feedAuthorizer(config.feed).authorize(request, (reason, ids) =>
        context.warn('feed: refused', { reason, ...ids, invocationId: context.invocationId }),
      );
      const records = recordsOf(await readJson(request, config.feed.maxBytes));
      const acceptValid = request.query.get('acceptValid') === 'true';
      let result;
      try {
        result = await ingest(store, records, { acceptValid, actor: 'feed', now: now() });
      } catch (error) {
        context.error('feed: store write failed', {
          invocationId: context.invocationId,
          error: String(error),
        });
        throw new HttpError(
          503,
          'The store did not answer while writing. Records are written whole and idempotently: send the same batch again.',
          { 'retry-after': '30' },
          { cause: error },
        );
      }
      context.log('feed: batch processed', {
        caller: caller.kind === 'entra' ? caller.appId : 'feed-key',
        accepted: result.accepted,
        rejected: result.rejected,
        written: result.written,
      });
      return {
        status: result.written ? 200 : 422,
        jsonBody: {
          written: result.written,
          accepted: result.accepted,
          rejected: result.rejected,
          ...(result.written
            ? {}
            : {
                message:
                  'Nothing was written. Fix the rejected records, or add ?acceptValid=true to write the rest.',
              }),
          records: result.outcomes,
        },
      };
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      throw error;
    }
  },
};
