/**
 * Who sees which digest: a manager their own team and the teams they oversee; a head of service a
 * roll-up across theirs. Pure.
 */
import type { TeamDigest } from './digest';
import { plural } from './language';
import type { Person } from './types';

/** The teams a person may see a digest for: their own team and the ones they oversee, if they lead. */
export function teamsVisibleTo(person: Person): string[] {
  if (!person.roles.includes('manager') && !person.roles.includes('head-of-service')) return [];
  return [...new Set([person.teamId, ...person.managesTeamIds])].sort();
}

export interface RollUp {
  weekId: string;
  teams: {
    teamId: string;
    teamName: string;
    sentence: string;
    due: number;
    seen: number;
    notSeenYet: number;
  }[];
  sentence: string;
  preview: string;
}

/** A head of service's picture across teams: a line a team, and the whole. */
export function rollUp(digests: readonly TeamDigest[]): RollUp {
  const teams = digests.map((d) => ({
    teamId: d.teamId,
    teamName: d.teamName,
    due: d.seen.due,
    seen: d.seen.seen,
    notSeenYet: d.notSeenYet.length,
    sentence: `${d.teamName}: saw ${d.seen.seen} of ${plural(d.seen.due, 'child', 'children')} due a visit; ${d.notSeenYet.length} not seen yet.`,
  }));
  const due = teams.reduce((n, t) => n + t.due, 0);
  const seen = teams.reduce((n, t) => n + t.seen, 0);
  return {
    weekId: digests[0]?.weekId ?? '',
    teams,
    sentence: `Across ${plural(teams.length, 'team', 'teams')}, we saw ${seen} of the ${plural(due, 'child', 'children')} due a visit.`,
    preview: `Your service's week: ${seen} of ${plural(due, 'child', 'children')} seen`,
  };
}
