/**
 * The facts Hearth already knows about a child, shown at the start of an audit to save the auditor
 * time (they confirm or correct them): visits in the last three months and whether each was on
 * time, when the child was last seen alone, whether a family network meeting has been held, what
 * is open now, and how long since the last review. Worked out from the same timescale rules as the
 * morning card, so the audit and the nudges never disagree.
 */
import type { WorkingCalendar } from './calendar';
import { daysBetween } from './dates';
import type { TimescaleRule } from './timescale-rules';
import { addMonths, workOutDue } from './timescales';
import type { CaseEvent, Child, EventKind, IsoDate } from './types';
import { VISIT_KINDS } from './types';

export interface AuditFacts {
  asOf: IsoDate;
  visits: {
    /** Visits done in the three months up to `asOf`. */
    done: number;
    /** Of those, done by the date the rules gave; `unknown` when the rules could not say. */
    onTime: number;
    late: number;
    unknown: number;
    /** When the next visit is due, when the rules can say. */
    nextDue?: IsoDate;
  };
  lastSeenAlone?: IsoDate;
  /** The latest family network meeting held, if any. */
  familyNetworkMeeting?: IsoDate;
  /** Things due for the child now (visits, meetings, reviews), and how many of those are past their date. */
  openItems: number;
  notDoneYet: number;
  lastReview?: IsoDate;
  daysSinceLastReview?: number;
}

const REVIEW_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'review-conference',
  'child-in-care-review',
  'pathway-plan-review',
]);

const isVisit = (e: CaseEvent) => VISIT_KINDS.has(e.kind);
const completedOn = (e: CaseEvent) => (e.status === 'completed' ? e.completedDate : undefined);

/** When the rules said a visit done on `date` was due, from what had happened before it. */
function visitDueBefore(
  child: Child,
  events: readonly CaseEvent[],
  date: IsoDate,
  calendar: WorkingCalendar,
  rules: readonly TimescaleRule[],
): IsoDate | undefined {
  const before = events.filter((e) => (completedOn(e) ?? '9999') < date);
  return workOutDue(child, before, date, calendar, rules).due.find((d) => VISIT_KINDS.has(d.eventKind))
    ?.dueDate;
}

export function auditFacts(
  child: Child,
  events: readonly CaseEvent[],
  today: IsoDate,
  calendar: WorkingCalendar,
  rules: readonly TimescaleRule[],
): AuditFacts {
  const since = addMonths(today, -3);
  const visits = events
    .filter((e) => isVisit(e) && (completedOn(e) ?? '') >= since && (completedOn(e) ?? '9999') <= today)
    .sort((a, b) => ((completedOn(a) ?? '') < (completedOn(b) ?? '') ? -1 : 1));
  let onTime = 0;
  let late = 0;
  let unknown = 0;
  for (const visit of visits) {
    const date = completedOn(visit) as IsoDate;
    const due = visit.dueDate ?? visitDueBefore(child, events, date, calendar, rules);
    if (!due) unknown++;
    else if (date <= due) onTime++;
    else late++;
  }
  const now = workOutDue(child, events, today, calendar, rules);
  const latest = (match: (e: CaseEvent) => boolean) =>
    events
      .filter((e) => match(e) && (completedOn(e) ?? '9999') <= today)
      .map((e) => completedOn(e) as IsoDate)
      .sort()
      .at(-1);
  const lastSeenAlone = latest((e) => isVisit(e) && e.seenAlone === true);
  const familyNetworkMeeting = latest((e) => e.kind === 'family-network-meeting');
  const lastReview = latest((e) => REVIEW_KINDS.has(e.kind));
  const nextDue = now.due.find((d) => VISIT_KINDS.has(d.eventKind))?.dueDate;
  return {
    asOf: today,
    visits: { done: visits.length, onTime, late, unknown, ...(nextDue ? { nextDue } : {}) },
    ...(lastSeenAlone ? { lastSeenAlone } : {}),
    ...(familyNetworkMeeting ? { familyNetworkMeeting } : {}),
    openItems: now.due.length,
    notDoneYet: now.due.filter((d) => d.dueDate < today).length,
    ...(lastReview ? { lastReview, daysSinceLastReview: daysBetween(lastReview, today) } : {}),
  };
}
