/**
 * How long Hearth keeps each kind of operational data (a data protection decision each authority
 * can change in its settings). The case management system stays the record.
 */
/** Days to keep each kind of data, counted from its last change. */
export interface RetentionDays {
  outbox: number;
  activity: number;
  feedback: number;
  audits: number;
  /** Days after the feed marks a child closed before Hearth removes what it holds about them. */
  closedChild: number;
}
export type RetentionKind = Exclude<keyof RetentionDays, 'closedChild'>;

/** Defaults: outbox 90 days, activity log 400 days, feedback 2 years, audits 6 years. */
export const DEFAULT_RETENTION_DAYS: RetentionDays = {
  outbox: 90,
  activity: 400,
  feedback: 731,
  audits: 2192,
  closedChild: 30,
};
