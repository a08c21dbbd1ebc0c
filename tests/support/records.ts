/** Small, valid feed records for tests; spread and override what a test is about. */
export const team = (id = 'team-1', name = 'Riverside Team') => ({ type: 'team', id, name });

export const person = (id: string, teamId = 'team-1', extra: Record<string, unknown> = {}) => ({
  type: 'person',
  id,
  teamId,
  displayName: `Worker ${id}`,
  roles: ['practitioner'],
  ...extra,
});

export const child = (id: string, teamId = 'team-1', extra: Record<string, unknown> = {}) => ({
  type: 'child',
  id,
  teamId,
  firstName: 'Amira',
  familyName: 'Khan',
  kind: 'child-in-need',
  anchors: { referral: '2026-10-01' },
  ...extra,
});

export const event = (id: string, childId: string, extra: Record<string, unknown> = {}) => ({
  type: 'event',
  id,
  childId,
  kind: 'visit',
  dueDate: '2026-11-30',
  ...extra,
});
