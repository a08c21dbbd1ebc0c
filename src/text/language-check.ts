/**
 * The words Hearth has agreed not to use (DOMAIN.md section 5), and the check that finds them.
 * Tests run every catalogue, card and reply through `checkLanguage`.
 */
export interface LanguageProblem {
  term: string;
  suggestion: string;
  index: number;
}

/** DOMAIN.md section 5: words to avoid and what to say instead. */
export const AVOID: readonly { term: string; suggestion: string }[] = [
  { term: 'contact', suggestion: 'family time' },
  { term: 'placement', suggestion: 'home, or where they live' },
  { term: 'placements', suggestion: 'homes' },
  { term: 'LAC', suggestion: 'child in care, or the child’s name' },
  { term: 'looked-after child', suggestion: 'child in care, or the child’s name' },
  { term: 'CLA', suggestion: 'child in care, or the child’s name' },
  { term: 'respite', suggestion: 'short break' },
  { term: 'statutory visit', suggestion: '(name)’s visit' },
  { term: 'case', suggestion: 'child, or family' },
  { term: 'cases', suggestion: 'children, or families' },
  { term: 'caseload', suggestion: 'the children you work with' },
  { term: 'performance', suggestion: 'what happened for the children' },
  { term: 'KPI', suggestion: 'what happened for the children' },
  { term: 'compliance', suggestion: 'what happened for the children' },
  { term: 'target', suggestion: 'what happened for the children' },
  { term: 'overdue', suggestion: 'not seen yet / not done yet, and by when' },
  { term: 'breach', suggestion: 'not done yet, and by when' },
  { term: 'failed', suggestion: 'not done yet, and by when' },
  { term: 'out of timescale', suggestion: 'not done yet, and by when' },
  { term: 'abscond', suggestion: 'went missing, or ran away' },
  { term: 'absconded', suggestion: 'went missing, or ran away' },
  { term: 'challenging behaviour', suggestion: 'finding things hard' },
  { term: 'care leaver', suggestion: 'care-experienced young person' },
  { term: 'care leavers', suggestion: 'care-experienced young people' },
  { term: 'unit', suggestion: 'home' },
  { term: 'facility', suggestion: 'home' },
  { term: 'CIN', suggestion: 'child in need' },
  { term: 'CP', suggestion: 'child protection' },
  { term: 'ICPC', suggestion: 'first child protection conference' },
  { term: 'IRO', suggestion: 'independent reviewing officer' },
  { term: 'PEP', suggestion: 'personal education plan' },
  { term: 'SDQ', suggestion: 'strengths and difficulties questionnaire' },
];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const AVOID_PATTERNS = AVOID.map(({ term, suggestion }) => ({
  term,
  suggestion,
  // Whole words, any case; "-" and letters either side mean it is part of another word.
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}-])${escapeRegex(term).replace(/[ -]/g, '[ -]')}(?![\\p{L}\\p{N}-])`,
    'giu',
  ),
}));

/** Every avoided term in `text`, with what to say instead. */
export function checkLanguage(text: string): LanguageProblem[] {
  const problems: LanguageProblem[] = [];
  for (const { term, suggestion, pattern } of AVOID_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) problems.push({ term, suggestion, index: match.index });
  }
  return problems.sort((a, b) => a.index - b.index);
}
