/** Plain domain objects for pure tests. */
import type { CaseEvent, Child, Person } from '../../src/domain/types';

export const aChild = (id: string, extra: Partial<Child> = {}): Child => ({
  id,
  teamId: 'T1',
  name: { first: 'Amira', familyInitial: 'K' },
  kind: 'child-in-need',
  anchors: {},
  allocatedPractitionerId: 'P1',
  closed: false,
  ...extra,
});

export const anEvent = (id: string, childId: string, extra: Partial<CaseEvent> = {}): CaseEvent => ({
  id,
  teamId: 'T1',
  childId,
  kind: 'visit',
  status: 'completed',
  source: 'feed',
  ...extra,
});

export const done = (childId: string, kind: CaseEvent['kind'], completedDate: string, n = 0): CaseEvent =>
  anEvent(`${childId}-${kind}-${n}`, childId, { kind, status: 'completed', completedDate });

export const aPerson = (id: string, extra: Partial<Person> = {}): Person => ({
  id,
  teamId: 'T1',
  displayName: `Worker ${id}`,
  roles: ['practitioner'],
  managesTeamIds: [],
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  morningTime: '08:30',
  leave: [],
  paused: false,
  reachability: 'reachable',
  ...extra,
});
