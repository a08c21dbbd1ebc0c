/**
 * The digest's look ahead, as of the day it is made: children not seen yet (longest waiting first,
 * with days since seen and the latest reason given), the meetings and assessments coming up, and
 * the dates Hearth cannot work out. Pure.
 */
import { daysBetween } from './dates';
import type { CannotWorkOutItem, ComingUpItem, DigestSettings, NotSeenChild } from './digest-types';
import { shortName } from './names';
import { workOutDue } from './timescales';
import type { CaseEvent, Child, EventKind, IsoDate, NotSeenReason, Person } from './types';
import { VISIT_KINDS } from './types';

/** What "coming up" shows a manager: the meetings and assessments that shape a child's plan. */
export const DIGEST_COMING_UP_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'assessment',
  'initial-conference',
  'review-conference',
  'child-in-care-review',
  'pathway-plan-review',
  'family-network-meeting',
]);

/** A practitioner's name as the digest shows it: someone not in the team, or nobody allocated yet. */
export const nameOf = (people: ReadonlyMap<string, Person>, id: string | undefined) =>
  id ? (people.get(id)?.displayName ?? 'someone') : 'nobody yet';

export interface LookAhead {
  notSeenYet: NotSeenChild[];
  comingUp: ComingUpItem[];
  cannotWorkOut: CannotWorkOutItem[];
}

export function lookAhead(
  children: readonly Child[],
  eventsByChild: ReadonlyMap<string, CaseEvent[]>,
  asOf: IsoDate,
  settings: DigestSettings,
  people: ReadonlyMap<string, Person>,
): LookAhead {
  const ahead: LookAhead = { notSeenYet: [], comingUp: [], cannotWorkOut: [] };
  const horizon = settings.calendar.addWorkingDays(asOf, settings.comingUpWorkingDays);
  for (const child of children) {
    const events = eventsByChild.get(child.id) ?? [];
    const who = {
      childId: child.id,
      childName: shortName(child, settings.nameStyle),
      practitionerName: nameOf(people, child.allocatedPractitionerId),
    };
    const practitioner = child.allocatedPractitionerId
      ? people.get(child.allocatedPractitionerId)
      : undefined;
    const now = workOutDue(child, events, asOf, settings.calendar, settings.rules, {
      ...(practitioner ? { practitioner } : {}),
    });
    for (const item of now.due) {
      const date = item.booked ?? item.dueDate;
      if (VISIT_KINDS.has(item.eventKind) && item.dueDate < asOf) {
        const reason = latestReason(events, item.lastDone);
        ahead.notSeenYet.push({
          ...who,
          practitionerId: child.allocatedPractitionerId ?? '',
          dueDate: item.dueDate,
          ...(item.lastDone
            ? { lastSeen: item.lastDone, daysSinceLastSeen: daysBetween(item.lastDone, asOf) }
            : {}),
          ...(reason ? { lastReason: reason } : {}),
        });
      } else if (DIGEST_COMING_UP_KINDS.has(item.eventKind) && date >= asOf && date <= horizon) {
        const booked = item.booked !== undefined;
        const weekend = !booked && !settings.calendar.isWorkingDay(date);
        ahead.comingUp.push({
          ...who,
          eventKind: item.eventKind,
          date,
          ...(weekend ? { dueBy: settings.calendar.workingDayOnOrBefore(date) } : {}),
          booked,
        });
      }
    }
    for (const c of now.cannotWorkOut)
      ahead.cannotWorkOut.push({ ...who, eventKind: c.eventKind, missing: c.missing });
  }
  // Longest without a visit first; then soonest first.
  ahead.notSeenYet.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.childId.localeCompare(b.childId));
  ahead.comingUp.sort((a, b) => a.date.localeCompare(b.date) || a.childId.localeCompare(b.childId));
  return ahead;
}

/** The reason given for the latest visit that could not happen since the child was last seen. */
function latestReason(
  events: readonly CaseEvent[],
  lastSeen: IsoDate | undefined,
): NotSeenReason | undefined {
  return events
    .filter(
      (e) =>
        VISIT_KINDS.has(e.kind) &&
        e.status === 'not-possible' &&
        (!lastSeen || (e.recordedAt ?? e.scheduledDate ?? e.dueDate ?? '') >= lastSeen),
    )
    .sort((a, b) => (a.recordedAt ?? '').localeCompare(b.recordedAt ?? ''))
    .at(-1)?.notPossibleReason;
}
