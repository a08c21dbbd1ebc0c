/**
 * The family pages' routes, independent of who hosts them: `GET /api/f/<token>` (start),
 * `GET|POST /api/f/<token>/<question>` and `GET|POST /api/f/<token>/check`. Limits and the CSRF
 * check come before anything touches the store; every link that cannot be answered gets the same
 * kind page, whatever the reason, in the language the browser asked for.
 */
import { isWellFormedToken } from '../domain/feedback-links';
import type { Question } from '../domain/feedback-questions';
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

/** The pages' request handling; one per process, since it holds the rate this.limits. */
class SurveyPages {
  private readonly limits: NonNullable<SurveyWebDeps['limits']>;
  private readonly respond: ReturnType<typeof responder>;

  constructor(private readonly deps: SurveyWebDeps) {
    this.limits = deps.limits ?? {
      perLink: createRequestLimiter(PER_LINK),
      perAddress: createRequestLimiter(PER_ADDRESS),
    };
    this.respond = responder(deps.production);
  }

  private contextFor(req: SurveyRequest): PageContext {
    const requested = req.query.get('lang');
    return {
      language: isLanguage(requested) ? requested : preferredLanguage(req.acceptLanguage),
      token: req.token,
      linkLanguage: undefined,
      site: this.deps.site,
      cssHref: `${ASSET_ROUTE_PREFIX}${stylesheet(this.deps.site.brandColour).name}`,
      step: req.step,
      returnToCheck: req.query.get('return') === 'check',
    };
  }

  /** Limits, then the form's CSRF token: both before anything touches the store. */
  private gate(
    req: SurveyRequest,
    ctx: PageContext,
    tokenHash: string,
    now: Date,
  ): SurveyResponse | undefined {
    for (const [limiter, key] of [
      [this.limits.perAddress, req.clientAddress],
      [this.limits.perLink, tokenHash],
    ] as const) {
      const taken = limiter.take(key, now.getTime());
      if (!taken.ok)
        return this.respond.message(ctx, 429, 'busy', { 'retry-after': String(taken.retryAfterSeconds) });
    }
    if (tokenHash === MALFORMED) return this.respond.message(ctx, 200, 'closed');
    if (req.method !== 'POST') return undefined;
    if (req.form === 'too-large') return this.respond.message(ctx, 413, 'tooLarge');
    const csrf = parseSendForm(req.form ?? new URLSearchParams()).csrf;
    if (checkCsrfToken(this.deps.csrfSecret, tokenHash, csrf, now) !== 'ok')
      return this.respond.message(ctx, 403, 'retry');
    return undefined;
  }

  private async route(req: SurveyRequest): Promise<SurveyResponse> {
    const now = this.deps.now();
    const ctx = this.contextFor(req);
    const tokenHash = isWellFormedToken(req.token) ? hashToken(req.token) : MALFORMED;
    const refused = this.gate(req, ctx, tokenHash, now);
    if (refused) return refused;
    const opened = await openFeedbackLink(this.deps, req.token);
    if (opened.state !== 'ok') return this.respond.message(ctx, 200, 'closed');
    const { link, etag } = opened;
    if (!isLanguage(req.query.get('lang'))) ctx.language = link.language;
    ctx.linkLanguage = link.language;
    const csrf = issueCsrfToken(this.deps.csrfSecret, tokenHash, now);

    if (req.step === undefined) return this.respond.html(ctx, 200, startPage(ctx, link));
    if (req.step === 'check') {
      if (req.method === 'POST') return this.send(ctx, link, csrf);
      return this.respond.html(ctx, 200, checkPage(ctx, link, link.draft?.answers ?? {}, { csrf }));
    }
    const question = findQuestion(link.audience, req.step);
    if (!question) return this.respond.redirect(ctx, `/api/f/${req.token}`);
    if (req.method === 'GET') {
      const value = link.draft?.answers[question.id];
      return this.respond.html(ctx, 200, questionPage(ctx, link, question, { value, csrf }));
    }
    const form = req.form instanceof URLSearchParams ? req.form : new URLSearchParams();
    return this.answer(ctx, { link, etag, question, form, csrf });
  }

  private async answer(
    ctx: PageContext,
    input: { link: FeedbackLink; etag: string; question: Question; form: URLSearchParams; csrf: string },
  ): Promise<SurveyResponse> {
    const { link, question, csrf } = input;
    const parsed = parseAnswerForm(question, input.form);
    if (!parsed.ok) {
      const error =
        parsed.problem.kind === 'too-long'
          ? textOf(ctx, 'error.tooLong', { max: parsed.problem.max, length: parsed.problem.length })
          : textOf(ctx, 'error.choose');
      return this.respond.html(
        ctx,
        400,
        questionPage(ctx, link, question, { value: parsed.typed, error, csrf }),
      );
    }
    const saved = await saveAnswerOnLink(
      this.deps,
      link,
      { questionId: question.id, value: parsed.value },
      input.etag,
    );
    if (saved.state === 'invalid' || saved.state === 'no-such-question') {
      const error = textOf(ctx, 'error.choose');
      return this.respond.html(
        ctx,
        400,
        questionPage(ctx, link, question, { value: undefined, error, csrf }),
      );
    }
    if (saved.state !== 'saved') return this.respond.message(ctx, 200, 'closed');
    return this.respond.redirect(ctx, nextUrl(ctx, link, question.id));
  }

  private async send(ctx: PageContext, link: FeedbackLink, csrf: string): Promise<SurveyResponse> {
    const outcome = await submitFeedback(this.deps, { token: ctx.token, language: ctx.language });
    if (outcome.state === 'incomplete') {
      const answers = outcome.link.draft?.answers ?? {};
      return this.respond.html(
        ctx,
        400,
        checkPage(ctx, outcome.link, answers, { csrf, missing: outcome.missing }),
      );
    }
    if (outcome.state !== 'submitted') return this.respond.message(ctx, 200, 'closed');
    return this.respond.html(ctx, 200, thanksPage(ctx, link, outcome.screening));
  }

  /** A store that does not answer gets the family a kind "wait a moment" page, never a stack trace. */
  async handle(req: SurveyRequest): Promise<SurveyResponse> {
    try {
      return await this.route(req);
    } catch (error) {
      this.deps.log?.('feedback: page failed', { error: error instanceof Error ? error.name : 'unknown' });
      return this.respond.message(this.contextFor(req), 503, 'busy', { 'retry-after': '30' });
    }
  }
}

export function createSurveyWeb(deps: SurveyWebDeps) {
  const pages = new SurveyPages(deps);
  return { handle: (req: SurveyRequest) => pages.handle(req) };
}

const MALFORMED = 'malformed';

/** How each kind of answer is sent: HTML with the safety headers, a redirect, a message page. */
function responder(production: boolean) {
  const headers = (language: Language) => ({
    ...securityHeaders({ production }),
    ...NO_STORE,
    'content-type': 'text/html; charset=utf-8',
    'content-language': language,
  });
  const html = (ctx: PageContext, status: number, body: string, extra: Record<string, string> = {}) => ({
    status,
    headers: { ...headers(ctx.language), ...extra },
    body,
  });
  return {
    html,
    redirect: (ctx: PageContext, location: string): SurveyResponse => ({
      status: 303,
      headers: { ...headers(ctx.language), location },
      body: '',
    }),
    message: (ctx: PageContext, status: number, kind: MessageKind, extra: Record<string, string> = {}) =>
      html(
        ctx,
        status,
        messagePage(ctx, kind, `/api/f/${ctx.token}${ctx.step ? `/${ctx.step}` : ''}`),
        extra,
      ),
  };
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
