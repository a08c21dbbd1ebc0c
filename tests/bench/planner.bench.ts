/**
 * Planning for a large authority: 80 teams, 800 practitioners, 12,000 children, 80,000 events,
 * all planned at one moment (everyone's morning at once, the worst case for the 15-minute timer).
 */
import { createCalendar } from '../../src/domain/calendar';
import { addDays } from '../../src/domain/dates';
import { defaultPlannerSettings, plan } from '../../src/domain/planner';
import { DEFAULT_RULES } from '../../src/domain/timescale-rules';
import type { CaseEvent, Child, ChildKind, EventKind, Person } from '../../src/domain/types';
import type { Report } from './run';

const KINDS: ChildKind[] = ['child-in-need', 'child-protection', 'child-in-care', 'care-experienced'];

export function syntheticAuthority(teams = 80, perTeam = 10, children = 12_000, events = 80_000) {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const today = '2026-12-01';
  const people: Person[] = [];
  for (let t = 0; t < teams; t++) {
    for (let p = 0; p < perTeam; p++) {
      people.push({
        id: `p-${t}-${p}`,
        teamId: `t-${t}`,
        displayName: `Worker ${t}-${p}`,
        roles: ['practitioner'],
        managesTeamIds: [],
        workingDays: p % 5 === 0 ? ['mon', 'tue', 'wed'] : ['mon', 'tue', 'wed', 'thu', 'fri'],
        morningTime: '08:30',
        leave: p % 17 === 0 ? [{ from: '2026-12-02', to: '2026-12-11' }] : [],
        paused: false,
        reachability: 'reachable',
      });
    }
  }
  const kids: Child[] = [];
  for (let c = 0; c < children; c++) {
    const worker = people[c % people.length] as Person;
    const start = addDays(today, -30 - Math.floor(rnd() * 600));
    kids.push({
      id: `c-${c}`,
      teamId: worker.teamId,
      name: { first: 'Child', familyInitial: 'X' },
      dateOfBirth: addDays(today, -365 * (1 + Math.floor(rnd() * 17))),
      kind: KINDS[c % 4] as ChildKind,
      allocatedPractitionerId: worker.id,
      anchors:
        c % 23 === 0
          ? {}
          : {
              referral: start,
              caseOpened: start,
              strategyDiscussion: start,
              initialConference: addDays(start, 14),
              cameIntoCare: start,
              lastMove: addDays(start, 60),
              leftCare: start,
            },
      closed: false,
    });
  }
  const eventKinds: EventKind[] = [
    'visit',
    'visit',
    'visit',
    'core-group',
    'review-conference',
    'child-in-care-review',
    'assessment',
    'pathway-plan-review',
  ];
  const evs: CaseEvent[] = [];
  for (let e = 0; e < events; e++) {
    const child = kids[e % kids.length] as Child;
    const planned = rnd() < 0.3;
    const date = addDays(today, planned ? Math.floor(rnd() * 30) : -Math.floor(rnd() * 120));
    evs.push({
      id: `e-${e}`,
      teamId: child.teamId,
      childId: child.id,
      kind: eventKinds[e % eventKinds.length] as EventKind,
      status: planned ? 'planned' : 'completed',
      ...(planned ? { scheduledDate: date } : { completedDate: date }),
      source: 'feed',
    });
  }
  return { people, children: kids, events: evs };
}

export async function plannerBench(report: Report): Promise<void> {
  const data = syntheticAuthority();
  const settings = defaultPlannerSettings(createCalendar('england-and-wales'), DEFAULT_RULES);
  const now = new Date('2026-12-01T09:00:00Z');
  global.gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
  // One warm-up run, then the measured ones.
  plan({ ...data, now, settings });
  const times: number[] = [];
  let bundles = 0;
  // Heap still held once a plan is made: what planning itself costs, apart from the data.
  let planHeap = 0;
  for (let i = 0; i < 5; i++) {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = process.hrtime.bigint();
    const result = plan({ ...data, now, settings });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    planHeap = Math.max(planHeap, process.memoryUsage().heapUsed - heapBefore);
    bundles = result.bundles.length;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  clearInterval(sampler);
  await Promise.resolve();
  times.sort((a, b) => a - b);
  report('planner-children', data.children.length, 'children');
  report('planner-events', data.events.length, 'events');
  report('planner-bundles', bundles, 'bundles');
  report('planner-median', times[Math.floor(times.length / 2)] as number, 'ms');
  report('planner-worst', times.at(-1) as number, 'ms');
  report('planner-peak-rss', peakRss / 1024 / 1024, 'MB');
  report('planner-plan-heap', planHeap / 1024 / 1024, 'MB');
}
