/**
 * "Seen this week": a child counts once they have had any visit that counts as seeing them (a
 * social worker's or a personal adviser's) from Monday to today. The morning card, `my week` and
 * the digest all count this way.
 */
import { mondayOf } from './dates';
import type { CaseEvent, IsoDate } from './types';
import { VISIT_KINDS } from './types';

/** The date of a completed visit, when the event is one. */
export const visitDate = (e: CaseEvent): IsoDate | undefined =>
  VISIT_KINDS.has(e.kind) && e.status === 'completed' ? e.completedDate : undefined;

/** Whether this child's events show them seen from the Monday of `today`'s week up to `today`. */
export function seenThisWeek(events: readonly CaseEvent[], today: IsoDate): boolean {
  const monday = mondayOf(today);
  return events.some((e) => {
    const on = visitDate(e);
    return on !== undefined && on >= monday && on <= today;
  });
}
