/**
 * The plain words for the things in a child's life (event kinds), for the dates a record can lack,
 * and for why a visit could not happen.
 */
import type { EventKind, NotSeenReason } from '../../domain/types';

/** The plain-words name of each kind of event. */
export const EVENT_NAMES: Record<EventKind, string> = {
  visit: 'visit',
  'referral-decision': 'decision on the referral',
  assessment: 'assessment',
  'strategy-discussion': 'strategy discussion',
  'initial-conference': 'first child protection conference',
  'core-group': 'core group meeting',
  'review-conference': 'child protection review conference',
  'child-in-care-review': 'review meeting',
  'initial-health-assessment': 'first health assessment',
  'review-health-assessment': 'health review',
  'strengths-and-difficulties-questionnaire': 'strengths and difficulties questionnaire',
  'personal-education-plan': 'personal education plan',
  'pathway-plan-review': 'pathway plan review',
  'personal-adviser-visit': 'personal adviser visit',
  'family-network-meeting': 'family network meeting',
  supervision: 'supervision',
  'chronology-update': 'chronology update',
  genogram: 'genogram (family tree)',
  'child-in-need-plan-review': 'child in need plan review',
};

/** What each missing date is called in a sentence. */
const MISSING_NAMES: Record<string, string> = {
  referral: 'the referral date',
  caseOpened: 'the date we started working with the family',
  concern: 'the date of the concern',
  strategyDiscussion: 'the date of the strategy discussion',
  initialConference: 'the date of the first child protection conference',
  cameIntoCare: 'the date they came into care',
  lastMove: 'the date they moved to where they live now',
  leftCare: 'the date they left care',
  dateOfBirth: 'their date of birth',
  practitionerStartedOn: 'the date their practitioner started',
};

/** A missing date by name: an anchor, the date of birth, or "<event kind> completed". */
export function missingName(missing: string): string {
  const known = MISSING_NAMES[missing];
  if (known) return known;
  if (!missing.endsWith(' completed')) return missing;
  const kind = missing.replace(' completed', '') as EventKind;
  return `when the ${EVENT_NAMES[kind] ?? 'last one'} happened`;
}

/** Why a visit could not happen, in words, by code. */
export const NOT_SEEN_REASONS: Record<NotSeenReason, string> = {
  'no-one-home': 'no one was home',
  'family-declined': 'the family said no',
  'child-unwell': 'the child was unwell',
  'family-rearranged': 'the family rearranged',
  other: 'something else',
};
