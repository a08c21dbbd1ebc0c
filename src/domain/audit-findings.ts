/**
 * "What audits found": the figures behind the digest section, the quality board's export and the
 * monthly summary. Audits done of those due, grades with counts, the standards most and least often
 * met, strengths in the auditors' words, open actions, audits not yet submitted, and how often
 * moderators agreed. Pure; the words are in src/text/audit-findings.ts.
 */
import type { Audit, Grade } from './audit';
import { GRADES } from './audit';
import type { AuditStandard } from './audit-programme';
import type { AgreementRate } from './audit-moderation';
import { agreementRate } from './audit-moderation';
import { actionsNotDoneByDate } from './audit-follow-up';
import type { IsoDate } from './types';

export interface StandardTally {
  standard: AuditStandard;
  yes: number;
  partly: number;
  no: number;
  notApplicable: number;
  /** Met counts "Yes" as 1 and "Partly" as a half, of the answers that were not "Not applicable". */
  metShare: number;
}

export interface AuditFindings {
  from: IsoDate;
  to: IsoDate;
  /** Audits due in the period, and how many of them are submitted. */
  due: number;
  done: number;
  /** Grades of the audits submitted in the period. */
  grades: Record<Grade, number>;
  standards: StandardTally[];
  mostMet: StandardTally[];
  leastMet: StandardTally[];
  strengths: { auditId: string; text: string }[];
  openActions: number;
  actionsNotDoneByDate: number;
  /** Audits past their due date and not submitted. */
  notSubmitted: { auditId: string; auditorId: string; childId: string; dueDate: IsoDate }[];
  moderation: AgreementRate;
}

const STRENGTHS_SHOWN = 3;
const STANDARDS_SHOWN = 2;

const submittedOn = (a: Audit) => a.submittedAt?.slice(0, 10);

function tally(submitted: readonly Audit[]): StandardTally[] {
  const byId = new Map<string, StandardTally>();
  for (const audit of submitted) {
    for (const standard of audit.standards) {
      let t = byId.get(standard.id);
      if (!t)
        byId.set(standard.id, (t = { standard, yes: 0, partly: 0, no: 0, notApplicable: 0, metShare: 0 }));
      const answer = audit.answers.standards[standard.id]?.answer;
      if (answer === 'yes') t.yes++;
      if (answer === 'partly') t.partly++;
      if (answer === 'no') t.no++;
      if (answer === 'not-applicable') t.notApplicable++;
    }
  }
  for (const t of byId.values()) {
    const asked = t.yes + t.partly + t.no;
    t.metShare = asked === 0 ? 0 : (t.yes + t.partly / 2) / asked;
  }
  return [...byId.values()];
}

/** Findings for audits due or submitted from `from` to `to` (inclusive), as of `today`. */
export function auditFindings(
  audits: readonly Audit[],
  period: { from: IsoDate; to: IsoDate; today: IsoDate },
): AuditFindings {
  const inPeriod = (d: IsoDate | undefined) => d !== undefined && d >= period.from && d <= period.to;
  const due = audits.filter((a) => inPeriod(a.dueDate));
  const submitted = audits.filter((a) => a.status === 'submitted' && inPeriod(submittedOn(a)));
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const a of submitted) if (a.answers.grade) grades[a.answers.grade]++;
  const standards = tally(submitted);
  const answered = standards.filter((t) => t.yes + t.partly + t.no > 0);
  const best = [...answered].sort((x, y) => y.metShare - x.metShare).slice(0, STANDARDS_SHOWN);
  const worst = [...answered]
    .sort((x, y) => x.metShare - y.metShare)
    .filter((t) => !best.includes(t) && t.metShare < 1)
    .slice(0, STANDARDS_SHOWN);
  const strengths = [...submitted]
    .sort((x, y) => ((x.submittedAt ?? '') > (y.submittedAt ?? '') ? -1 : 1))
    .flatMap((a) =>
      a.answers.reflection.workingWell ? [{ auditId: a.id, text: a.answers.reflection.workingWell }] : [],
    )
    .slice(0, STRENGTHS_SHOWN);
  const actions = audits.filter((a) => a.status === 'submitted').flatMap((a) => a.actions);
  return {
    from: period.from,
    to: period.to,
    due: due.length,
    done: due.filter((a) => a.status === 'submitted').length,
    grades,
    standards,
    mostMet: best,
    leastMet: worst,
    strengths,
    openActions: actions.filter((x) => !x.doneAt).length,
    actionsNotDoneByDate: actionsNotDoneByDate(audits, period.today).length,
    notSubmitted: audits
      .filter((a) => a.status !== 'submitted' && a.dueDate < period.today)
      .map((a) => ({ auditId: a.id, auditorId: a.auditorId, childId: a.childId, dueDate: a.dueDate })),
    moderation: agreementRate(submitted),
  };
}
