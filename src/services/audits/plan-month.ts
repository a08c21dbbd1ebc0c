/**
 * The month's sample from what is stored, without writing anything: the people, the children, the
 * visits (for the "not seen alone" theme), the audits of the exclusion window, and the month's
 * theme if a head of service set one. Used by the assignment and by `hearth audit sample --store`.
 */
import { monthFromIndex, monthIndex } from '../../domain/audit';
import type { AuditProgramme } from '../../domain/audit-programme';
import type { SamplePlan } from '../../domain/audit-sampling';
import { sampleMonth } from '../../domain/audit-sampling';
import type { WorkingCalendar } from '../../domain/calendar';
import type { Store } from '../../store/store';

export async function planMonth(
  deps: { store: Store; calendar: WorkingCalendar; programme: AuditProgramme },
  month: string,
): Promise<SamplePlan> {
  const since = monthFromIndex(
    monthIndex(month) - Math.max(deps.programme.exclusions.auditedWithinMonths, 3),
  );
  const [people, children, visits, history, monthDoc] = await Promise.all([
    deps.store.people.query(),
    deps.store.children.query('c.closed = false'),
    deps.store.events.query("c.kind = 'visit' AND c.status = 'completed'"),
    deps.store.audits.history(since),
    deps.store.audits.month(month),
  ]);
  return sampleMonth({
    month,
    programme: deps.programme,
    ...(monthDoc?.theme
      ? {
          theme: {
            theme: monthDoc.theme.theme,
            ...(monthDoc.theme.share !== undefined ? { share: monthDoc.theme.share } : {}),
          },
        }
      : {}),
    people,
    children,
    events: visits,
    // This month's own audits (ad hoc ones) count; the month's sample is drawn once and kept.
    history,
    calendar: deps.calendar,
  });
}
