/**
 * Who sees which digest: a manager their own team and the teams they oversee; a head of service a
 * roll-up across theirs. Pure.
 */
import type { Person } from './types';

/** The teams a person may see a digest for: their own team and the ones they oversee, if they lead. */
export function teamsVisibleTo(person: Person): string[] {
  if (!person.roles.includes('manager') && !person.roles.includes('head-of-service')) return [];
  return [...new Set([person.teamId, ...person.managesTeamIds])].sort();
}

/** What a roll-up needs of each team's digest. */
export interface DigestFigures {
  teamId: string;
  teamName: string;
  weekId: string;
  seen: { due: number; seen: number };
  notSeenYet: readonly unknown[];
}

export interface RollUp {
  weekId: string;
  teams: { teamId: string; teamName: string; due: number; seen: number; notSeenYet: number }[];
  due: number;
  seen: number;
}

/** A head of service's picture across teams: a line a team, and the whole. */
export function rollUp(digests: readonly DigestFigures[]): RollUp {
  const teams = digests.map((d) => ({
    teamId: d.teamId,
    teamName: d.teamName,
    due: d.seen.due,
    seen: d.seen.seen,
    notSeenYet: d.notSeenYet.length,
  }));
  return {
    weekId: digests[0]?.weekId ?? '',
    teams,
    due: teams.reduce((n, t) => n + t.due, 0),
    seen: teams.reduce((n, t) => n + t.seen, 0),
  };
}
