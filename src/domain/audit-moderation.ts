/**
 * Moderation: a share of each month's submitted audits is re-read by a moderator (a head of service
 * or quality lead, never the auditor) for consistent grading; at least one a month from each team
 * with a submitted audit. The choice is repeatable for a seed, and audits already chosen stay chosen.
 */
import type { Audit, Grade } from './audit';
import type { AuditProgramme } from './audit-programme';
import { hashText } from './seeded-random';
import type { Person } from './types';

/** The ids of a month's submitted audits that should be moderated, including those already chosen. */
export function chooseForModeration(monthAudits: readonly Audit[], programme: AuditProgramme): string[] {
  const submitted = monthAudits
    .filter((a) => a.status === 'submitted')
    .map((a) => ({ a, order: hashText(`${programme.seed}:moderation:${a.id}`) }))
    .sort((x, y) => x.order - y.order || (x.a.id < y.a.id ? -1 : 1))
    .map((x) => x.a);
  const chosen = new Set(submitted.filter((a) => a.moderation).map((a) => a.id));
  if (programme.moderation.atLeastOnePerTeamPerMonth) {
    const teams = new Set(submitted.filter((a) => chosen.has(a.id)).map((a) => a.teamId));
    for (const a of submitted) {
      if (teams.has(a.teamId)) continue;
      chosen.add(a.id);
      teams.add(a.teamId);
    }
  }
  const wanted = Math.ceil(submitted.length * programme.moderation.share);
  for (const a of submitted) {
    if (chosen.size >= wanted) break;
    chosen.add(a.id);
  }
  return submitted.filter((a) => chosen.has(a.id)).map((a) => a.id);
}

/**
 * Who moderates an audit: the moderator with the fewest audits to moderate so far, never the
 * auditor or the practitioner; undefined when there is nobody else.
 */
export function pickModerator(
  audit: Pick<Audit, 'auditorId' | 'practitionerId'>,
  moderators: readonly Person[],
  load: ReadonlyMap<string, number>,
): string | undefined {
  return moderators
    .filter((m) => m.id !== audit.auditorId && m.id !== audit.practitionerId)
    .map((m) => ({ id: m.id, n: load.get(m.id) ?? 0 }))
    .sort((x, y) => x.n - y.n || (x.id < y.id ? -1 : 1))[0]?.id;
}

export type ModerationDecision = { agree: true } | { agree: false; grade: Grade; reason: string };

export interface AgreementRate {
  moderated: number;
  agreed: number;
}

/** How often moderators agreed with the auditor's grade. */
export function agreementRate(audits: readonly Audit[]): AgreementRate {
  const outcomes = audits.flatMap((a) => (a.moderation?.outcome ? [a.moderation.outcome] : []));
  return { moderated: outcomes.length, agreed: outcomes.filter((o) => o.agreed).length };
}
