/**
 * Screens a family's answers for a possible worry (DOMAIN.md section 4). Free text is matched
 * against every language's list (families mix languages), an answer in a language or script no
 * list covers always needs a person, and "Is anything making you feel unsafe?" answered yes is a
 * worry. The words themselves are never changed: normalising happens on a copy.
 */
import { questionsFor } from './feedback-questions';
import type { Answers, Audience, Screening, ScreeningFlag } from './feedback-types';
import type { ScreeningList } from './feedback-screening-lists';
import { SCREENING_LISTS } from './feedback-screening-lists';

/** Letters that look alike or are typed differently on different keyboards, made one. */
const FOLD: Record<string, string> = {
  ł: 'l',
  // Arabic keyboards type these for the Urdu letters.
  '\u064A': '\u06CC', // yeh
  '\u0649': '\u06CC', // alef maksura
  '\u0643': '\u06A9', // kaf
  '\u0647': '\u06C1', // heh
  '\u06D5': '\u06C1', // ae
};

/** Lower case, no accents or vowel marks, no invisible or bidi characters, words split by one space. */
export function normaliseForScreening(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
    .replace(/./gu, (c) => FOLD[c] ?? c);
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.join(' ');
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledEntry {
  entry: string;
  pattern: RegExp;
}

const compiled = new WeakMap<ScreeningList, CompiledEntry[]>();

function compile(list: ScreeningList): CompiledEntry[] {
  let entries = compiled.get(list);
  if (!entries) {
    entries = list.entries.map((entry) => {
      const prefix = entry.endsWith('*');
      const words = normaliseForScreening(prefix ? entry.slice(0, -1) : entry);
      const body = escapeRegex(words) + (prefix ? '[\\p{L}\\p{N}]*' : '');
      return { entry, pattern: new RegExp(`(?:^| )${body}(?= |$)`, 'u') };
    });
    compiled.set(list, entries);
  }
  return entries;
}

const SCRIPT_PATTERNS = { Latin: /\p{Script=Latin}/u, Arabic: /\p{Script=Arabic}/u } as const;

/** Whether the text has letters in a script that no list is written in. */
function hasUnknownScript(text: string, lists: readonly ScreeningList[]): boolean {
  const scripts = new Set(lists.flatMap((l) => l.scripts));
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    if (![...scripts].some((s) => SCRIPT_PATTERNS[s].test(char))) return true;
  }
  return false;
}

/** The list entries found in one answer, across every list. */
export function matchedEntries(text: string, lists: readonly ScreeningList[]): string[] {
  const normalised = normaliseForScreening(text);
  const found = new Set<string>();
  for (const list of lists) {
    for (const { entry, pattern } of compile(list)) if (pattern.test(normalised)) found.add(entry);
  }
  return [...found];
}

export interface ScreeningInput {
  audience: Audience;
  /** The language the family answered in; a language without a list sends every answer to a person. */
  language: string;
  answers: Answers;
}

export function screenAnswers(
  input: ScreeningInput,
  lists: Partial<Record<string, ScreeningList>> = SCREENING_LISTS,
): Screening {
  const available = Object.values(lists).filter((l): l is ScreeningList => l !== undefined);
  const hasOwnList = lists[input.language] !== undefined;
  const flags: ScreeningFlag[] = [];
  for (const question of questionsFor(input.audience)) {
    const answer = input.answers[question.id];
    if (question.kind === 'choice') {
      if (typeof answer === 'string' && question.worryOptions?.includes(answer))
        flags.push({ questionId: question.id, reason: 'unsafe-answer', matched: [] });
      continue;
    }
    if (question.kind !== 'text' || typeof answer !== 'string' || answer.trim() === '') continue;
    if (!hasOwnList) flags.push({ questionId: question.id, reason: 'no-list', matched: [] });
    else if (hasUnknownScript(answer, available))
      flags.push({ questionId: question.id, reason: 'unknown-script', matched: [] });
    const matched = matchedEntries(answer, available);
    if (matched.length > 0) flags.push({ questionId: question.id, reason: 'phrase', matched });
  }
  return { possibleWorry: flags.length > 0, flags };
}
