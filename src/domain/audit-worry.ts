/**
 * "I am worried about this child's safety now": a worry raised at any step of an audit is a record
 * of who raised it, when and about which child. It goes at once to the practitioner's manager and
 * the head of service, needs one of them to acknowledge it, and escalates when nobody has within the
 * programme's working hours. Pure: "now" is a parameter, and "what is due to escalate at time T" is
 * a function of the worries and T alone.
 */
import type { AuditProgramme } from './audit-programme';
import type { WorkingCalendar } from './calendar';
import { londonDate, londonInstant, londonTime } from './dates';
import type { IsoInstant } from './types';

export interface AuditWorry {
  /** `worry:<audit id>:<n>`. */
  id: string;
  teamId: string;
  childId: string;
  auditId: string;
  raisedBy: string;
  raisedAt: IsoInstant;
  /** Who was told at once: the practitioner's managers and the heads of service. */
  notified: string[];
  acknowledgedBy?: string;
  acknowledgedAt?: IsoInstant;
  escalatedAt?: IsoInstant;
  escalatedTo?: string[];
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * The instant `hours` working hours after `from`: counted only on working days, between the
 * working day's start and end (London time). A worry raised in the evening starts counting the
 * next working morning.
 */
export function addWorkingHours(
  from: Date,
  hours: number,
  calendar: WorkingCalendar,
  workingHours: { start: string; end: string },
): Date {
  const start = minutes(workingHours.start);
  const end = minutes(workingHours.end);
  let date = londonDate(from);
  let at = minutes(londonTime(from));
  let left = Math.round(hours * 60);
  for (;;) {
    if (!calendar.isWorkingDay(date) || at >= end) {
      date = calendar.addWorkingDays(
        calendar.isWorkingDay(date) ? date : calendar.workingDayOnOrBefore(date),
        1,
      );
      at = start;
      continue;
    }
    if (at < start) at = start;
    if (at + left <= end) return londonInstant(date, clock(at + left));
    left -= end - at;
    at = end;
  }
}

/** When a worry escalates if nobody acknowledges it. */
export function escalatesAt(worry: AuditWorry, calendar: WorkingCalendar, programme: AuditProgramme): Date {
  return addWorkingHours(
    new Date(worry.raisedAt),
    programme.worries.acknowledgeWithinWorkingHours,
    calendar,
    programme.worries.workingHours,
  );
}

/** The worries nobody has acknowledged whose time is up at `now`, and that have not escalated yet. */
export function worriesDueToEscalate(
  worries: readonly AuditWorry[],
  now: Date,
  calendar: WorkingCalendar,
  programme: AuditProgramme,
): AuditWorry[] {
  return worries.filter(
    (w) =>
      !w.acknowledgedAt && !w.escalatedAt && escalatesAt(w, calendar, programme).getTime() <= now.getTime(),
  );
}

export type AcknowledgeResult =
  | { outcome: 'acknowledged'; worry: AuditWorry }
  | { outcome: 'already'; worry: AuditWorry }
  | { outcome: 'not-yours' };

/** Only someone the worry went to may acknowledge it; the first to do so is recorded. */
export function acknowledgeWorry(worry: AuditWorry, personId: string, now: Date): AcknowledgeResult {
  const told = new Set([...worry.notified, ...(worry.escalatedTo ?? [])]);
  if (!told.has(personId)) return { outcome: 'not-yours' };
  if (worry.acknowledgedAt) return { outcome: 'already', worry };
  return {
    outcome: 'acknowledged',
    worry: { ...worry, acknowledgedBy: personId, acknowledgedAt: now.toISOString() },
  };
}
