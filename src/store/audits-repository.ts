/**
 * The `audits` container (partition `/teamId`): one document per audit (in the child's team), one
 * per worry raised during an audit, and one per programme month (in the authority-wide partition)
 * holding the month's theme and the sample as it was drawn, so assigning a month twice writes the
 * same audits. Every write that can race goes through `Repository.update` (ETag, IfMatch).
 */
import type { Container } from '@azure/cosmos';
import type { Audit } from '../domain/audit';
import type { AuditTheme } from '../domain/audit-programme';
import type { AuditHistoryEntry, SamplePick } from '../domain/audit-sampling';
import type { AuditWorry } from '../domain/audit-worry';
import type { IsoDate, IsoInstant } from '../domain/types';
import type { Stored } from './repository';
import { Repository } from './repository';

/** Documents about the whole authority's programme, not one team. */
export const AUTHORITY_PARTITION = '_authority';

export interface AuditMonth {
  /** `audit-month:2026-12`. */
  id: string;
  teamId: typeof AUTHORITY_PARTITION;
  month: string;
  /** Set by a head of service from Teams or the command line; wins over the programme file. */
  theme?: { theme: AuditTheme; share?: number; setBy: string; setAt: IsoInstant };
  /** The sample as drawn, so every later run of the month writes the same audits. */
  plan?: {
    seed: string;
    theme?: AuditTheme;
    assignOn: IsoDate;
    dueDate: IsoDate;
    picks: SamplePick[];
    shortfall: number;
    drawnAt: IsoInstant;
  };
  assignedAt?: IsoInstant;
}

export const auditMonthId = (month: string) => `audit-month:${month}`;

export class AuditsRepository {
  readonly audits: Repository<Audit>;
  readonly worries: Repository<AuditWorry>;
  readonly months: Repository<AuditMonth>;

  constructor(container: Container) {
    const byTeam = (item: { teamId: string }) => item.teamId;
    // Who has an open action, kept beside the audit so "my open actions" is one query.
    const openActionOwners = (a: Audit) => ({
      openActionOwners: [...new Set(a.actions.filter((x) => !x.doneAt).map((x) => x.ownerId))],
    });
    this.audits = new Repository<Audit>(container, byTeam, 'audit', openActionOwners);
    this.worries = new Repository<AuditWorry>(container, byTeam, 'audit-worry');
    this.months = new Repository<AuditMonth>(container, byTeam, 'audit-month');
  }

  /**
   * An audit by id. Cards carry its team too, so this is a point read; without the team (or with
   * a wrong one) it is one small cross-partition query.
   */
  async findAudit(id: string, teamId?: string): Promise<(Audit & Partial<Stored>) | undefined> {
    if (!id) return undefined;
    const direct = teamId ? await this.audits.get(id, teamId) : undefined;
    if (direct) return direct;
    const [found] = await this.audits.findByIds([id]);
    return found;
  }

  async findWorry(id: string): Promise<AuditWorry | undefined> {
    const [found] = await this.worries.findByIds([id]);
    return found;
  }

  month(month: string): Promise<(AuditMonth & Stored) | undefined> {
    return this.months.get(auditMonthId(month), AUTHORITY_PARTITION);
  }

  forMonth(month: string): Promise<Audit[]> {
    return this.audits.query('c.month = @month', [{ name: '@month', value: month }]);
  }

  forAuditor(auditorId: string, month?: string): Promise<Audit[]> {
    return this.audits.query(`c.auditorId = @auditor${month ? ' AND c.month = @month' : ''}`, [
      { name: '@auditor', value: auditorId },
      ...(month ? [{ name: '@month', value: month }] : []),
    ]);
  }

  /** Audits from `sinceMonth` on, as the sample needs to know them. */
  async history(sinceMonth: string): Promise<AuditHistoryEntry[]> {
    const audits = await this.audits.query('c.month >= @since', [{ name: '@since', value: sinceMonth }]);
    return audits.map((a) => ({
      childId: a.childId,
      month: a.month,
      auditorId: a.auditorId,
      childKind: a.childKind,
      ...(a.practitionerId ? { practitionerId: a.practitionerId } : {}),
    }));
  }

  /** Audits not submitted whose due date is before `date`. */
  notSubmittedDueBefore(date: IsoDate): Promise<Audit[]> {
    return this.audits.query("c.status != 'submitted' AND c.dueDate < @date", [
      { name: '@date', value: date },
    ]);
  }

  /** Audits due, or submitted, from `from` to `to`, in these teams (all teams when absent). */
  between(from: IsoDate, to: IsoDate, teamIds?: readonly string[]): Promise<Audit[]> {
    const inTeams = teamIds ? ' AND ARRAY_CONTAINS(@teams, c.teamId)' : '';
    return this.audits.query(
      `((c.dueDate >= @from AND c.dueDate <= @to) OR (IS_DEFINED(c.submittedAt) AND c.submittedAt >= @from AND c.submittedAt <= @toEnd))${inTeams}`,
      [
        { name: '@from', value: from },
        { name: '@to', value: to },
        { name: '@toEnd', value: `${to}T23:59:59.999Z` },
        ...(teamIds ? [{ name: '@teams', value: [...teamIds] }] : []),
      ],
    );
  }

  /** Submitted audits with an action still open for this person. */
  withOpenActionsFor(personId: string): Promise<Audit[]> {
    return this.audits.query("c.status = 'submitted' AND ARRAY_CONTAINS(c.openActionOwners, @person)", [
      { name: '@person', value: personId },
    ]);
  }

  /** Submitted audits with any action still open, for the digest's "not done by its date". */
  withOpenActions(teamIds: readonly string[]): Promise<Audit[]> {
    return this.audits.query(
      "c.status = 'submitted' AND ARRAY_LENGTH(c.openActionOwners) > 0 AND ARRAY_CONTAINS(@teams, c.teamId)",
      [{ name: '@teams', value: [...teamIds] }],
    );
  }

  /** Worries nobody has acknowledged and that have not escalated yet. */
  waitingWorries(): Promise<AuditWorry[]> {
    return this.worries.query('NOT IS_DEFINED(c.acknowledgedAt) AND NOT IS_DEFINED(c.escalatedAt)');
  }
}
