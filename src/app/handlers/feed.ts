/**
 * POST /api/feed: a JSON batch of teams, people, children and events from the case management
 * system. The body is `{ "records": [ { "type": "child", ... }, ... ] }`. Add `?acceptValid=true`
 * to write the good records of a batch that has some bad ones; otherwise a bad record stops the
 * whole batch and nothing is written.
 */
import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import { readJson, recordsOf } from '../../ingest/feed-body';
import type { IngestResult } from '../../services/ingest-batch';
import { ingest, StoreFault } from '../../services/ingest-batch';
import { HttpError } from '../../util/http-error';
import type { HttpFunction } from '../function-types';
import { errorResponse } from '../http-errors';
import type { ServicesProvider } from '../root';

function answer(result: IngestResult): HttpResponseInit {
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
}

function storeFault(error: unknown, context: InvocationContext): HttpError {
  context.error('feed: store write failed', { invocationId: context.invocationId, error: String(error) });
  return new HttpError(
    503,
    'The store did not answer while writing. Records are written whole and idempotently: send the same batch again.',
    { 'retry-after': '30' },
    { cause: error },
  );
}

export function feedFunction(services: ServicesProvider): HttpFunction {
  return {
    kind: 'http',
    name: 'feed',
    route: 'feed',
    methods: ['POST'],
    async handler(request, context) {
      try {
        const s = await services();
        const caller = await s.feedAuth.authorize(request, (reason, ids) =>
          context.warn('feed: refused', { reason, ...ids, invocationId: context.invocationId }),
        );
        const records = recordsOf(await readJson(request, s.config.feed.maxBytes));
        const acceptValid = request.query.get('acceptValid') === 'true';
        const result = await ingest(s.store, records, {
          acceptValid,
          actor: 'feed',
          now: s.now(),
          dates: s.config.feed.dates,
        }).catch((error: unknown) => {
          // Only the store failing is worth a resend; anything else is Hearth's fault (500).
          throw error instanceof StoreFault ? storeFault(error, context) : error;
        });
        context.log('feed: batch processed', {
          caller: caller.kind === 'entra' ? caller.appId : 'feed-key',
          accepted: result.accepted,
          rejected: result.rejected,
          written: result.written,
        });
        return answer(result);
      } catch (error) {
        if (error instanceof HttpError) return errorResponse(error);
        throw error;
      }
    },
  };
}
