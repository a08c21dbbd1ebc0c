/**
 * Works out, for one child, what is due and by when, from the timescale rules, the child's record
 * and what has been done. Where a rule needs a date the record does not have, the answer is an
 * explicit "cannot work out" naming the missing date: never a guess. A rule counting from
 * something that is itself still due (a review conference before the first conference) waits
 * quietly instead. How one rule is worked out is in timescale-items.ts; the evidence it counts
 * from in timescale-evidence.ts.
 */
import type { WorkingCalendar } from './calendar';
import type { Practitioner } from './timescale-evidence';
import { Evidence, refEventKind, refName } from './timescale-evidence';
import type { Outcome, Worked } from './timescale-items';
import { workBefore, workRule } from './timescale-items';
import type { TimescaleRule } from './timescale-rule-types';
import type { CaseEvent, Child, ChildKind, EventKind, IsoDate } from './types';

export { addInterval, addMonths, yearsBetween } from './timescale-dates';
export type { Practitioner } from './timescale-evidence';

export interface DueItem {
  /** Stable across days: `childId:ruleId`. Snoozes and nudge ids hang off it. */
  key: string;
  childId: string;
  ruleId: string;
  eventKind: EventKind;
  dueDate: IsoDate;
  lastDone?: IsoDate;
  /** A planned date for it, when one is booked in the record. */
  booked?: IsoDate;
  basis: string;
}

export interface CannotWorkOut {
  key: string;
  childId: string;
  ruleId: string;
  eventKind: EventKind;
  /** The dates the record would need, any one of which would do. */
  missing: string[];
}

export interface ChildDue {
  due: DueItem[];
  cannotWorkOut: CannotWorkOut[];
}

export interface WorkOutOptions {
  /** The child's allocated practitioner: some rules depend on them (newly qualified staff). */
  practitioner?: Practitioner;
}

interface Missing {
  item: CannotWorkOut;
  /** Kinds of event that, while still due, explain the missing date. */
  waitsFor: EventKind[];
}

/**
 * Everything due for one child. `events` are this child's events; `rules` in order of precedence.
 */
export function workOutDue(
  child: Child,
  events: readonly CaseEvent[],
  today: IsoDate,
  calendar: WorkingCalendar,
  rules: readonly TimescaleRule[],
  options: WorkOutOptions = {},
): ChildDue {
  const result: ChildDue = { due: [], cannotWorkOut: [] };
  if (child.closed) return result;
  const evidence = new Evidence(child, events, options.practitioner);

  const { ordered, covered } = rulesFor(rules, child.kind);
  const worked: Worked[] = [];
  const missing: Missing[] = [];
  const key = (ruleId: string) => `${child.id}:${ruleId}`;
  const note = (rule: TimescaleRule, names: string[], waitsFor: EventKind[]) =>
    missing.push({
      item: {
        key: key(rule.id),
        childId: child.id,
        ruleId: rule.id,
        eventKind: rule.eventKind,
        missing: names,
      },
      waitsFor,
    });

  for (const candidates of ordered) {
    const chosen = chooseRule(candidates, evidence, today);
    if ('missing' in chosen) {
      if (chosen.missing.length > 0) note(candidates[0] as TimescaleRule, chosen.missing, []);
      continue;
    }
    const outcome = chosen.rule.before
      ? workBefore(chosen.rule, evidence, worked, calendar)
      : earlierReading(chosen.rule, candidates, evidence, today, calendar);
    if ('due' in outcome) worked.push(outcome.due);
    else if ('missing' in outcome) {
      note(
        chosen.rule,
        outcome.missing.map(refName),
        outcome.missing.map(refEventKind).filter((k): k is EventKind => k !== undefined),
      );
    }
  }

  result.due.push(...earliestOfEachKind(child.id, worked), ...bookedWithoutRule(child.id, events, covered));
  result.cannotWorkOut = stillMissing(missing, result.due);
  return result;
}

/**
 * Several groups for one kind (a family network meeting at the start and before a conference):
 * one held now would do for all of them, so only the earliest is said.
 */
function earliestOfEachKind(childId: string, worked: readonly Worked[]): DueItem[] {
  const earliest = new Map<EventKind, Worked>();
  for (const w of worked) {
    const other = earliest.get(w.rule.eventKind);
    if (!other || w.dueDate < other.dueDate) earliest.set(w.rule.eventKind, w);
  }
  return worked
    .filter((w) => earliest.get(w.rule.eventKind) === w)
    .map((w) => ({
      key: `${childId}:${w.rule.id}`,
      childId,
      ruleId: w.rule.id,
      eventKind: w.rule.eventKind,
      dueDate: w.dueDate,
      ...(w.lastDone ? { lastDone: w.lastDone } : {}),
      ...(w.booked ? { booked: w.booked } : {}),
      basis: w.rule.basis,
    }));
}

/** Anything booked in the record that no rule covers still deserves a reminder. */
function bookedWithoutRule(
  childId: string,
  events: readonly CaseEvent[],
  covered: ReadonlySet<EventKind>,
): DueItem[] {
  const due: DueItem[] = [];
  for (const event of events) {
    if (event.status !== 'planned' || covered.has(event.kind)) continue;
    const date = event.scheduledDate ?? event.dueDate;
    if (!date) continue;
    due.push({
      key: `${childId}:event-${event.id}`,
      childId,
      ruleId: 'recorded',
      eventKind: event.kind,
      dueDate: event.dueDate ?? date,
      ...(event.scheduledDate ? { booked: event.scheduledDate } : {}),
      basis: 'the date in the record',
    });
  }
  return due;
}

/**
 * The missing dates worth asking for: not those a thing still due will supply (the first
 * conference's date, while the conference is due), nor those waiting on such a one in turn.
 */
function stillMissing(missing: readonly Missing[], due: readonly DueItem[]): CannotWorkOut[] {
  const pending = new Set(due.map((d) => d.eventKind));
  const waiting = new Set<Missing>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const m of missing) {
      if (waiting.has(m) || !m.waitsFor.some((kind) => pending.has(kind))) continue;
      waiting.add(m);
      pending.add(m.item.eventKind);
      grew = true;
    }
  }
  return missing.filter((m) => !waiting.has(m)).map((m) => m.item);
}

interface KindRules {
  /** Groups of alternative rules; groups due before other events last, once those are worked out. */
  ordered: TimescaleRule[][];
  /** Event kinds some rule covers, so a booking of another kind is reminded as recorded. */
  covered: ReadonlySet<EventKind>;
}

// The planner asks for thousands of children with the same rules: group them once per child kind.
const grouped = new WeakMap<readonly TimescaleRule[], Map<ChildKind, KindRules>>();

function rulesFor(rules: readonly TimescaleRule[], kind: ChildKind): KindRules {
  let byKind = grouped.get(rules);
  if (!byKind) grouped.set(rules, (byKind = new Map<ChildKind, KindRules>()));
  let found = byKind.get(kind);
  if (!found) {
    const groups = new Map<string, TimescaleRule[]>();
    const covered = new Set<EventKind>();
    for (const rule of rules) {
      if (rule.disabled || !rule.childKinds.includes(kind)) continue;
      covered.add(rule.eventKind);
      const group = `${rule.eventKind}/${rule.group ?? ''}`;
      groups.set(group, [...(groups.get(group) ?? []), rule]);
    }
    const isBefore = (candidates: readonly TimescaleRule[]) => candidates.some((r) => r.before);
    const ordered = [...groups.values()].sort((a, b) => Number(isBefore(a)) - Number(isBefore(b)));
    found = { ordered, covered };
    byKind.set(kind, found);
  }
  return found;
}

/** The first rule whose conditions hold today, or the dates that would settle it. */
function chooseRule(
  candidates: readonly TimescaleRule[],
  evidence: Evidence,
  today: IsoDate,
): { rule: TimescaleRule } | { missing: string[] } {
  const missing = new Set<string>();
  for (const candidate of candidates) {
    const check = evidence.conditionsAt(candidate.when, today);
    if (check.holds) return { rule: candidate };
    if (check.missing) missing.add(check.missing);
  }
  return { missing: [...missing] };
}

/**
 * The rule that applies today, or the one that applied on the day the interval started, whichever
 * gives the earlier date: a child in care visit interval that starts inside the first year of a
 * home stays at most 6 weeks after the anniversary; a health review that starts before the fifth
 * birthday stays 6 months.
 */
function earlierReading(
  rule: TimescaleRule,
  candidates: readonly TimescaleRule[],
  evidence: Evidence,
  today: IsoDate,
  calendar: WorkingCalendar,
): Outcome {
  const outcome = workRule(rule, evidence, today, calendar);
  if (!('due' in outcome) || candidates.length < 2) return outcome;
  const startedOn = outcome.due.lastDone ?? outcome.due.start;
  const then = candidates.find((c) => !c.before && evidence.conditionsAt(c.when, startedOn).holds);
  if (!then || then === rule) return outcome;
  const other = workRule(then, evidence, today, calendar);
  return 'due' in other && other.due.dueDate < outcome.due.dueDate ? other : outcome;
}
