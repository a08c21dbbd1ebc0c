/**
 * One practitioner's morning: which of their children's due items go under today, not seen yet,
 * coming up or before their leave, which bring a timely nudge within the day's budget, and what
 * their manager should know while they are away. Pure; the planner calls it for each practitioner.
 */
import { daysBetween, londonInstant } from './dates';
import { shortName } from './names';
import type { BundleItem, CoverNotice, MorningBundle, Nudge, PlannerSettings } from './planner-types';
import { seenThisWeek } from './seen';
import type { DueItem } from './timescales';
import { workOutDue } from './timescales';
import type { CaseEvent, Child, IsoDate, Person } from './types';
import { MEETING_KINDS, VISIT_KINDS } from './types';
import { firstWorkingDayOfTheirWeek, isSnoozed, nextWorkDay, sendTime, worksOn } from './work-pattern';

export interface PractitionerInput {
  children: readonly Child[];
  eventsByChild: ReadonlyMap<string, CaseEvent[]>;
  today: IsoDate;
  /** London `HH:mm` now. */
  nowTime: string;
  settings: PlannerSettings;
  alreadyPlanned: ReadonlySet<string>;
  managersOf(teamId: string): string[];
}

export interface PractitionerPlan {
  bundle: MorningBundle;
  nudges: Nudge[];
  cover?: CoverNotice;
}

/** What placing one due item needs to know about the practitioner's days. */
interface Days {
  today: IsoDate;
  nextDay: IsoDate;
  leave: { from: IsoDate; to: IsoDate } | undefined;
  /** The date of their Nth working day from today. */
  horizon(lead: number): IsoDate;
}

const byUrgency = (a: BundleItem, b: BundleItem) => a.urgency - b.urgency || a.key.localeCompare(b.key);

export function planPractitioner(person: Person, input: PractitionerInput): PractitionerPlan | undefined {
  const { today, settings } = input;
  const { calendar } = settings;
  if (!worksOn(person, today, calendar)) return undefined;
  const morning = sendTime(person, person.morningTime);
  const bundleId = `${person.id}:${today}:morning`;
  if (input.nowTime < morning || input.alreadyPlanned.has(bundleId)) return undefined;

  const nextDay = nextWorkDay(person, today, calendar);
  const bundle: MorningBundle = {
    id: bundleId,
    practitionerId: person.id,
    teamId: person.teamId,
    date: today,
    nextWorkingDay: nextDay,
    sendAt: londonInstant(today, morning).toISOString(),
    firstDayOfWeek: firstWorkingDayOfTheirWeek(person, today, calendar),
    seenThisWeek: { seen: 0, total: input.children.length },
    today: [],
    notSeenYet: [],
    comingUp: [],
    beforeLeave: [],
    cannotWorkOut: [],
    folded: [],
  };
  const days = daysOf(person, today, nextDay, input);
  const milestones = placeChildren(person, bundle, days, input);
  const nudges = timelyNudges(person, bundle, milestones, input);
  const cover =
    days.leave && bundle.beforeLeave.length > 0
      ? {
          practitionerId: person.id,
          teamId: person.teamId,
          managerIds: input.managersOf(person.teamId),
          leave: days.leave,
          items: bundle.beforeLeave,
          date: today,
          nextWorkingDay: nextDay,
        }
      : undefined;
  return { bundle, nudges, ...(cover ? { cover } : {}) };
}

/** Each child's due items into the bundle's sections, most urgent first; returns candidate nudges. */
function placeChildren(
  person: Person,
  bundle: MorningBundle,
  days: Days,
  input: PractitionerInput,
): BundleItem[] {
  const { today, settings } = input;
  const milestones: BundleItem[] = [];
  for (const child of input.children) {
    const events = input.eventsByChild.get(child.id) ?? [];
    if (seenThisWeek(events, today)) bundle.seenThisWeek.seen += 1;
    const name = shortName(child, settings.nameStyle);
    const { due, cannotWorkOut } = workOutDue(child, events, today, settings.calendar, settings.rules, {
      practitioner: person,
    });
    for (const item of due) {
      if (!isSnoozed(person, item.key, today)) placeItem(item, name, days, settings, bundle, milestones);
    }
    for (const c of cannotWorkOut) {
      bundle.cannotWorkOut.push({
        key: c.key,
        childId: c.childId,
        childName: name,
        eventKind: c.eventKind,
        dueDate: today,
        missing: c.missing,
        situation: 'cannot-work-out',
        urgency: 100,
      });
    }
  }
  for (const list of [
    bundle.today,
    bundle.notSeenYet,
    bundle.comingUp,
    bundle.beforeLeave,
    bundle.cannotWorkOut,
  ])
    list.sort(byUrgency);
  return milestones;
}

function daysOf(person: Person, today: IsoDate, nextDay: IsoDate, input: PractitionerInput): Days {
  const horizons = new Map<number, IsoDate>();
  return {
    today,
    nextDay,
    // Leave starting after their next working day: today is the last day before it.
    leave: person.leave
      .filter((l) => l.from > today && nextDay > l.from)
      .sort((a, b) => a.from.localeCompare(b.from))[0],
    horizon(lead) {
      let h = horizons.get(lead);
      if (!h) {
        h = today;
        for (let i = 0; i < lead; i++) h = nextWorkDay(person, h, input.settings.calendar);
        horizons.set(lead, h);
      }
      return h;
    },
  };
}

/** A booking still to come (today or later); one already past is not "coming up". */
export const bookingAhead = (item: Pick<DueItem, 'booked'>, today: IsoDate): IsoDate | undefined =>
  item.booked !== undefined && item.booked >= today ? item.booked : undefined;

/** A visit booked for a day now past, with no visit recorded since: the child is not seen yet. */
export const visitBookingPassed = (item: Pick<DueItem, 'booked' | 'eventKind'>, today: IsoDate): boolean =>
  item.booked !== undefined && item.booked < today && VISIT_KINDS.has(item.eventKind);

/** Puts one due item in its section; items on a lead day also become candidate nudges. */
function placeItem(
  item: DueItem,
  name: string,
  days: Days,
  settings: PlannerSettings,
  bundle: MorningBundle,
  milestones: BundleItem[],
): void {
  const { today } = days;
  const booked = bookingAhead(item, today);
  const base = {
    key: item.key,
    childId: item.childId,
    childName: name,
    eventKind: item.eventKind,
    dueDate: item.dueDate,
    ...(settings.calendar.isWorkingDay(item.dueDate)
      ? {}
      : { dueBy: settings.calendar.workingDayOnOrBefore(item.dueDate) }),
    ...(booked ? { booked } : {}),
    ...(item.lastDone ? { lastDone: item.lastDone } : {}),
  };
  const happensOn = booked ?? item.dueDate;
  if ((item.dueDate < today || visitBookingPassed(item, today)) && booked !== today) {
    bundle.notSeenYet.push({ ...base, situation: 'not-seen-yet', urgency: daysBetween(today, item.dueDate) });
    return;
  }
  if (happensOn === today || item.dueDate === today) {
    bundle.today.push({ ...base, situation: 'today', urgency: 0 });
    return;
  }
  const leads = settings.leadTimes[item.eventKind] ?? [settings.defaultLead];
  const soonest = booked && booked < item.dueDate ? booked : item.dueDate;
  // Due while they are away: said today, their last day before leave, and passed to the manager.
  if (days.leave && soonest >= days.leave.from && soonest <= days.leave.to) {
    bundle.beforeLeave.push({ ...base, situation: 'coming-up', urgency: 50 + daysBetween(today, soonest) });
    return;
  }
  const beforeLeave = !days.leave || soonest < days.leave.from;
  if (!beforeLeave || soonest > days.horizon(Math.max(...leads))) return;
  const entry: BundleItem = {
    ...base,
    situation: 'coming-up',
    urgency: 1 + settings.calendar.workingDaysBetween(today, soonest),
  };
  bundle.comingUp.push(entry);
  // A timely nudge on the lead days themselves (or this practitioner's last day before one).
  const onLeadDay = leads.some((lead) => soonest <= days.horizon(lead) && soonest > days.horizon(lead - 1));
  if (onLeadDay || (MEETING_KINDS.has(item.eventKind) && soonest === days.nextDay)) milestones.push(entry);
}

/** Most urgent first, within the day's budget; the rest stay in the bundle only. */
function timelyNudges(
  person: Person,
  bundle: MorningBundle,
  milestones: BundleItem[],
  input: PractitionerInput,
): Nudge[] {
  const { today, settings } = input;
  milestones.sort(byUrgency);
  const sendAt = londonInstant(today, sendTime(person, settings.nudgeTime)).toISOString();
  const room = Math.max(0, settings.dailyMessageBudget - 1);
  const nudges: Nudge[] = [];
  milestones.forEach((item, index) => {
    const id = `${person.id}:${today}:nudge:${item.key}`;
    if (index >= room) bundle.folded.push(item.key);
    else if (!input.alreadyPlanned.has(id))
      nudges.push({
        id,
        practitionerId: person.id,
        sendAt,
        item,
        date: today,
        nextWorkingDay: bundle.nextWorkingDay,
      });
  });
  return nudges;
}
