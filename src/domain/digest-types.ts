/**
 * What the weekly digest is made of: plain facts with the counts behind them. The words for them
 * are src/text's.
 */
import type { WorkingCalendar } from './calendar';
import type { TrendWeek } from './digest-weeks';
import type { NameStyle } from './names';
import type { TimescaleRule } from './timescale-rules';
import type { CaseEvent, Child, EventKind, IsoDate, NotSeenReason, Person, Team } from './types';

export interface DigestSettings {
  calendar: WorkingCalendar;
  rules: readonly TimescaleRule[];
  nameStyle: NameStyle;
  /** Weeks in the trend picture, ending with the week reviewed. */
  trendWeeks: number;
  /** Working days ahead that "coming up" covers. */
  comingUpWorkingDays: number;
}

export interface DigestInput {
  team: Team;
  /** Everyone Hearth knows; only this team's people are used. */
  people: readonly Person[];
  /** This team's children (closed ones are left out). */
  children: readonly Child[];
  /** Those children's events. */
  events: readonly CaseEvent[];
  /** This team's messages that could not be delivered since the week reviewed began. */
  undelivered?: readonly UndeliveredMessage[];
  /** Monday of the week reviewed. */
  weekStart: IsoDate;
  /** The day the digest is made: "not seen yet" and "coming up" are as of this day. */
  asOf: IsoDate;
  settings: DigestSettings;
}

/** Something that went well; the first kind is one practitioner's, so the manager can thank them. */
export type Strength =
  | { kind: 'saw-everyone-due'; practitionerId: string; practitionerName: string; due: number }
  | { kind: 'seen-alone'; seenAlone: number; seenAny: number }
  | { kind: 'assessments-in-time'; count: number };

export interface NotSeenChild {
  childId: string;
  childName: string;
  practitionerId: string;
  practitionerName: string;
  dueDate: IsoDate;
  lastSeen?: IsoDate;
  daysSinceLastSeen?: number;
  /** Why the latest try since they were last seen could not happen; absent when none was given. */
  lastReason?: NotSeenReason;
}

export interface ComingUpItem {
  childId: string;
  childName: string;
  practitionerName: string;
  eventKind: EventKind;
  date: IsoDate;
  /** When a due date is not a working day: the last working day before it. */
  dueBy?: IsoDate;
  booked: boolean;
}

export interface CannotWorkOutItem {
  childId: string;
  childName: string;
  practitionerName: string;
  eventKind: EventKind;
  missing: string[];
}

export interface CannotReachPerson {
  personId: string;
  name: string;
  /** `reachable` people are here because some of their messages could not be delivered. */
  reachability: 'not-installed' | 'unreachable' | 'reachable';
  /** Their messages Hearth could not deliver since the week reviewed began (stale, or refused by Teams). */
  undelivered: number;
}

/** A message Hearth gave up delivering: its day passed first (`stale`), or Teams refused it (`failed`). */
export interface UndeliveredMessage {
  recipientId: string;
  teamId: string;
  date: IsoDate;
}

export interface TeamDigest {
  teamId: string;
  teamName: string;
  weekId: string;
  weekStart: IsoDate;
  weekEnd: IsoDate;
  asOf: IsoDate;
  /** Working days ahead that "coming up" covers. */
  comingUpWorkingDays: number;
  strengths: Strength[];
  seen: { due: number; seen: number; seenInTime: number; seenAlone: number };
  notSeenYet: NotSeenChild[];
  comingUp: ComingUpItem[];
  cannotWorkOut: CannotWorkOutItem[];
  cannotReach: CannotReachPerson[];
  trend: { weeks: TrendWeek[] };
}
