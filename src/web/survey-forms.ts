/**
 * The edge for the family's forms: an url-encoded body, parsed by a zod schema made from the
 * question being answered. Every field has a length limit; a text answer over its limit comes back
 * to the family with the limit said kindly, and is never cut short without them knowing.
 */
import { z } from 'zod/v4';
import type { Question } from '../domain/feedback-questions';
import { OPTION_SETS, characterCount } from '../domain/feedback-questions';
import type { AnswerValue } from '../domain/feedback-types';

/** Far above any answer's limit, so the page, not the host, tells the family their text is long. */
export const MAX_FORM_BYTES = 1024 * 1024;
const CSRF_MAX = 100;

export type FormProblem = { kind: 'choose' } | { kind: 'too-long'; length: number; max: number };

export type ParsedAnswer =
  | { ok: true; csrf: string | undefined; value: AnswerValue | undefined }
  | { ok: false; csrf: string | undefined; problem: FormProblem; typed: string | undefined };

const csrfField = z.string().max(CSRF_MAX).optional();

function schemaFor(question: Question) {
  switch (question.kind) {
    case 'choice': {
      const ids = OPTION_SETS[question.options].map((o) => o.id) as [string, ...string[]];
      return z.object({ csrf: csrfField, answer: z.enum(ids) });
    }
    case 'text':
      // Characters were counted already; this bound is in UTF-16 units, two per character at most.
      return z.object({
        csrf: csrfField,
        answer: z
          .string()
          .max(question.maxLength * 2)
          .optional(),
      });
    case 'consent':
      return z.object({ csrf: csrfField, share: z.literal('yes').optional() });
  }
}

/** Fields as sent; a repeated field counts as its first value, as browsers send only one. */
function fieldsOf(form: URLSearchParams): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (!(key in fields)) fields[key] = value;
  return fields;
}

export function parseAnswerForm(question: Question, form: URLSearchParams): ParsedAnswer {
  const fields = fieldsOf(form);
  const csrf = typeof fields.csrf === 'string' ? fields.csrf.slice(0, CSRF_MAX + 1) : undefined;
  // Length is counted as a person counts characters, so check it before zod counts UTF-16 units.
  if (question.kind === 'text' && fields.answer !== undefined) {
    const length = characterCount(fields.answer);
    if (length > question.maxLength)
      return {
        ok: false,
        csrf,
        problem: { kind: 'too-long', length, max: question.maxLength },
        typed: fields.answer,
      };
  }
  const parsed = schemaFor(question).safeParse(fields);
  if (!parsed.success) {
    const csrfIssue = parsed.error.issues.some((i) => i.path[0] === 'csrf');
    return {
      ok: false,
      csrf: csrfIssue ? undefined : csrf,
      problem: { kind: 'choose' },
      typed: fields.answer,
    };
  }
  const data = parsed.data as { csrf?: string; answer?: string; share?: 'yes' };
  if (question.kind === 'consent') return { ok: true, csrf: data.csrf, value: data.share === 'yes' };
  if (question.kind === 'text') return { ok: true, csrf: data.csrf, value: data.answer ?? '' };
  return { ok: true, csrf: data.csrf, value: data.answer };
}

/** Only the CSRF field, for the check page's send button. */
export function parseSendForm(form: URLSearchParams): { csrf: string | undefined } {
  const parsed = z.object({ csrf: csrfField }).safeParse(fieldsOf(form));
  return { csrf: parsed.success ? parsed.data.csrf : undefined };
}
