/**
 * The nudge planner: from people, children, events and "now", the messages each practitioner
 * should get. One morning bundle per practitioner on their working days (children to see today,
 * not seen yet, coming up, and what Hearth cannot work out), plus a few timely nudges within a
 * daily budget. A practitioner's own pattern and leave change when they are told, never a child's
 * deadline. Pure and deterministic: the same inputs give the same messages with the same ids.
 * The planner says what is due; the words for it are src/text's.
 */
import type { WorkingCalendar } from './calendar';
import { londonDate, londonTime } from './dates';
import { planPractitioner } from './morning-bundle';
import type { NameStyle } from './names';
import type { Plan, PlanInput, PlannerSettings } from './planner-types';
import { DEFAULT_LEAD_TIMES } from './planner-types';
import type { TimescaleRule } from './timescale-rules';
import type { Child } from './types';
import { describeError, withoutFaulty } from './isolate';

export type {
  BundleItem,
  CoverNotice,
  DayContext,
  MorningBundle,
  Nudge,
  Plan,
  PlanInput,
  PlannerSettings,
  Situation,
} from './planner-types';
export { DEFAULT_LEAD_TIMES } from './planner-types';

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

export function plan(input: PlanInput): Plan {
  const today = londonDate(input.now);
  const eventsByChild = groupBy(input.events, (e) => e.childId);
  const childrenByWorker = groupBy(input.children, (c) => (c.closed ? undefined : c.allocatedPractitionerId));
  const managersOf = (teamId: string) =>
    input.people
      .filter(
        (p) => p.roles.includes('manager') && (p.teamId === teamId || p.managesTeamIds.includes(teamId)),
      )
      .map((p) => p.id);

  const result: Plan = { bundles: [], nudges: [], cover: [], skipped: [] };
  const practitioners = input.people
    .filter((p) => p.roles.includes('practitioner') && !p.paused)
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const person of practitioners) {
    const context = (children: readonly Child[]) => ({
      children,
      eventsByChild,
      today,
      nowTime: londonTime(input.now),
      settings: input.settings,
      alreadyPlanned: input.alreadyPlanned ?? new Set<string>(),
      managersOf,
    });
    // One child (or person) the rules cannot handle is left out, and said so; everyone else is planned.
    let planned: ReturnType<typeof planPractitioner>;
    try {
      planned = withoutFaulty(
        childrenByWorker.get(person.id) ?? [],
        (children) => planPractitioner(person, context(children)),
        (child, error) =>
          result.skipped.push({ personId: person.id, childId: child.id, problem: describeError(error) }),
      );
    } catch (error) {
      result.skipped.push({ personId: person.id, problem: describeError(error) });
      continue;
    }
    if (!planned) continue;
    result.bundles.push(planned.bundle);
    result.nudges.push(...planned.nudges);
    if (planned.cover) result.cover.push(planned.cover);
  }
  return result;
}

/** Hearth's defaults; an authority's config can change each. */
export function defaultPlannerSettings(
  calendar: WorkingCalendar,
  rules: readonly TimescaleRule[],
  nameStyle: NameStyle = 'first-name-initial',
): PlannerSettings {
  return {
    calendar,
    rules,
    nameStyle,
    leadTimes: DEFAULT_LEAD_TIMES,
    defaultLead: 5,
    dailyMessageBudget: 3,
    nudgeTime: '13:00',
  };
}
