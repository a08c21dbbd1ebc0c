/**
 * The nudge planner: from people, children, events and "now", the messages each practitioner
 * should get. One morning bundle per practitioner on their working days (children to see today,
 * not seen yet, coming up, and what Hearth cannot work out), plus a few timely nudges within a
 * daily budget. A practitioner's own pattern and leave change when they are told, never a child's
 * deadline. Pure and deterministic: the same inputs give the same messages with the same ids.
 */
import type { WorkingCalendar } from './calendar';
import { addDays, daysBetween, londonDate, londonInstant, londonTime, mondayOf } from './dates';
import type { NameStyle } from './language';
import {
  cannotWorkOutSentence,
  comingUpSentence,
  MEETING_KINDS,
  notYetSentence,
  previewText,
  seenThisWeekSentence,
  shortName,
  todaySentence,
} from './language';
import type { TimescaleRule } from './timescale-rules';
import type { CannotWorkOut, DueItem } from './timescales';
import { workOutDue } from './timescales';
import type { CaseEvent, Child, EventKind, IsoDate, Person, Weekday } from './types';

export interface PlannerSettings {
  calendar: WorkingCalendar;
  rules: readonly TimescaleRule[];
  nameStyle: NameStyle;
  /** Working days ahead that each kind shows in "coming up"; the listed days also bring a nudge. */
  leadTimes: Partial<Record<EventKind, number[]>>;
  /** Default lead for kinds not listed. */
  defaultLead: number;
  /** Messages a person gets in a day at most (the morning bundle counts as one). */
  dailyMessageBudget: number;
  /** Local time for the day's timely nudges. */
  nudgeTime: string;
}

export const DEFAULT_LEAD_TIMES: Partial<Record<EventKind, number[]>> = {
  visit: [2],
  assessment: [10, 5, 2],
  'initial-conference': [5, 1],
  'review-conference': [10, 1],
  'child-in-care-review': [10, 1],
  'core-group': [1],
  'family-network-meeting': [2, 1],
  'strategy-discussion': [1],
  'pathway-plan-review': [10, 1],
  'personal-education-plan': [10, 2],
};

export interface BundleItem {
  key: string;
  childId: string;
  childName: string;
  eventKind: EventKind;
  dueDate: IsoDate;
  booked?: IsoDate;
  sentence: string;
  /** Lower is more urgent. */
  urgency: number;
}

export interface Nudge {
  id: string;
  practitionerId: string;
  sendAt: string;
  item: BundleItem;
}

export interface MorningBundle {
  /** `practitionerId:date:morning`: a re-run never makes a second one. */
  id: string;
  practitionerId: string;
  teamId: string;
  date: IsoDate;
  sendAt: string;
  preview: string;
  seenThisWeek: { seen: number; total: number; sentence: string };
  today: BundleItem[];
  notSeenYet: BundleItem[];
  comingUp: BundleItem[];
  /** Things falling due while the practitioner is away, brought forward to their last day. */
  beforeLeave: BundleItem[];
  cannotWorkOut: BundleItem[];
  /** Timely nudges beyond the budget, folded into this bundle instead of sent on their own. */
  folded: string[];
}

export interface CoverNotice {
  /** For the practitioner's manager(s): what falls due while someone is away. */
  practitionerId: string;
  teamId: string;
  managerIds: string[];
  leave: { from: IsoDate; to: IsoDate };
  items: BundleItem[];
}

export interface Plan {
  bundles: MorningBundle[];
  nudges: Nudge[];
  cover: CoverNotice[];
}

export interface PlanInput {
  people: readonly Person[];
  children: readonly Child[];
  events: readonly CaseEvent[];
  now: Date;
  settings: PlannerSettings;
  /** Ids already planned (from the outbox), so re-runs add nothing. */
  alreadyPlanned?: ReadonlySet<string>;
}

const WEEKDAY_OF: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function weekdayOf(date: IsoDate): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAY_OF[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as Weekday;
}

const onLeave = (person: Person, date: IsoDate) => person.leave.some((l) => l.from <= date && date <= l.to);

/** A day the practitioner works: an authority working day, one of their days, not on leave. */
function worksOn(person: Person, date: IsoDate, calendar: WorkingCalendar): boolean {
  return (
    calendar.isWorkingDay(date) && person.workingDays.includes(weekdayOf(date)) && !onLeave(person, date)
  );
}

function nextWorkDay(person: Person, after: IsoDate, calendar: WorkingCalendar): IsoDate {
  let day = addDays(after, 1);
  for (let i = 0; i < 400 && !worksOn(person, day, calendar); i++) day = addDays(day, 1);
  return day;
}

const inQuietHours = (time: string, quiet: Person['quietHours']) =>
  !!quiet &&
  (quiet.start <= quiet.end
    ? time >= quiet.start && time < quiet.end
    : time >= quiet.start || time < quiet.end);

/** The local time a message may go: its wanted time, or the end of quiet hours if inside them. */
export function sendTime(person: Person, wanted: string): string {
  return inQuietHours(wanted, person.quietHours) && person.quietHours ? person.quietHours.end : wanted;
}

const isSnoozed = (person: Person, key: string, today: IsoDate) =>
  (person.snoozes ?? []).some((s) => s.key === key && s.until > today);

export function plan(input: PlanInput): Plan {
  const { settings, now } = input;
  const { calendar } = settings;
  const today = londonDate(now);
  const nowTime = londonTime(now);
  const planned = input.alreadyPlanned ?? new Set<string>();

  const eventsByChild = new Map<string, CaseEvent[]>();
  for (const event of input.events) {
    const list = eventsByChild.get(event.childId);
    if (list) list.push(event);
    else eventsByChild.set(event.childId, [event]);
  }
  const childrenByWorker = new Map<string, Child[]>();
  for (const child of input.children) {
    if (child.closed || !child.allocatedPractitionerId) continue;
    const list = childrenByWorker.get(child.allocatedPractitionerId);
    if (list) list.push(child);
    else childrenByWorker.set(child.allocatedPractitionerId, [child]);
  }
  const managersOf = (teamId: string) =>
    input.people
      .filter(
        (p) => p.roles.includes('manager') && (p.teamId === teamId || p.managesTeamIds.includes(teamId)),
      )
      .map((p) => p.id);

  const result: Plan = { bundles: [], nudges: [], cover: [] };
  const practitioners = [...input.people]
    .filter((p) => p.roles.includes('practitioner') && !p.paused)
    .sort((a, b) => a.id.localeCompare(b.id));

  for (const person of practitioners) {
    if (!worksOn(person, today, calendar)) continue;
    const morning = sendTime(person, person.morningTime);
    if (nowTime < morning) continue;
    const bundleId = `${person.id}:${today}:morning`;
    if (planned.has(bundleId)) continue;

    const children = childrenByWorker.get(person.id) ?? [];
    const nextDay = nextWorkDay(person, today, calendar);
    const bundle: MorningBundle = {
      id: bundleId,
      practitionerId: person.id,
      teamId: person.teamId,
      date: today,
      sendAt: londonInstant(today, morning).toISOString(),
      preview: '',
      seenThisWeek: { seen: 0, total: children.length, sentence: '' },
      today: [],
      notSeenYet: [],
      comingUp: [],
      beforeLeave: [],
      cannotWorkOut: [],
      folded: [],
    };

    // The practitioner's horizon for each lead: the date of their Nth working day from today.
    const horizon = new Map<number, IsoDate>();
    const horizonFor = (lead: number) => {
      let h = horizon.get(lead);
      if (!h) {
        h = today;
        for (let i = 0; i < lead; i++) h = nextWorkDay(person, h, calendar);
        horizon.set(lead, h);
      }
      return h;
    };
    // Leave starting after their next working day: this is the last day before it.
    const upcomingLeave = person.leave
      .filter((l) => l.from > today && nextDay > l.from)
      .sort((a, b) => a.from.localeCompare(b.from))[0];

    const weekStart = mondayOf(today);
    const milestones: BundleItem[] = [];
    for (const child of children) {
      const events = eventsByChild.get(child.id) ?? [];
      if (
        events.some(
          (e) =>
            e.kind === 'visit' &&
            e.status === 'completed' &&
            e.completedDate &&
            e.completedDate >= weekStart &&
            e.completedDate <= today,
        )
      ) {
        bundle.seenThisWeek.seen += 1;
      }
      const name = shortName(child, settings.nameStyle);
      const { due, cannotWorkOut } = workOutDue(child, events, today, calendar, settings.rules);
      for (const item of due) {
        if (isSnoozed(person, item.key, today)) continue;
        placeItem(item, name);
      }
      for (const c of cannotWorkOut) bundle.cannotWorkOut.push(cannotItem(c, name));
    }

    function placeItem(item: DueItem, name: string): void {
      const context = {
        name,
        eventKind: item.eventKind,
        dueDate: item.dueDate,
        today,
        nextWorkingDay: nextDay,
        ...(item.booked ? { booked: item.booked } : {}),
        ...(item.lastDone
          ? { lastDone: item.lastDone, daysSinceLastDone: daysBetween(item.lastDone, today) }
          : {}),
      };
      const base = {
        key: item.key,
        childId: item.childId,
        childName: name,
        eventKind: item.eventKind,
        dueDate: item.dueDate,
        ...(item.booked ? { booked: item.booked } : {}),
      };
      const happensOn = item.booked ?? item.dueDate;
      if (item.dueDate < today && item.booked !== today) {
        bundle.notSeenYet.push({
          ...base,
          sentence: notYetSentence(context),
          urgency: daysBetween(today, item.dueDate),
        });
        return;
      }
      if (happensOn === today || item.dueDate === today) {
        bundle.today.push({ ...base, sentence: todaySentence(context), urgency: 0 });
        return;
      }
      const leads = settings.leadTimes[item.eventKind] ?? [settings.defaultLead];
      const longest = Math.max(...leads);
      const soonest = item.booked && item.booked < item.dueDate ? item.booked : item.dueDate;
      // Due while they are away: said today, their last day before leave, and passed to the manager.
      if (upcomingLeave && soonest >= upcomingLeave.from && soonest <= upcomingLeave.to) {
        bundle.beforeLeave.push({
          ...base,
          sentence: comingUpSentence(context),
          urgency: 50 + daysBetween(today, soonest),
        });
        return;
      }
      const beforeLeave = !upcomingLeave || soonest < upcomingLeave.from;
      if (beforeLeave && soonest <= horizonFor(longest)) {
        const entry = {
          ...base,
          sentence: comingUpSentence(context),
          urgency: 1 + calendar.workingDaysBetween(today, soonest),
        };
        bundle.comingUp.push(entry);
        // A timely nudge on the lead days themselves (or this practitioner's last day before one).
        const isMilestone = leads.some(
          (lead) => soonest <= horizonFor(lead) && soonest > horizonFor(lead - 1),
        );
        if (isMilestone || (MEETING_KINDS.has(item.eventKind) && soonest === nextDay)) milestones.push(entry);
        return;
      }
    }

    function cannotItem(c: CannotWorkOut, name: string): BundleItem {
      return {
        key: c.key,
        childId: c.childId,
        childName: name,
        eventKind: c.eventKind,
        dueDate: today,
        sentence: cannotWorkOutSentence(name, c.eventKind, c.missing),
        urgency: 100,
      };
    }

    const byUrgency = (a: BundleItem, b: BundleItem) => a.urgency - b.urgency || a.key.localeCompare(b.key);
    for (const list of [
      bundle.today,
      bundle.notSeenYet,
      bundle.comingUp,
      bundle.beforeLeave,
      bundle.cannotWorkOut,
    ])
      list.sort(byUrgency);
    bundle.seenThisWeek.sentence = seenThisWeekSentence(bundle.seenThisWeek.seen, bundle.seenThisWeek.total);
    bundle.preview = previewText({
      today: bundle.today.length,
      comingUp: bundle.comingUp.length,
      notYet: bundle.notSeenYet.length,
    });
    result.bundles.push(bundle);

    // Timely nudges: most urgent first, within the budget; the rest stay in the bundle only.
    milestones.sort(byUrgency);
    const nudgeAt = londonInstant(today, sendTime(person, settings.nudgeTime)).toISOString();
    const room = Math.max(0, settings.dailyMessageBudget - 1);
    milestones.forEach((item, index) => {
      const id = `${person.id}:${today}:nudge:${item.key}`;
      if (index < room) {
        if (!planned.has(id)) result.nudges.push({ id, practitionerId: person.id, sendAt: nudgeAt, item });
      } else {
        bundle.folded.push(item.key);
      }
    });

    if (upcomingLeave && bundle.beforeLeave.length > 0) {
      result.cover.push({
        practitionerId: person.id,
        teamId: person.teamId,
        managerIds: managersOf(person.teamId),
        leave: upcomingLeave,
        items: bundle.beforeLeave,
      });
    }
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
