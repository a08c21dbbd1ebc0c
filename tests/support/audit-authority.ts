/**
 * A small authority in the real store for the audit use cases: two teams, their managers, a head
 * of service over both, a quality lead who audits, practitioners and children (one with a hostile
 * name), and the dependencies the use cases take, with a clock the test moves and a `send` that
 * keeps what was sent.
 */
import type { Services } from '../../src/app/root';
import type { AuditProgramme } from '../../src/domain/audit-programme';
import { DEFAULT_PROGRAMME } from '../../src/domain/audit-programme';
import { createCalendar } from '../../src/domain/calendar';
import { ingest } from '../../src/services/ingest-batch';
import type { AuditDeps, AuditMessage } from '../../src/services/audits';
import { child, event, person, team } from './records';

export const HOSTILE_CHILD = '[Click](https://evil.example)';

export const authorityRecords = () => [
  team('T1', 'North'),
  team('T2', 'South'),
  person('M1', 'T1', { displayName: 'Patti Fernandez', roles: ['manager'] }),
  person('M2', 'T2', { displayName: 'Sam Taylor', roles: ['manager'] }),
  person('H1', 'T1', {
    displayName: 'Lynne Robbins',
    roles: ['head-of-service'],
    managesTeamIds: ['T1', 'T2'],
  }),
  person('Q1', 'T1', { displayName: 'Quinn Ahmed', roles: ['auditor'] }),
  person('P1', 'T1', { displayName: 'Alex Wilber' }),
  person('P2', 'T2', { displayName: 'Megan Bowen' }),
  child('C1', 'T1', {
    firstName: 'Amira',
    familyName: 'Khan',
    allocatedPractitionerId: 'P1',
    kind: 'child-protection',
    anchors: { initialConference: '2026-08-03' },
    flags: ['neglect'],
  }),
  child('C2', 'T1', { firstName: HOSTILE_CHILD, familyName: 'Lee', allocatedPractitionerId: 'P1' }),
  child('C3', 'T1', {
    firstName: 'Bo',
    familyName: 'Ng',
    allocatedPractitionerId: 'P1',
    kind: 'child-in-care',
    anchors: { cameIntoCare: '2025-01-06' },
  }),
  child('C4', 'T2', { firstName: 'Cy', familyName: 'Lo', allocatedPractitionerId: 'P2' }),
  child('C5', 'T2', {
    firstName: 'Di',
    familyName: 'Fox',
    allocatedPractitionerId: 'P2',
    kind: 'care-experienced',
    anchors: { leftCare: '2025-06-01' },
  }),
  child('C6', 'T2', {
    firstName: 'Ed',
    familyName: 'Ray',
    allocatedPractitionerId: 'P2',
    allocatedSince: '2026-11-20',
  }),
  event('V1', 'C1', {
    status: 'completed',
    completedDate: '2026-11-20',
    dueDate: undefined,
    seenAlone: true,
  }),
];

export async function seedAuthority(services: Services, now: Date): Promise<void> {
  const result = await ingest(services.store, authorityRecords(), { acceptValid: false, actor: 'test', now });
  if (!result.written)
    throw new Error(JSON.stringify(result.outcomes.filter((o) => o.outcome === 'rejected')));
}

export interface TestDeps extends AuditDeps {
  sent: AuditMessage[];
  /** Moves the clock. */
  at(instant: string): void;
}

export function auditDeps(
  services: Services,
  start: string,
  programme: AuditProgramme = DEFAULT_PROGRAMME,
): TestDeps {
  let now = new Date(start);
  const sent: AuditMessage[] = [];
  return {
    store: services.store,
    now: () => now,
    calendar: createCalendar('england-and-wales'),
    programme,
    send: (message) => {
      sent.push(message);
      return Promise.resolve();
    },
    recordUrl: (id) => `https://records.example/child/${id}`,
    sent,
    at(instant) {
      now = new Date(instant);
    },
  };
}

/** Every string in a card. */
export const cardText = (card: unknown): string =>
  typeof card === 'string'
    ? card
    : card && typeof card === 'object'
      ? Object.values(card).map(cardText).join('\n')
      : '';

/** The inputs on a card, by id, with the values they show. */
export function cardInputs(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string')
        out[o.id] = o.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The data on the card's button with this verb (and `go`, for saves). */
export function buttonData(card: unknown, verb: string, go?: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const data = o.data as Record<string, unknown> | undefined;
      if (o.verb === verb && (!go || data?.go === go)) found ??= data;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  if (!found) throw new Error(`no ${verb} button on the card`);
  return found;
}
