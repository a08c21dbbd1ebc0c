/**
 * The family pages' routes, independent of who hosts them: `GET /api/f/<token>` (start),
 * `GET|POST /api/f/<token>/<question>` and `GET|POST /api/f/<token>/check`. Limits and the CSRF
 * check come before anything touches the store; every link that cannot be answered gets the same
 * kind page, whatever the reason, in the language the browser asked for.
 */
import { isWellFormedToken } from '../domain/feedback-links';
import { findQuestion, questionsFor } from '../domain/feedback-questions';
import type { FeedbackLink, Language } from '../domain/feedback-types';
import { isLanguage } from '../domain/feedback-types';
import type { FeedbackDeps } from '../services/feedback/deps';
import { openFeedbackLink } from '../services/feedback/open-link';
import { saveAnswerOnLink } from '../services/feedback/save-answer';
import { submitFeedback } from '../services/feedback/submit-response';
import { hashToken } from '../services/feedback/tokens';
import { ASSET_ROUTE_PREFIX, stylesheet } from './assets';
import { checkCsrfToken, issueCsrfToken } from './csrf';
import type { PageContext, SurveySite } from './page-models';
import { textOf } from './page-models';
import type { RequestLimiter } from './request-limits';
import { PER_ADDRESS, PER_LINK, createRequestLimiter } from './request-limits';
import { NO_STORE, securityHeaders } from './security-headers';
import { parseAnswerForm, parseSendForm } from './survey-forms';
import type { MessageKind } from './survey-pages';
import { checkPage, messagePage, questionPage, startPage, thanksPage } from './survey-pages';

export interface SurveyWebDeps extends FeedbackDeps {
  site: SurveySite;
  csrfSecret: string;
  production: boolean;
  limits?: { perLink: RequestLimiter; perAddress: RequestLimiter };
}

export interface SurveyRequest {
  method: 'GET' | 'POST';
  token: string;
  step: string | undefined;
  query: URLSearchParams;
  /** The url-encoded body of a POST; 'too-large' when it was over the limit. */
  form: URLSearchParams | 'too-large' | undefined;
  clientAddress: string;
  acceptLanguage: string | null;
}

export interface SurveyResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The first of our languages the browser lists, else English. */
export function preferredLanguage(acceptLanguage: string | null): Language {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
    if (isLanguage(code)) return code;
  }
  return 'en';
}

export function createSurveyWeb(deps: SurveyWebDeps) {
  const limits = deps.limits ?? {
    perLink: createRequestLimiter(PER_LINK),
    perAddress: createRequestLimiter(PER_ADDRESS),
  };
  const cssHref = () => `${ASSET_ROUTE_PREFIX}${stylesheet(deps.site.brandColour).name}`;
  const headers = (language: Language) => ({
    ...securityHeaders({ production: deps.production }),
    ...NO_STORE,
    'content-type': 'text/html; charset=utf-8',
    'content-language': language,
  });
  const html = (ctx: PageContext, status: number, body: string, extra: Record<string, string> = {}) => ({
    status,
    headers: { ...headers(ctx.language), ...extra },
    body,
  });
  const redirect = (ctx: PageContext, location: string): SurveyResponse => ({
    status: 303,
    headers: { ...headers(ctx.language), location },
    body: '',
  });
  const message = (ctx: PageContext, status: number, kind: MessageKind, extra: Record<string, string> = {}) =>
    html(ctx, status, messagePage(ctx, kind, `/api/f/${ctx.token}${ctx.step ? `/${ctx.step}` : ''}`), extra);

  /** A store that does not answer gets the family a kind "wait a moment" page, never a stack trace. */
  async function handle(req: SurveyRequest): Promise<SurveyResponse> {
    try {
      return await route(req);
    } catch (error) {
      deps.log?.('feedback: page failed', { error: error instanceof Error ? error.name : 'unknown' });
      const ctx = contextFor(req);
      return message(ctx, 503, 'busy', { 'retry-after': '30' });
    }
  }

  function contextFor(req: SurveyRequest): PageContext {
    const requested = req.query.get('lang');
    return {
      language: isLanguage(requested) ? requested : preferredLanguage(req.acceptLanguage),
      token: req.token,
      linkLanguage: undefined,
      site: deps.site,
      cssHref: cssHref(),
      step: req.step,
      returnToCheck: req.query.get('return') === 'check',
    };
  }

  async function route(req: SurveyRequest): Promise<SurveyResponse> {
    const now = deps.now();
    const requested = req.query.get('lang');
    const ctx = contextFor(req);
    const wellFormed = isWellFormedToken(req.token);
    const tokenHash = wellFormed ? hashToken(req.token) : 'malformed';
    for (const [limiter, key] of [
      [limits.perAddress, req.clientAddress],
      [limits.perLink, tokenHash],
    ] as const) {
      const taken = limiter.take(key, now.getTime());
      if (!taken.ok) return message(ctx, 429, 'busy', { 'retry-after': String(taken.retryAfterSeconds) });
    }
    if (!wellFormed) return message(ctx, 200, 'closed');

    if (req.method === 'POST') {
      if (req.form === 'too-large') return message(ctx, 413, 'tooLarge');
      const form = req.form ?? new URLSearchParams();
      if (checkCsrfToken(deps.csrfSecret, tokenHash, parseSendForm(form).csrf, now) !== 'ok')
        return message(ctx, 403, 'retry');
    }
    const opened = await openFeedbackLink(deps, req.token);
    if (opened.state !== 'ok') return message(ctx, 200, 'closed');
    const link = opened.link;
    if (!isLanguage(requested)) ctx.language = link.language;
    ctx.linkLanguage = link.language;
    const csrf = issueCsrfToken(deps.csrfSecret, tokenHash, now);

    if (req.step === undefined) return html(ctx, 200, startPage(ctx, link));
    if (req.step === 'check') {
      if (req.method === 'GET')
        return html(ctx, 200, checkPage(ctx, link, link.draft?.answers ?? {}, { csrf }));
      return send(ctx, link, csrf);
    }
    const question = findQuestion(link.audience, req.step);
    if (!question) return redirect(ctx, `/api/f/${req.token}`);
    if (req.method === 'GET') {
      const value = link.draft?.answers[question.id];
      return html(ctx, 200, questionPage(ctx, link, question, { value, csrf }));
    }
    const parsed = parseAnswerForm(
      question,
      req.form instanceof URLSearchParams ? req.form : new URLSearchParams(),
    );
    if (!parsed.ok) {
      const error =
        parsed.problem.kind === 'too-long'
          ? textOf(ctx, 'error.tooLong', { max: parsed.problem.max, length: parsed.problem.length })
          : textOf(ctx, 'error.choose');
      return html(ctx, 400, questionPage(ctx, link, question, { value: parsed.typed, error, csrf }));
    }
    const saved = await saveAnswerOnLink(
      deps,
      link,
      { questionId: question.id, value: parsed.value },
      opened.etag,
    );
    if (saved.state === 'invalid' || saved.state === 'no-such-question')
      return html(
        ctx,
        400,
        questionPage(ctx, link, question, { value: undefined, error: textOf(ctx, 'error.choose'), csrf }),
      );
    if (saved.state !== 'saved') return message(ctx, 200, 'closed');
    return redirect(ctx, nextUrl(ctx, link, question.id));
  }

  async function send(ctx: PageContext, link: FeedbackLink, csrf: string): Promise<SurveyResponse> {
    const outcome = await submitFeedback(deps, { token: ctx.token, language: ctx.language });
    if (outcome.state === 'incomplete')
      return html(
        ctx,
        400,
        checkPage(ctx, outcome.link, outcome.link.draft?.answers ?? {}, { csrf, missing: outcome.missing }),
      );
    if (outcome.state !== 'submitted') return message(ctx, 200, 'closed');
    return html(ctx, 200, thanksPage(ctx, link, outcome.screening));
  }

  return { handle };
}

function nextUrl(ctx: PageContext, link: FeedbackLink, questionId: string): string {
  const questions = questionsFor(link.audience);
  const index = questions.findIndex((q) => q.id === questionId);
  const next = ctx.returnToCheck ? 'check' : (questions[index + 1]?.id ?? 'check');
  const query = new URLSearchParams();
  if (ctx.language !== link.language) query.set('lang', ctx.language);
  return `/api/f/${ctx.token}/${next}${query.size ? `?${query.toString()}` : ''}`;
}

export type SurveyWeb = ReturnType<typeof createSurveyWeb>;
