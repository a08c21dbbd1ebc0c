/**
 * Renders each family page from its view model: start, a question, check your answers, thank you,
 * and the short message pages (link closed, try again, wait a moment, too much at once).
 */
import type { Question } from '../domain/feedback-questions';
import { questionsFor } from '../domain/feedback-questions';
import type { Answers, FeedbackLink, Screening } from '../domain/feedback-types';
import type { PageContext, PageError } from './page-models';
import { checkRows, layoutModel, questionModel, stepUrl, textOf } from './page-models';
import { renderView } from './views';

export function startPage(ctx: PageContext, link: FeedbackLink): string {
  const audience = link.audience;
  const first = questionsFor(audience)[0] as Question;
  const title = textOf(ctx, `start.title.${audience}`);
  return renderView('start.njk', {
    page: layoutModel(ctx, title),
    start: {
      title,
      intro: textOf(ctx, `start.intro.${audience}`),
      whoReadsTitle: textOf(ctx, 'start.whoReadsTitle'),
      whoReads: textOf(ctx, `start.whoReads.${audience}`),
      mayShare: textOf(ctx, `start.mayShare.${audience}`),
      readTogether: audience === 'child' ? textOf(ctx, 'start.readTogether') : undefined,
      button: textOf(ctx, 'start.button'),
      href: stepUrl(ctx, first.id),
    },
  });
}

export function questionPage(
  ctx: PageContext,
  link: FeedbackLink,
  question: Question,
  state: { value: unknown; error?: string; csrf: string },
): string {
  const questions = questionsFor(link.audience);
  const index = questions.findIndex((q) => q.id === question.id);
  const back = ctx.returnToCheck
    ? stepUrl(ctx, 'check')
    : index === 0
      ? stepUrl(ctx, undefined)
      : stepUrl(ctx, questions[index - 1]?.id);
  const model = questionModel(ctx, link, question, state);
  const errors: PageError[] = state.error ? [{ text: state.error, href: '#answer' }] : [];
  if (state.error && question.kind === 'consent') errors[0] = { text: state.error, href: '#share' };
  return renderView('question.njk', {
    page: layoutModel(ctx, model.title, { back, errors }),
    q: model,
    form: {
      action: stepUrl(ctx, question.id, { returnToCheck: ctx.returnToCheck }),
      csrf: state.csrf,
    },
  });
}

export function checkPage(
  ctx: PageContext,
  link: FeedbackLink,
  answers: Answers,
  state: { csrf: string; missing?: string[] },
): string {
  const rows = checkRows(ctx, link, answers);
  const missing = new Set(state.missing ?? []);
  const errors = rows
    .filter((r) => missing.has(r.id))
    .map((r) => ({ text: `${textOf(ctx, 'error.answerFirst')}: ${r.key}`, href: r.href }));
  const last = questionsFor(link.audience).at(-1);
  return renderView('check.njk', {
    page: layoutModel(ctx, textOf(ctx, 'check.title'), { back: stepUrl(ctx, last?.id), errors }),
    check: {
      title: textOf(ctx, 'check.title'),
      rows: rows.map((r) => ({ ...r, missing: missing.has(r.id) })),
      change: textOf(ctx, 'check.change'),
      notAnswered: textOf(ctx, 'check.notAnswered'),
      sendTitle: textOf(ctx, 'check.sendTitle'),
      sendText: textOf(ctx, 'check.sendText'),
      send: textOf(ctx, 'check.send'),
    },
    form: { action: stepUrl(ctx, 'check'), csrf: state.csrf },
  });
}

export function thanksPage(ctx: PageContext, link: FeedbackLink, screening: Screening): string {
  const title = textOf(ctx, 'thanks.title');
  return renderView('thanks.njk', {
    page: layoutModel(ctx, title),
    thanks: {
      title,
      body: textOf(ctx, `thanks.body.${link.audience}`),
      worry: screening.possibleWorry ? textOf(ctx, 'thanks.worry') : undefined,
    },
  });
}

export type MessageKind = 'closed' | 'retry' | 'busy' | 'tooLarge';

/** One page for every link that cannot be answered: it says the same whatever the reason. */
export function messagePage(ctx: PageContext, kind: MessageKind, retryHref?: string): string {
  const paragraphs: Record<MessageKind, string[]> = {
    closed: ['closed.answered', 'closed.newLink'],
    retry: ['retry.body'],
    busy: ['busy.body'],
    tooLarge: ['tooLarge.body'],
  };
  const title = textOf(ctx, `${kind}.title`);
  return renderView('message.njk', {
    page: layoutModel(ctx, title),
    message: {
      title,
      paragraphs: paragraphs[kind].map((key) => textOf(ctx, key)),
      link: kind === 'retry' && retryHref ? { href: retryHref, text: textOf(ctx, 'retry.link') } : undefined,
    },
  });
}
