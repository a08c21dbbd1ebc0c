/**
 * View models for the family pages: every word comes from the catalogue of the page's language,
 * every value is plain text (the templates escape it), and every page carries the safety numbers
 * and the language switcher.
 */
import type { Question } from '../domain/feedback-questions';
import { OPTION_SETS, questionsFor } from '../domain/feedback-questions';
import type { AnswerValue, Answers, Audience, FeedbackLink, Language } from '../domain/feedback-types';
import { LANGUAGES } from '../domain/feedback-types';
import type { MessageKey, MessageParams } from '../text/survey/catalogues';
import { CATALOGUES, translate } from '../text/survey/catalogues';

export interface SurveySite {
  councilName: string;
  brandColour: string;
  frontDoorPhone: string;
  outOfHoursPhone: string;
}

export const CHILDLINE = '0800 1111';
export const NSPCC = '0808 800 5000';
export const EMERGENCY = '999';

export interface PageContext {
  language: Language;
  token: string;
  /** The link's own language, when the link is open; URLs name the language only when it differs. */
  linkLanguage: Language | undefined;
  site: SurveySite;
  cssHref: string;
  /** The GET address of this page without its language, for the switcher. */
  step: string | undefined;
  returnToCheck: boolean;
}

export const keyOf = (key: string) => key as MessageKey;

export function textOf(ctx: PageContext, key: string, params: MessageParams = {}): string {
  return translate(ctx.language, keyOf(key), { council: ctx.site.councilName, ...params });
}

export function stepUrl(
  ctx: PageContext,
  step: string | undefined,
  options: { language?: Language; returnToCheck?: boolean } = {},
): string {
  const language = options.language ?? ctx.language;
  const query = new URLSearchParams();
  if (language !== (ctx.linkLanguage ?? 'en')) query.set('lang', language);
  if (options.returnToCheck) query.set('return', 'check');
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `/api/f/${ctx.token}${step ? `/${step}` : ''}${search}`;
}

interface PhoneLine {
  before: string;
  number: string;
  tel: string;
  after: string;
  strong: boolean;
}

function phoneLine(ctx: PageContext, key: string, number: string, strong = false): PhoneLine {
  const [before = '', after = ''] = textOf(ctx, key).split('{phone}');
  return { before, number, tel: number.replace(/[^\d+]/g, ''), after, strong };
}

export function safetyModel(ctx: PageContext) {
  return {
    title: textOf(ctx, 'safety.title'),
    notWatched: textOf(ctx, 'safety.notWatched'),
    lines: [
      phoneLine(ctx, 'safety.danger', EMERGENCY, true),
      phoneLine(ctx, 'safety.childline', CHILDLINE),
      phoneLine(ctx, 'safety.nspcc', NSPCC),
      phoneLine(ctx, 'safety.frontDoor', ctx.site.frontDoorPhone),
      phoneLine(ctx, 'safety.outOfHours', ctx.site.outOfHoursPhone),
    ],
  };
}

export interface PageError {
  text: string;
  href: string;
}

export function layoutModel(
  ctx: PageContext,
  title: string,
  options: { back?: string | undefined; errors?: PageError[] } = {},
) {
  const catalogue = CATALOGUES[ctx.language];
  return {
    lang: ctx.language,
    dir: catalogue.dir,
    title,
    councilName: ctx.site.councilName,
    brandColour: ctx.site.brandColour,
    serviceName: textOf(ctx, 'site.serviceName'),
    cssHref: ctx.cssHref,
    skipLink: textOf(ctx, 'site.skipLink'),
    languageNav: {
      ariaLabel: textOf(ctx, 'site.languageNav'),
      items: LANGUAGES.map((language) => ({
        text: CATALOGUES[language].name,
        lang: language,
        dir: CATALOGUES[language].dir,
        current: language === ctx.language,
        href: stepUrl(ctx, ctx.step, { language, returnToCheck: ctx.returnToCheck }),
      })),
    },
    back: options.back ? { href: options.back, text: textOf(ctx, 'site.back') } : undefined,
    errors: options.errors ?? [],
    errorTitle: textOf(ctx, 'site.errorSummaryTitle'),
    errorPrefix: textOf(ctx, 'site.errorPrefix'),
    footer: textOf(ctx, 'site.footer'),
    safety: safetyModel(ctx),
  };
}

export function questionTitle(ctx: PageContext, audience: Audience, question: Question): string {
  return textOf(ctx, `q.${audience}.${question.id}`);
}

function hintFor(ctx: PageContext, question: Question): string | undefined {
  if (question.kind === 'text')
    return `${textOf(ctx, `hint.${question.id}`)} ${textOf(ctx, 'site.textHint', { max: question.maxLength })}`;
  if (question.kind === 'consent') return textOf(ctx, 'hint.share');
  if (question.worryOptions) return textOf(ctx, 'hint.unsafe');
  return undefined;
}

/** The words for a stored answer, as the check page shows it. */
export function answerText(
  ctx: PageContext,
  question: Question,
  value: AnswerValue | undefined,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (question.kind === 'choice') return textOf(ctx, `opt.${question.options}.${String(value)}`);
  if (question.kind === 'consent')
    return textOf(ctx, value === true ? 'check.consentYes' : 'check.consentNo');
  return typeof value === 'string' ? value : undefined;
}

export function questionModel(
  ctx: PageContext,
  link: FeedbackLink,
  question: Question,
  state: { value: unknown; error?: string },
) {
  const questions = questionsFor(link.audience);
  const index = questions.findIndex((q) => q.id === question.id);
  const options =
    question.kind === 'choice'
      ? OPTION_SETS[question.options].map((o, i) => ({
          id: i === 0 ? 'answer' : `answer-${i + 1}`,
          value: o.id,
          text: textOf(ctx, `opt.${question.options}.${o.id}`),
          checked: state.value === o.id,
          face: 'face' in o ? o.face : undefined,
          faceLabel: 'face' in o ? textOf(ctx, `face.${o.face}`) : undefined,
        }))
      : [];
  return {
    kind: question.kind,
    faces: options.some((o) => o.face),
    child: link.audience === 'child',
    title: questionTitle(ctx, link.audience, question),
    caption: textOf(ctx, 'site.progress', { number: index + 1, total: questions.length }),
    hint: hintFor(ctx, question),
    error: state.error,
    options,
    value: typeof state.value === 'string' ? state.value : '',
    checked: state.value === true,
    consentLabel: textOf(ctx, 'consent.label'),
    continueText: textOf(ctx, 'site.continue'),
  };
}

export function checkRows(ctx: PageContext, link: FeedbackLink, answers: Answers) {
  return questionsFor(link.audience).map((question) => ({
    id: question.id,
    key: questionTitle(ctx, link.audience, question),
    value: answerText(ctx, question, answers[question.id]),
    href: stepUrl(ctx, question.id, { returnToCheck: true }),
  }));
}
