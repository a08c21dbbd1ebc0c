/**
 * The audit's fixed words: the ten standards of DOMAIN.md section 3, the answers, Ofsted's four
 * grades (their names stay Ofsted's) each with a one-line description of what it means for the
 * child, the themes a month can have, and why a child was picked. Pure; checked by the language test.
 */
import type { Answer, Grade, PickReason } from '../domain/audit';
import type { AuditProgramme, AuditStandard, AuditTheme } from '../domain/audit-programme';
import type { ChildFlag, ChildKind } from '../domain/types';
import { checkLanguage } from './language-check';

export const DEFAULT_STANDARD_TEXT: Record<string, string> = {
  'seen-and-heard':
    'The child has been seen, and seen alone where appropriate; their wishes and feelings are recorded in their words.',
  chronology: 'There is an up-to-date chronology, and it is used in assessments and plans.',
  genogram: 'There is a genogram or family network map on file.',
  'family-network':
    'The family network has been involved (a family network meeting held within the local timescale).',
  assessment: 'The assessment is timely, holistic, analytical and focused on the impact for the child.',
  identity: 'Identity (ethnicity, culture, religion, language), loss and separation are considered.',
  'smart-plan': 'The plan is SMART: who does what by when, with outcomes the family understands.',
  visits: 'Visits are happening at the frequency the plan requires.',
  oversight: 'Management oversight and supervision are recorded, with the reasons for decisions.',
  risk: 'Risk is analysed, including cumulative harm.',
};

/** A standard's words: the authority's own, or the default. */
export function standardText(standard: Pick<AuditStandard, 'id' | 'text'>): string {
  return standard.text ?? DEFAULT_STANDARD_TEXT[standard.id] ?? standard.id;
}

/** A short label for a standard in lists: "Standard 3". */
export const standardLabel = (position: number) => `Standard ${position}`;

export const ANSWER_NAMES: Record<Answer, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  'not-applicable': 'Not applicable',
};

/** Ofsted's names, unchanged. */
export const GRADE_NAMES: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement to be good',
  inadequate: 'Inadequate',
};

/** What each grade means for the child, in one line. */
export const GRADE_MEANINGS: Record<Grade, string> = {
  outstanding: "The child's life is better because of our work, and the record shows how.",
  good: 'The child gets the help they need when they need it, and their voice shapes the plan.',
  'requires-improvement': 'The child is safe, but help is slower or less focused on them than it should be.',
  inadequate: 'The child is not yet getting the help or protection they need, and this has to change now.',
};

export const CHILD_KIND_NAMES: Record<ChildKind, string> = {
  'child-in-need': 'children in need',
  'child-protection': 'children with a child protection plan',
  'child-in-care': 'children in care',
  'care-experienced': 'care-experienced young people',
};

export const FLAG_NAMES: Record<ChildFlag, string> = {
  neglect: 'neglect',
  missing: 'children who go missing',
  exploitation: 'exploitation',
  'domestic-abuse': 'domestic abuse',
  'disabled-child': 'disabled children',
  unaccompanied: 'children who came to the UK on their own',
  'young-carer': 'young carers',
  'parental-mental-health': "parents' mental health",
  'parental-substance-use': "parents' use of drugs or alcohol",
};

export function themeName(theme: AuditTheme): string {
  if ('childKind' in theme) return CHILD_KIND_NAMES[theme.childKind];
  if ('flag' in theme) return FLAG_NAMES[theme.flag];
  return 'children not seen alone';
}

/** Why a child was picked, as the assignment card and the sample print it. */
export function pickReasonText(reason: PickReason): string {
  switch (reason.method) {
    case 'random':
      return 'random';
    case 'themed':
      return `theme: ${themeName(reason.theme)}`;
    case 'ad-hoc':
      return 'asked for by a manager';
    case 'stratified':
      return reason.by === 'kind'
        ? `so ${CHILD_KIND_NAMES[reason.childKind]} are looked at this quarter`
        : "so every practitioner's work is looked at this quarter";
  }
}

/**
 * Words in an authority's programme file that Hearth has agreed not to use, so start-up can say
 * which standard to reword and how.
 */
export function programmeWordProblems(programme: AuditProgramme): string[] {
  return programme.standards.flatMap((s) =>
    checkLanguage(s.text ?? '').map(
      (p) => `standard ${s.id} says "${p.term}"; please say "${p.suggestion}" instead`,
    ),
  );
}
