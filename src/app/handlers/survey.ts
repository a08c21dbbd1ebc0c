/**
 * The family feedback pages as HTTP functions: `GET /api/f/{token}`, `GET|POST /api/f/{token}/{step}`
 * and the fingerprinted stylesheet at `GET /api/f-assets/{name}`. This file only translates
 * requests; src/web/ decides. The submitted hook is where the Teams side plugs in.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { FeedbackSubmittedHook } from '../../services/feedback/deps';
import { doNothingOnSubmitted } from '../../services/feedback/deps';
import { pickEncoding, stylesheet } from '../../web/assets';
import { clientAddress } from '../../web/request-limits';
import { NO_STORE, securityHeaders } from '../../web/security-headers';
import { MAX_FORM_BYTES } from '../../web/survey-forms';
import type { SurveyRequest, SurveyWeb, SurveyWebDeps } from '../../web/survey-web';
import { createSurveyWeb } from '../../web/survey-web';
import type { HttpFunction } from '../function-types';
import type { Services } from '../services';
import { services } from '../services';

/** What runs after a family sends their answers. The Teams side replaces this (see README). */
export type SubmittedHookFactory = (services: Services) => FeedbackSubmittedHook;
export const defaultSubmittedHook: SubmittedHookFactory = () => doNothingOnSubmitted;

export function surveyWebFor(
  s: Services,
  hookFor: SubmittedHookFactory = defaultSubmittedHook,
  limits?: SurveyWebDeps['limits'],
): SurveyWeb {
  return createSurveyWeb({
    ...(limits ? { limits } : {}),
    feedback: s.store.feedback,
    now: s.now,
    onSubmitted: hookFor(s),
    site: s.config.feedback,
    csrfSecret: s.config.feedback.csrfSecret,
    production: s.config.mode === 'production',
  });
}

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

/**
 * The three functions, with the hook the Teams side provides (tests pass their own). `limits`
 * replaces the rate limits, for the benchmark's thousands of requests from one address.
 */
export function createSurveyFunctions(
  hookFor: SubmittedHookFactory = defaultSubmittedHook,
  options: { limits?: SurveyWebDeps['limits'] } = {},
) {
  const webs = new WeakMap<Services, SurveyWeb>();
  const webFor = (s: Services) => {
    let web = webs.get(s);
    if (!web) {
      web = surveyWebFor(s, hookFor, options.limits);
      webs.set(s, web);
    }
    return web;
  };
  async function page(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
    const s = await services();
    const response = await webFor(s).handle(await toSurveyRequest(request));
    if (response.status >= 500) context.warn('survey: page answered', response.status);
    return response;
  }
  const start: HttpFunction = {
    kind: 'http',
    name: 'survey-start',
    route: 'f/{token}',
    methods: ['GET'],
    handler: page,
  };
  const step: HttpFunction = {
    kind: 'http',
    name: 'survey-step',
    route: 'f/{token}/{step}',
    methods: ['GET', 'POST'],
    handler: page,
  };
  const assets: HttpFunction = {
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
  return { start, step, assets };
}

export const surveyFunctions = createSurveyFunctions();
export const surveyStartFunction = surveyFunctions.start;
export const surveyStepFunction = surveyFunctions.step;
export const surveyAssetsFunction = surveyFunctions.assets;
