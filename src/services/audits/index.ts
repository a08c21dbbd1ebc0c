/**
 * Case audits' use cases, for the Teams bot, the timers and the command line to call. Each takes
 * its dependencies first (`AuditDeps`) and answers card actions with the card to show in place.
 */
export type { AuditDeps, AuditMessage, AuditMessageKind, AuditReply } from './deps';
export { AUDIT_MESSAGE_KINDS } from './deps';
export { acknowledgeAuditWorry } from './acknowledge-worry';
export { auditActionItems } from './action-items';
export { addReflection } from './add-reflection';
export { assignMonth } from './assign-month';
export { closeAuditAction } from './close-action';
export { auditDigestSection } from './digest-section';
export { escalateAuditWorries } from './escalate-worries';
export { auditExportCsv, auditMonthSummary, exportAudits } from './export-audits';
export { chooseModeration, moderateAudit } from './moderation';
export { nudgeLateAudits } from './nudge-late-audits';
export { openAudit, showMyAudits } from './open-audit';
export { planMonth } from './plan-month';
export { raiseWorry } from './raise-worry';
export { saveAuditStep } from './save-step';
export { setThemedMonth } from './set-theme';
export { startAdHocAudit } from './start-ad-hoc';
export { submitAudit } from './submit-audit';

/** Card verbs and the use case each goes to; the bot passes `{ actorId, data }` (data = the invoke's data and inputs). */
export const AUDIT_VERBS = [
  'audit-open',
  'audit-save',
  'audit-submit',
  'audit-worry',
  'audit-worry-ack',
  'audit-reflect',
  'audit-action-done',
  'audit-moderate',
] as const;
export type AuditVerb = (typeof AUDIT_VERBS)[number];
