/**
 * The plain data Hearth reasons about: teams, the people in them, the children they work with and
 * the dated events in each child's life. No SDK types: these are what the store reads and writes and
 * what the pure planner takes in.
 */

/** ISO calendar date, `yyyy-MM-dd`, in Europe/London. */
export type IsoDate = string;
/** ISO instant with offset, e.g. `2026-11-23T08:30:00.000Z`. */
export type IsoInstant = string;

export const CHILD_KINDS = [
  'child-in-need',
  'child-protection',
  'child-in-care',
  'care-experienced',
] as const;
export type ChildKind = (typeof CHILD_KINDS)[number];

export const ROLES = ['practitioner', 'manager', 'auditor', 'head-of-service', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The dated things in a child's life that Hearth reminds people about (DOMAIN.md section 1). */
export const EVENT_KINDS = [
  'visit',
  'referral-decision',
  'assessment',
  'strategy-discussion',
  'initial-conference',
  'core-group',
  'review-conference',
  'child-in-care-review',
  'initial-health-assessment',
  'review-health-assessment',
  'strengths-and-difficulties-questionnaire',
  'personal-education-plan',
  'pathway-plan-review',
  'personal-adviser-visit',
  'family-network-meeting',
  'supervision',
  'chronology-update',
  'genogram',
  'child-in-need-plan-review',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Kinds of event that count as seeing a child. */
export const VISIT_KINDS: ReadonlySet<EventKind> = new Set<EventKind>(['visit', 'personal-adviser-visit']);

/** Meetings, where the working day before brings a prompt to prepare with the child. */
export const MEETING_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'strategy-discussion',
  'initial-conference',
  'core-group',
  'review-conference',
  'child-in-care-review',
  'family-network-meeting',
  'pathway-plan-review',
  'child-in-need-plan-review',
]);

/** Why a visit could not happen, as recorded from a card or sent by the feed (words in src/text). */
export const NOT_SEEN_REASON_CODES = [
  'no-one-home',
  'family-declined',
  'child-unwell',
  'family-rearranged',
  'other',
] as const;
export type NotSeenReason = (typeof NOT_SEEN_REASON_CODES)[number];

export const EVENT_STATUSES = ['planned', 'completed', 'cancelled', 'not-possible'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Dates a timescale rule can count from. A rule whose anchor is missing is reported, never guessed. */
export const ANCHOR_KINDS = [
  'referral',
  'caseOpened',
  'concern',
  'strategyDiscussion',
  'initialConference',
  'cameIntoCare',
  'lastMove',
  'leftCare',
] as const;
export type AnchorKind = (typeof ANCHOR_KINDS)[number];
export type Anchors = Partial<Record<AnchorKind, IsoDate>>;

/**
 * What the case system knows is going on in a child's life, as flags an audit theme can pick out
 * (a neglect month, children who went missing). Optional: a feed that sends none loses only themes.
 */
export const CHILD_FLAGS = [
  'neglect',
  'missing',
  'exploitation',
  'domestic-abuse',
  'disabled-child',
  'unaccompanied',
  'young-carer',
  'parental-mental-health',
  'parental-substance-use',
] as const;
export type ChildFlag = (typeof CHILD_FLAGS)[number];

export interface Team {
  id: string;
  name: string;
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export interface QuietHours {
  /** Local `HH:mm`. */
  start: string;
  end: string;
}

export type Reachability = 'not-installed' | 'reachable' | 'unreachable';

export interface Person {
  id: string;
  teamId: string;
  displayName: string;
  /** Entra object id: how a Teams user is matched to this person. */
  entraObjectId?: string;
  email?: string;
  roles: Role[];
  /** Teams a manager or head of service oversees (besides their own). */
  managesTeamIds: string[];
  workingDays: Weekday[];
  /** Local `HH:mm` when the morning card is due. */
  morningTime: string;
  quietHours?: QuietHours;
  leave: DateRange[];
  paused: boolean;
  reachability: Reachability;
  newlyQualified?: boolean;
  /** The day they started in practice here; for newly qualified staff, the start of their first year. */
  startedOn?: IsoDate;
  /**
   * Where to reach them in Teams: the Bot Framework conversation reference, kept as opaque JSON
   * (the domain knows nothing of Teams). Set on install, refreshed on every message.
   */
  conversationReference?: Record<string, unknown>;
  /**
   * Owned by Hearth: the last attempt to install the Teams app for them through Graph, while it has
   * not reached them yet (`requested`: waiting for Teams to tell the bot; the others: refused).
   */
  teamsInstall?: { state: 'requested' | 'not-permitted' | 'user-not-found'; at: IsoInstant };
  /** Items the person has put off: `key` is a due item's key, hidden until `until`. */
  snoozes?: { key: string; until: IsoDate }[];
}

export interface ChildName {
  first: string;
  /** Only the initial of the family name is kept: data minimisation. */
  familyInitial: string;
}

export interface Child {
  /** The case number in the case management system. */
  id: string;
  teamId: string;
  name: ChildName;
  dateOfBirth?: IsoDate;
  kind: ChildKind;
  allocatedPractitionerId?: string;
  anchors: Anchors;
  /** Child in care: the current home is meant to last until 18 (changes visit frequency). */
  homeIntendedUntil18?: boolean;
  /** Long-term foster home where the child agrees to less frequent visits (reg 28(3A)). */
  longTermFosterVisitsAgreed?: boolean;
  /** When the allocated practitioner took the child on: audits leave newly allocated children be. */
  allocatedSince?: IsoDate;
  flags?: ChildFlag[];
  closed: boolean;
  /**
   * Owned by Hearth: the London date a feed batch first marked the child closed. What Hearth holds
   * about the child is removed a set number of days later (HEARTH_CLOSED_CHILD_DAYS).
   */
  closedSince?: IsoDate;
}

export interface CaseEvent {
  /** The source system's id, so re-sending a record updates it rather than duplicating it. */
  id: string;
  teamId: string;
  childId: string;
  kind: EventKind;
  status: EventStatus;
  dueDate?: IsoDate;
  scheduledDate?: IsoDate;
  completedDate?: IsoDate;
  /** Strategy discussions: this is the one at which the section 47 enquiry started. */
  startedSection47?: boolean;
  /** Visits: the child was seen on their own. */
  seenAlone?: boolean;
  /** Why it could not happen, when status is `not-possible`. */
  notPossibleReason?: NotSeenReason;
  /**
   * What the practitioner added in their own words when they recorded it from a card ("Anything
   * to add"), kept as they wrote it. Free text about a child: never logged, never shown in Teams.
   */
  practitionerNote?: string;
  recordedBy?: string;
  recordedAt?: IsoInstant;
  /** Where the latest version came from. */
  source: 'feed' | 'hearth';
}
