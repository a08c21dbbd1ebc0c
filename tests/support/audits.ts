/** Plain audits for pure tests; spread and override what a test is about. */
import type { Audit } from '../../src/domain/audit';
import { emptyAnswers, monthlyAuditId } from '../../src/domain/audit';
import { DEFAULT_PROGRAMME } from '../../src/domain/audit-programme';

export const anAudit = (childId: string, extra: Partial<Audit> = {}): Audit => ({
  id: monthlyAuditId(extra.month ?? '2026-12', childId),
  teamId: 'T1',
  childId,
  childKind: 'child-in-need',
  practitionerId: 'P1',
  auditorId: 'M2',
  month: '2026-12',
  origin: 'monthly',
  reason: { method: 'random' },
  assignedOn: '2026-12-01',
  dueDate: '2026-12-22',
  status: 'assigned',
  standards: DEFAULT_PROGRAMME.standards,
  answers: emptyAnswers(),
  step: 'facts',
  revision: 0,
  actions: [],
  worryIds: [],
  ...extra,
});

/** Every default standard answered "yes" except those given. */
export const answeredAll = (overrides: Record<string, Audit['answers']['standards'][string]> = {}) =>
  Object.fromEntries(
    DEFAULT_PROGRAMME.standards.map((s) => [s.id, overrides[s.id] ?? { answer: 'yes' as const }]),
  );
