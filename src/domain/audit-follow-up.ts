/**
 * What follows an audit in time: the gentle nudge to an auditor whose audit is past its due date,
 * the line in their manager's digest some working days later, and the agreed actions as items with
 * their dates in the owner's morning card until they are done. Pure: "today" is a parameter.
 */
import type { Audit, AuditAction } from './audit';
import type { AuditProgramme } from './audit-programme';
import type { WorkingCalendar } from './calendar';
import type { IsoDate } from './types';

/** Audits whose auditor should get the gentle nudge today: past the due date, once. */
export function auditsToNudge(audits: readonly Audit[], today: IsoDate): Audit[] {
  return audits.filter((a) => a.status !== 'submitted' && a.dueDate < today && !a.nudgedOn);
}

/** The working day on which a late audit becomes a line in the auditor's manager's digest. */
export function managerLineFrom(
  audit: Pick<Audit, 'dueDate'>,
  calendar: WorkingCalendar,
  programme: AuditProgramme,
) {
  return calendar.addWorkingDays(audit.dueDate, programme.lateToManagerAfterWorkingDays);
}

/** Audits not submitted by their due date whose grace has run out: their manager hears. */
export function auditsLateForManager(
  audits: readonly Audit[],
  today: IsoDate,
  calendar: WorkingCalendar,
  programme: AuditProgramme,
): Audit[] {
  return audits.filter((a) => a.status !== 'submitted' && managerLineFrom(a, calendar, programme) <= today);
}

export interface AuditActionItem {
  /** `audit-action:<audit id>:<action id>`: stable, for snoozes and card updates. */
  key: string;
  auditId: string;
  actionId: string;
  teamId: string;
  childId: string;
  ownerId: string;
  what: string;
  dueDate: IsoDate;
  /** Past its date and not done. */
  notDoneYet: boolean;
}

export const actionItemKey = (auditId: string, actionId: string) => `audit-action:${auditId}:${actionId}`;

const asItem = (audit: Audit, action: AuditAction, today: IsoDate): AuditActionItem => ({
  key: actionItemKey(audit.id, action.id),
  auditId: audit.id,
  actionId: action.id,
  teamId: audit.teamId,
  childId: audit.childId,
  ownerId: action.ownerId,
  what: action.what,
  dueDate: action.by,
  notDoneYet: action.by < today,
});

/** A person's open actions from submitted audits, soonest first: items for their morning card. */
export function openActionsFor(
  audits: readonly Audit[],
  personId: string,
  today: IsoDate,
): AuditActionItem[] {
  return audits
    .filter((a) => a.status === 'submitted')
    .flatMap((a) =>
      a.actions.filter((x) => x.ownerId === personId && !x.doneAt).map((x) => asItem(a, x, today)),
    )
    .sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : 0));
}

/** Actions not done by their date, for the manager's digest. */
export function actionsNotDoneByDate(audits: readonly Audit[], today: IsoDate): AuditActionItem[] {
  return audits
    .filter((a) => a.status === 'submitted')
    .flatMap((a) => a.actions.filter((x) => !x.doneAt && x.by < today).map((x) => asItem(a, x, today)));
}

/** Who each agreed action belongs to once the audit is submitted. */
export function ownerOfAction(
  who: AuditAction['who'],
  people: { practitionerId?: string; managerId?: string; auditorId: string },
): string {
  if (who === 'practitioner') return people.practitionerId ?? people.managerId ?? people.auditorId;
  if (who === 'auditor') return people.auditorId;
  // A manager's action, and someone else's, followed up by the practitioner's manager.
  return people.managerId ?? people.auditorId;
}
