/**
 * The orders the monthly sample draws from: a queue of children each auditor takes the first they
 * may audit from, the strata a stratified pick covers over a quarter, and the order auditors
 * choose in. Pure; used by audit-sampling.ts.
 */
import type { AuditHistoryEntry, PickReason } from './audit';
import { quarterMonths } from './audit';
import type { AuditProgramme } from './audit-programme';
import { canAudit } from './audit-people';
import type { Child, ChildKind, Person } from './types';

/** A queue of children in a fixed order, from which each auditor takes the first they may audit. */
export class Queue {
  private head = 0;
  constructor(
    readonly children: Child[],
    private readonly taken: Set<string>,
  ) {}
  take(allowed: (c: Child) => boolean): Child | undefined {
    while (this.head < this.children.length && this.taken.has((this.children[this.head] as Child).id))
      this.head++;
    for (let i = this.head; i < this.children.length; i++) {
      const child = this.children[i] as Child;
      if (!this.taken.has(child.id) && allowed(child)) {
        this.taken.add(child.id);
        return child;
      }
    }
    return undefined;
  }
}

/**
 * Auditors who may audit fewer children choose first in each round (a manager limited to their own
 * team before a quality lead who may audit anyone), so nobody is left without a child that someone
 * more flexible could have done without. Ties keep the shuffled order.
 */
export function byFlexibility(
  auditors: Person[],
  eligible: readonly Child[],
  programme: AuditProgramme,
): Person[] {
  const perTeam = new Map<string, number>();
  for (const c of eligible) perTeam.set(c.teamId, (perTeam.get(c.teamId) ?? 0) + 1);
  const reach = new Map(
    auditors.map((a) => {
      let n = 0;
      for (const [teamId, count] of perTeam) {
        if (canAudit(a, { ...TEAM_PROBE, teamId }, programme)) n += count;
      }
      return [a.id, n];
    }),
  );
  return auditors
    .map((a, order) => ({ a, order }))
    .sort((x, y) => (reach.get(x.a.id) ?? 0) - (reach.get(y.a.id) ?? 0) || x.order - y.order)
    .map((x) => x.a);
}

/** A child allocated to nobody in particular: asks only whether an auditor may audit a team. */
const TEAM_PROBE: Child = {
  id: '',
  teamId: '',
  name: { first: '', familyInitial: '' },
  kind: 'child-in-need',
  anchors: {},
  allocatedPractitionerId: '\u0000',
  closed: false,
};

/**
 * Stratified picks: first a kind of child not yet audited this quarter, then a practitioner whose
 * work has not been looked at this quarter. When every stratum is covered it gives way to random.
 */
export class Strata {
  private readonly kinds = new Map<ChildKind, Queue>();
  private readonly practitioners = new Map<string, Queue>();
  private readonly coveredKinds = new Set<ChildKind>();
  private readonly coveredPractitioners = new Set<string>();
  private practitionerOrder: string[];

  constructor(
    eligible: readonly Child[],
    input: { month: string; history: readonly AuditHistoryEntry[] },
    taken: Set<string>,
  ) {
    const quarter = new Set(quarterMonths(input.month));
    for (const h of input.history) {
      if (!quarter.has(h.month)) continue;
      this.coveredKinds.add(h.childKind);
      if (h.practitionerId) this.coveredPractitioners.add(h.practitionerId);
    }
    const byKind = new Map<ChildKind, Child[]>();
    const byPractitioner = new Map<string, Child[]>();
    const add = <K>(map: Map<K, Child[]>, key: K, child: Child) => {
      const list = map.get(key);
      if (list) list.push(child);
      else map.set(key, [child]);
    };
    for (const child of eligible) {
      add(byKind, child.kind, child);
      add(byPractitioner, child.allocatedPractitionerId as string, child);
    }
    for (const [kind, list] of byKind) this.kinds.set(kind, new Queue(list, taken));
    for (const [p, list] of byPractitioner) this.practitioners.set(p, new Queue(list, taken));
    // Practitioners in the order their first child came up in the shuffle: fair, and repeatable.
    this.practitionerOrder = [...byPractitioner.keys()].filter((p) => !this.coveredPractitioners.has(p));
  }

  cover(child: Child): void {
    this.coveredKinds.add(child.kind);
    this.coveredPractitioners.add(child.allocatedPractitionerId as string);
  }

  take(allowed: (c: Child) => boolean): { child: Child; reason: PickReason } | undefined {
    for (const [kind, queue] of this.kinds) {
      if (this.coveredKinds.has(kind)) continue;
      const child = queue.take(allowed);
      if (child) return { child, reason: { method: 'stratified', by: 'kind', childKind: kind } };
    }
    this.practitionerOrder = this.practitionerOrder.filter((p) => !this.coveredPractitioners.has(p));
    for (const p of this.practitionerOrder) {
      const child = this.practitioners.get(p)?.take(allowed);
      if (child) return { child, reason: { method: 'stratified', by: 'practitioner' } };
    }
    return undefined;
  }
}
