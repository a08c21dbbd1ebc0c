/**
 * The questions each audience is asked, as data: ids, answer types, which are required. No words:
 * the catalogues in src/text/survey/ hold them, keyed by these ids, in every language.
 */
import type { AnswerValue, Audience } from './feedback-types';

/** The faces drawn beside a child's options (the word is always there too). */
export type Face = 'smile' | 'straight' | 'frown' | 'unsure';

export interface ChoiceOption {
  id: string;
  /** Counts towards "answered Very good or Good" on the headline question. */
  positive?: boolean;
  face?: Face;
}

export const OPTION_SETS = {
  /** The NHS Friends and Family Test's headline scale. */
  fft: [
    { id: 'very-good', positive: true },
    { id: 'good', positive: true },
    { id: 'neither' },
    { id: 'poor' },
    { id: 'very-poor' },
    { id: 'dont-know' },
  ],
  'yes-partly-no': [{ id: 'yes' }, { id: 'partly' }, { id: 'no' }, { id: 'dont-know' }],
  unsafe: [{ id: 'yes' }, { id: 'no' }, { id: 'not-sure' }],
  'child-feel': [
    { id: 'good', positive: true, face: 'smile' },
    { id: 'ok', face: 'straight' },
    { id: 'not-good', face: 'frown' },
    { id: 'dont-know', face: 'unsure' },
  ],
  'child-yes-no': [
    { id: 'yes', face: 'smile' },
    { id: 'a-bit', face: 'straight' },
    { id: 'no', face: 'frown' },
    { id: 'dont-know', face: 'unsure' },
  ],
} as const satisfies Record<string, readonly ChoiceOption[]>;

export type OptionSetId = keyof typeof OPTION_SETS;

/** Free text is limited so one answer cannot fill the store; the page says the limit kindly. */
export const TEXT_MAX_LENGTH = 5000;

export type Question =
  | {
      id: string;
      kind: 'choice';
      options: OptionSetId;
      required: boolean;
      /** The Friends and Family Test headline: the team's figure counts its positive options. */
      headline?: boolean;
      /** Options that mean someone may not be safe: a person must look now. */
      worryOptions?: readonly string[];
    }
  | { id: string; kind: 'text'; required: false; maxLength: number }
  | { id: string; kind: 'consent'; required: false };

const headline = (options: OptionSetId): Question => ({
  id: 'overall',
  kind: 'choice',
  options,
  required: true,
  headline: true,
});
const choice = (id: string, options: OptionSetId = 'yes-partly-no'): Question => ({
  id,
  kind: 'choice',
  options,
  required: true,
});
const text = (id: string): Question => ({ id, kind: 'text', required: false, maxLength: TEXT_MAX_LENGTH });
/** A young person or child who says yes, or is not sure, gets a person. */
const unsafe: Question = {
  id: 'unsafe',
  kind: 'choice',
  options: 'unsafe',
  required: true,
  worryOptions: ['yes', 'not-sure'],
};
const share: Question = { id: 'share', kind: 'consent', required: false };

/**
 * Ids are short because each is a step in the page's path (which stays under 40 characters).
 * The order is the order of the pages.
 */
export const QUESTIONS: Record<Audience, readonly Question[]> = {
  parent: [
    headline('fft'),
    choice('listened'),
    choice('explained'),
    choice('fair'),
    choice('next'),
    text('good'),
    text('better'),
    share,
  ],
  'young-person': [
    headline('fft'),
    choice('listened'),
    choice('explained'),
    choice('fair'),
    choice('next'),
    unsafe,
    text('good'),
    text('better'),
    share,
  ],
  child: [
    headline('child-feel'),
    choice('listened', 'child-yes-no'),
    choice('explained', 'child-yes-no'),
    unsafe,
    text('tell'),
    share,
  ],
};

export function questionsFor(audience: Audience): readonly Question[] {
  return QUESTIONS[audience];
}

export function findQuestion(audience: Audience, id: string): Question | undefined {
  return QUESTIONS[audience].find((q) => q.id === id);
}

export function optionsOf(question: Question & { kind: 'choice' }): readonly ChoiceOption[] {
  return OPTION_SETS[question.options];
}

/** Required questions without an answer, in page order. */
export function missingAnswers(audience: Audience, answers: Record<string, unknown>): string[] {
  return QUESTIONS[audience]
    .filter((q) => q.required && (answers[q.id] === undefined || answers[q.id] === ''))
    .map((q) => q.id);
}

export type AnswerProblem = { kind: 'choose' } | { kind: 'too-long'; length: number; max: number };

/** Characters as a person counts them (an emoji is one), not UTF-16 code units. */
export const characterCount = (text: string) => Array.from(text).length;

/** What is wrong with an answer to one question, or undefined when it is fine. */
export function checkAnswer(question: Question, value: AnswerValue | undefined): AnswerProblem | undefined {
  switch (question.kind) {
    case 'choice': {
      const known = typeof value === 'string' && OPTION_SETS[question.options].some((o) => o.id === value);
      if (known) return undefined;
      return value === undefined && !question.required ? undefined : { kind: 'choose' };
    }
    case 'text': {
      if (value === undefined) return undefined;
      if (typeof value !== 'string') return { kind: 'choose' };
      const length = characterCount(value);
      return length > question.maxLength ? { kind: 'too-long', length, max: question.maxLength } : undefined;
    }
    case 'consent':
      return value === undefined || typeof value === 'boolean' ? undefined : { kind: 'choose' };
  }
}
