/**
 * What the planner works with and makes: its settings, the items of a morning bundle, timely
 * nudges and leave cover notices. Plain data, stored in the outbox as it is.
 */
import type { WorkingCalendar } from './calendar';
import type { Skipped } from './isolate';
import type { NameStyle } from './names';
import type { TimescaleRule } from './timescale-rules';
import type { CaseEvent, Child, EventKind, IsoDate, Person } from './types';

export interface PlannerSettings {
  calendar: WorkingCalendar;
  rules: readonly TimescaleRule[];
  nameStyle: NameStyle;
  /** Working days ahead that each kind shows in "coming up"; the listed days also bring a nudge. */
  leadTimes: Partial<Record<EventKind, number[]>>;
  /** Default lead for kinds not listed. */
  defaultLead: number;
  /** Messages a person gets in a day at most (the morning bundle counts as one). */
  dailyMessageBudget: number;
  /** Local time for the day's timely nudges. */
  nudgeTime: string;
}

export const DEFAULT_LEAD_TIMES: Partial<Record<EventKind, number[]>> = {
  visit: [2],
  assessment: [10, 5, 2],
  'initial-conference': [5, 1],
  'review-conference': [10, 1],
  'child-in-care-review': [10, 1],
  'core-group': [1],
  'family-network-meeting': [2, 1],
  'strategy-discussion': [1],
  'pathway-plan-review': [10, 1],
  'personal-education-plan': [10, 2],
};

/** Where an item stands today, which decides how it is said. */
export type Situation = 'today' | 'not-seen-yet' | 'coming-up' | 'cannot-work-out';

export interface BundleItem {
  key: string;
  childId: string;
  childName: string;
  eventKind: EventKind;
  dueDate: IsoDate;
  /** When the due date is not a working day: the last working day before it, the day to say. */
  dueBy?: IsoDate;
  booked?: IsoDate;
  /** When it was last done, for "not seen since ...". */
  lastDone?: IsoDate;
  /** For `cannot-work-out`: the dates the child's record needs, any one of which would do. */
  missing?: string[];
  situation: Situation;
  /** Lower is more urgent. */
  urgency: number;
}

/** The day a message speaks from: "today" and the person's next working day ("tomorrow"). */
export interface DayContext {
  date: IsoDate;
  nextWorkingDay: IsoDate;
}

export interface Nudge extends DayContext {
  id: string;
  practitionerId: string;
  sendAt: string;
  item: BundleItem;
}

export interface MorningBundle extends DayContext {
  /** `practitionerId:date:morning`: a re-run never makes a second one. */
  id: string;
  practitionerId: string;
  teamId: string;
  sendAt: string;
  /** This is the practitioner's first working day of the week: nobody has had a chance to visit yet. */
  firstDayOfWeek: boolean;
  seenThisWeek: { seen: number; total: number };
  today: BundleItem[];
  notSeenYet: BundleItem[];
  comingUp: BundleItem[];
  /** Things falling due while the practitioner is away, brought forward to their last day. */
  beforeLeave: BundleItem[];
  cannotWorkOut: BundleItem[];
  /** Timely nudges beyond the budget, folded into this bundle instead of sent on their own. */
  folded: string[];
}

/** For the practitioner's manager(s): what falls due while someone is away. */
export interface CoverNotice extends DayContext {
  practitionerId: string;
  teamId: string;
  managerIds: string[];
  leave: { from: IsoDate; to: IsoDate };
  items: BundleItem[];
}

export interface Plan {
  bundles: MorningBundle[];
  nudges: Nudge[];
  cover: CoverNotice[];
  /** Children (or whole practitioners) the rules could not handle, left out so the rest go out. */
  skipped: Skipped[];
}

export interface PlanInput {
  people: readonly Person[];
  children: readonly Child[];
  events: readonly CaseEvent[];
  now: Date;
  settings: PlannerSettings;
  /** Ids already planned (from the outbox), so re-runs add nothing. */
  alreadyPlanned?: ReadonlySet<string>;
}
