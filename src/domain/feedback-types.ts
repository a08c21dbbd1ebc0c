/**
 * Family feedback as plain data (DOMAIN.md section 4): who is asked, in which language, the link
 * they are sent, and the answers they give. The link's token is never stored: only its hash.
 */
import type { IsoInstant } from './types';

/** Who a link is for: a parent or carer, a young person (11 to 17), or a child under 11. */
export const AUDIENCES = ['parent', 'young-person', 'child'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Languages the pages speak. Urdu is written right to left. */
export const LANGUAGES = ['en', 'cy', 'ur', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

export const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set<Language>(['ur']);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

/** A choice's option id, a text answer exactly as typed, or a ticked box. */
export type AnswerValue = string | boolean;
export type Answers = Record<string, AnswerValue>;

export interface FeedbackLink {
  /** Random; what Teams cards and the CLI use to name the link (never the token). */
  id: string;
  teamId: string;
  childId: string;
  /** Whose card the answers go to: the practitioner who asked, or the allocated practitioner. */
  practitionerId: string;
  audience: Audience;
  language: Language;
  /** SHA-256 of the token, base64url. The token itself is only ever in the family's link. */
  tokenHash: string;
  createdAt: IsoInstant;
  createdBy: string;
  expiresAt: IsoInstant;
  usedAt?: IsoInstant;
  responseId?: string;
  revokedAt?: IsoInstant;
  revokedBy?: string;
  /** Answers given so far, kept server-side so one question a page works without JavaScript. */
  draft?: { answers: Answers; updatedAt: IsoInstant };
}

/** Why an answer was put in front of a person, beyond every answer being read anyway. */
export type FlagReason =
  /** A word or phrase from a screening list. */
  | 'phrase'
  /** The answer is in a language Hearth has no list for. */
  | 'no-list'
  /** The answer is written in a script none of the lists cover. */
  | 'unknown-script'
  /** "Is anything making you feel unsafe?" answered yes (or not sure). */
  | 'unsafe-answer';

export interface ScreeningFlag {
  questionId: string;
  reason: FlagReason;
  /** The list entries that matched, for 'phrase'. */
  matched: string[];
}

export interface Screening {
  possibleWorry: boolean;
  flags: ScreeningFlag[];
}

export interface FeedbackResponse {
  /** `response-<link id>`: one response per link, even when two submits race. */
  id: string;
  linkId: string;
  teamId: string;
  childId: string;
  practitionerId: string;
  audience: Audience;
  /** The language the link was made in, and the one the family answered in. */
  linkLanguage: Language;
  language: Language;
  submittedAt: IsoInstant;
  /** Exactly as typed. Never trimmed, normalised or escaped in storage. */
  answers: Answers;
  /** The family ticked "You can share my words with the team without my name". */
  shareWords: boolean;
  screening: Screening;
  /** Set once the submitted hook (cards, alerts) has run; absent means it still needs to. */
  notifiedAt?: IsoInstant;
  readAt?: IsoInstant;
  readBy?: string;
  acknowledgedAt?: IsoInstant;
  acknowledgedBy?: string;
}
