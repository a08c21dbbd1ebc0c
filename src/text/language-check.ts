/**
 * The words Hearth has agreed not to use (DOMAIN.md section 5), and the check that finds them in
 * any of their forms: plurals, -ed and -ing, hyphenated or spaced compounds, negations. Tests run
 * every catalogue, card and reply through `checkLanguage`.
 *
 * Choices, so the check finds the words without tripping on ordinary ones:
 * - Acronyms (LAC, CLA, KPI, CIN, CP, ICPC, IRO, PEP, SDQ) match in capitals only, with a plural or
 *   possessive ("KPIs", "CP's") or a hyphenated word ("CP-plan"), never inside a word ("Cinema",
 *   "capital"), in lower case ("pep talk") or before a hyphen and digits (an id such as "CP-1001").
 * - A prefix counts only where it negates: "non-compliance", "noncompliant", "uncontactable",
 *   "underperformance". Other prefixes make another word: "recontacted", "bookcase", "showcase",
 *   and so does a hyphenated one: "lower-case", "worst-case".
 * - Compounds other than those listed are other words: "contactless", "casework", "unitary",
 *   "united", "targeted" ("targeted help" names a kind of help, not a performance target; "target"
 *   and "targets" are found), "performing", "comply" (an ordinary verb; "compliance" and
 *   "compliant" are the performance words).
 * - "contacted" and "contacting" are found: Hearth says "got in touch", and keeps "contact" out.
 * - "looked after" is found next to child, children or young people ("looked-after children",
 *   "children looked after"), where it is the care term; "we looked after the dog" is not.
 * - "fail" in all its forms, "failure" included, is found: Hearth says what is not done yet.
 */
export interface LanguageProblem {
  term: string;
  suggestion: string;
  index: number;
}

interface Avoided {
  term: string;
  suggestion: string;
  /** The word's forms, as a regular expression (case-insensitive unless an acronym). */
  forms: string;
  /** Negating prefixes, as a regular expression. */
  prefixes?: string;
  acronym?: true;
}

/** One or more spaces or hyphens; `JOIN` also allows none ("caseload", "case load", "case-load"). */
const SEP = '[\\s\\u2010\\u2011-]+';
const JOIN = '[\\s\\u2010\\u2011-]*';
const CHILDREN = `(?:child(?:ren)?|young${SEP}(?:people|persons?))`;
const IN_CARE = 'child in care, or the child’s name';

const LIST: readonly Avoided[] = [
  {
    term: 'contact',
    suggestion: 'family time',
    forms: 'contact(?:s|ed|ing|able)?',
    prefixes: `un|non${JOIN}`,
  },
  { term: 'placement', suggestion: 'home, or where they live', forms: 'placements?' },
  { term: 'LAC', suggestion: IN_CARE, forms: 'LAC', acronym: true },
  {
    term: 'looked-after child',
    suggestion: IN_CARE,
    forms: `looked${JOIN}after${SEP}${CHILDREN}|${CHILDREN}${SEP}looked${JOIN}after`,
  },
  { term: 'CLA', suggestion: IN_CARE, forms: 'CLA', acronym: true },
  { term: 'respite', suggestion: 'short break', forms: 'respites?' },
  { term: 'statutory visit', suggestion: '(name)’s visit', forms: `statutory${SEP}visit(?:s|ing)?` },
  { term: 'case', suggestion: 'child, or family', forms: 'cases?' },
  { term: 'caseload', suggestion: 'the children you work with', forms: `case${JOIN}loads?` },
  {
    term: 'performance',
    suggestion: 'what happened for the children',
    forms: 'performances?',
    prefixes: `under${JOIN}|non${JOIN}`,
  },
  { term: 'KPI', suggestion: 'what happened for the children', forms: 'KPI', acronym: true },
  {
    term: 'compliance',
    suggestion: 'what happened for the children',
    forms: 'complian(?:ce|ces|t)',
    prefixes: `non${JOIN}|un|in`,
  },
  { term: 'target', suggestion: 'what happened for the children', forms: 'targets?' },
  { term: 'overdue', suggestion: 'not seen yet / not done yet, and by when', forms: `over${JOIN}due` },
  { term: 'breach', suggestion: 'not done yet, and by when', forms: 'breach(?:es|ed|ing)?' },
  { term: 'failed', suggestion: 'not done yet, and by when', forms: 'fail(?:s|ed|ing|ures?)?' },
  {
    term: 'out of timescale',
    suggestion: 'not done yet, and by when',
    forms: `(?:out${SEP}of|outside)${SEP}(?:the${SEP})?timescales?`,
  },
  { term: 'abscond', suggestion: 'went missing, or ran away', forms: 'abscond(?:s|ed|ing|ers?)?' },
  {
    term: 'challenging behaviour',
    suggestion: 'finding things hard',
    forms: `challenging${SEP}behaviou?rs?`,
  },
  { term: 'care leaver', suggestion: 'care-experienced young person', forms: `care${JOIN}leavers?` },
  { term: 'unit', suggestion: 'home', forms: 'units?' },
  { term: 'facility', suggestion: 'home', forms: 'facilit(?:y|ies)' },
  { term: 'CIN', suggestion: 'child in need', forms: 'CIN', acronym: true },
  { term: 'CP', suggestion: 'child protection', forms: 'CP', acronym: true },
  { term: 'ICPC', suggestion: 'first child protection conference', forms: 'ICPC', acronym: true },
  { term: 'IRO', suggestion: 'independent reviewing officer', forms: 'IRO', acronym: true },
  { term: 'PEP', suggestion: 'personal education plan', forms: 'PEP', acronym: true },
  { term: 'SDQ', suggestion: 'strengths and difficulties questionnaire', forms: 'SDQ', acronym: true },
];

/** DOMAIN.md section 5: words to avoid and what to say instead. */
export const AVOID: readonly { term: string; suggestion: string }[] = LIST.map(({ term, suggestion }) => ({
  term,
  suggestion,
}));

// Not inside a word, nor the end of a hyphenated one ("lower-case", "worst-case").
const NOT_AFTER = '(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}][\\u2010\\u2011-])';
const PATTERNS = LIST.map((a) => ({
  term: a.term,
  suggestion: a.suggestion,
  pattern: a.acronym
    ? new RegExp(`${NOT_AFTER}(?:${a.forms})(?:s|['’]s)?(?![\\p{L}\\p{N}]|-\\p{N})`, 'gu')
    : new RegExp(`${NOT_AFTER}(?:${a.prefixes ?? ''})?(?:${a.forms})(?![\\p{L}\\p{N}])`, 'giu'),
}));

/** Every avoided term in `text`, with what to say instead; where two overlap, the longer. */
export function checkLanguage(text: string): LanguageProblem[] {
  const found: (LanguageProblem & { end: number })[] = [];
  for (const { term, suggestion, pattern } of PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      found.push({ term, suggestion, index: match.index, end: match.index + match[0].length });
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const problems: LanguageProblem[] = [];
  let reached = -1;
  for (const { end, ...problem } of found) {
    if (end <= reached) continue; // inside a longer match ("case" in "case load")
    problems.push(problem);
    reached = end;
  }
  return problems;
}
