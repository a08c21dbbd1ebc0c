/**
 * The family feedback pages as HTTP functions: `GET /api/f/{token}`, `GET|POST /api/f/{token}/{step}`
 * and the fingerprinted stylesheet at `GET /api/f-assets/{name}`. This file only translates
 * requests; src/web/ decides. The pages (with their per-instance rate limits) are built once, in
 * the composition root.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { pickEncoding, stylesheet } from '../../web/assets';
import { clientAddress } from '../../web/request-limits';
import { NO_STORE, securityHeaders } from '../../web/security-headers';
import { MAX_FORM_BYTES } from '../../web/survey-forms';
import type { SurveyRequest, SurveyWeb } from '../../web/survey-web';
import type { HttpFunction } from '../function-types';
import type { Services, ServicesProvider } from '../root';

async function readForm(request: HttpRequest): Promise<SurveyRequest['form']> {
  if (request.method !== 'POST') return undefined;
  if (Number(request.headers.get('content-length') ?? '0') > MAX_FORM_BYTES) return 'too-large';
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get('content-type') ?? ''))
    return new URLSearchParams();
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_FORM_BYTES) return 'too-large';
  return new URLSearchParams(new TextDecoder('utf-8').decode(bytes));
}

async function toSurveyRequest(request: HttpRequest): Promise<SurveyRequest> {
  return {
    method: request.method === 'POST' ? 'POST' : 'GET',
    token: request.params.token ?? '',
    step: request.params.step,
    query: new URLSearchParams(request.query),
    form: await readForm(request),
    clientAddress: clientAddress(request.headers.get('x-forwarded-for')),
    acceptLanguage: request.headers.get('accept-language'),
  };
}

function assetsFunction(services: ServicesProvider): HttpFunction {
  return {
    kind: 'http',
    name: 'survey-assets',
    route: 'f-assets/{name}',
    methods: ['GET'],
    async handler(request) {
      const s = await services();
      const css = stylesheet(s.config.feedback.brandColour);
      const base = securityHeaders({ production: s.config.mode === 'production' });
      if (request.params.name !== css.name)
        return {
          status: 404,
          headers: { ...base, ...NO_STORE, 'content-type': 'text/plain; charset=utf-8' },
          body: 'Not found.',
        };
      const encoding = pickEncoding(request.headers.get('accept-encoding'));
      return {
        status: 200,
        headers: {
          ...base,
          'content-type': css.contentType,
          'cache-control': 'public, max-age=31536000, immutable',
          vary: 'accept-encoding',
          ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
        },
        body: css[encoding],
      };
    },
  };
}

/**
 * The three functions. `webOf` gives the pages for a set of services: the root's by default; tests
 * and the benchmark pass their own (a recording hook, other rate limits).
 */
export function surveyFunctions(
  services: ServicesProvider,
  webOf: (s: Services) => SurveyWeb = (s) => s.surveyWeb(),
): HttpFunction[] {
  async function page(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
    const response = await webOf(await services()).handle(await toSurveyRequest(request));
    if (response.status >= 500) context.warn('survey: page answered', response.status);
    return response;
  }
  return [
    { kind: 'http', name: 'survey-start', route: 'f/{token}', methods: ['GET'], handler: page },
    { kind: 'http', name: 'survey-step', route: 'f/{token}/{step}', methods: ['GET', 'POST'], handler: page },
    assetsFunction(services),
  ];
}
