/**
 * The Monday digests for a large authority: 80 teams' view models (and one trend picture drawn)
 * over 12,000 children and 80,000 events, as the digest timer makes them at once.
 */
import { renderDigestCard } from '../../src/cards/digest-cards';
import { createCalendar } from '../../src/domain/calendar';
import { buildTeamDigests, defaultDigestSettings } from '../../src/domain/digest';
import { DEFAULT_RULES } from '../../src/domain/timescale-rules';
import { syntheticAuthority } from './planner.bench';
import type { Report } from './run';

export function digestBench(report: Report): Promise<void> {
  const data = syntheticAuthority();
  const teams = [...new Set(data.people.map((p) => p.teamId))].map((id) => ({ id, name: `Team ${id}` }));
  const teamIds = teams.map((t) => t.id);
  const settings = defaultDigestSettings(createCalendar('england-and-wales'), DEFAULT_RULES);
  const dates = { weekStart: '2026-11-23', asOf: '2026-11-30' };
  const all = { ...data, teams };
  buildTeamDigests(all, teamIds, dates, settings); // warm-up
  const times: number[] = [];
  let digests = buildTeamDigests(all, teamIds, dates, settings);
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    digests = buildTeamDigests(all, teamIds, dates, settings);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const cardStarted = process.hrtime.bigint();
  const card = renderDigestCard(digests[0]!, { cardId: 'bench' });
  const cardMs = Number(process.hrtime.bigint() - cardStarted) / 1e6;
  report('digest-teams', digests.length, 'teams');
  report('digest-80-teams', times[Math.floor(times.length / 2)]!, 'ms');
  report('digest-80-teams-worst', times.at(-1)!, 'ms');
  report('digest-card-render', cardMs, 'ms');
  report('digest-card-size', Buffer.byteLength(JSON.stringify(card)) / 1024, 'KB');
  return Promise.resolve();
}
