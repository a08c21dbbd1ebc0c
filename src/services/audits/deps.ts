/**
 * What every audit use case is given (no module globals), the message a use case asks to send,
 * and the small lookups they share: people by id, a child's short name, who leads a team.
 */
import type { AuditProgramme } from '../../domain/audit-programme';
import type { WorkingCalendar } from '../../domain/calendar';
import { londonDate } from '../../domain/dates';
import type { NameStyle } from '../../domain/names';
import { shortName } from '../../domain/names';
import type { TimescaleRule } from '../../domain/timescale-rules';
import { DEFAULT_RULES } from '../../domain/timescale-rules';
import type { Child, IsoDate, Person } from '../../domain/types';
import type { Store } from '../../store/store';
import { NOTE_WORDS } from '../../text/audit-messages';

export const AUDIT_MESSAGE_KINDS = [
  'audit-assignment',
  'audit-worry',
  'audit-worry-escalation',
  'audit-worry-acknowledged',
  'audit-learning',
  'audit-learning-copy',
  'audit-reflection',
  'audit-nudge',
  'audit-moderation',
] as const;
export type AuditMessageKind = (typeof AUDIT_MESSAGE_KINDS)[number];

/** A card for one person, through the outbox. `id` is deterministic, so sending twice sends once. */
export interface AuditMessage {
  to: string;
  kind: AuditMessageKind;
  /** `<person>:<London date>:<kind>:<ref>`. */
  id: string;
  card: Record<string, unknown>;
  /** The lock-screen line: never a child's name. */
  preview: string;
}

export interface AuditDeps {
  store: Store;
  now: () => Date;
  calendar: WorkingCalendar;
  programme: AuditProgramme;
  send: (message: AuditMessage) => Promise<void>;
  /** How children are named in Teams (config `childNameStyle`); first name and initial by default. */
  nameStyle?: NameStyle;
  /** The timescale rules, for the facts Hearth knows (config `timescaleRules`). */
  rules?: readonly TimescaleRule[];
  /** The link to a child in the case system (config `caseRecordUrlTemplate`). */
  recordUrl?: (childId: string) => string;
}

/** What a card action answers with: the card to show in place of the pressed one. */
export interface AuditReply {
  card: Record<string, unknown>;
  /** What happened, for logs and tests: `saved`, `refused`, `not-yours`, `stale`... */
  outcome: string;
  /** A short note's lines (as on its card), for a command line to print. */
  lines?: string[];
}

export const today = (deps: Pick<AuditDeps, 'now'>): IsoDate => londonDate(deps.now());
export const rulesOf = (deps: AuditDeps) => deps.rules ?? DEFAULT_RULES;
export const recordUrlOf = (deps: AuditDeps, childId: string) =>
  deps.recordUrl?.(childId) ?? `https://case-records.invalid/child/${encodeURIComponent(childId)}`;

export const messageId = (to: string, date: IsoDate, kind: AuditMessageKind, ref: string) =>
  `${to}:${date}:${kind}:${ref}`;

export function childName(deps: AuditDeps, child: Pick<Child, 'id' | 'name'> | undefined, childId: string) {
  // A child no longer in the feed is named by their number, which every style can show.
  return child
    ? shortName(child, deps.nameStyle ?? 'first-name-initial')
    : shortName({ id: childId, name: { first: '', familyInitial: '' } }, 'case-number');
}

export async function peopleById(
  store: Store,
  ids: readonly (string | undefined)[],
): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const found = wanted.length > 0 ? await store.people.findByIds(wanted) : [];
  return new Map(found.map((p) => [p.id, p]));
}

export async function findPerson(store: Store, id: string | undefined): Promise<Person | undefined> {
  return id ? (await peopleById(store, [id])).get(id) : undefined;
}

/** A child wherever they are now: the audit's team first, then anywhere (they may have moved). */
export async function findChild(store: Store, childId: string, teamId: string): Promise<Child | undefined> {
  return (await store.children.get(childId, teamId)) ?? (await store.children.findByIds([childId]))[0];
}

/** Managers and heads of service who could lead a team: one query, filtered in the domain. */
export function leaders(store: Store): Promise<Person[]> {
  return store.people.query(
    "ARRAY_CONTAINS(c.roles, 'manager') OR ARRAY_CONTAINS(c.roles, 'head-of-service')",
  );
}

export const displayName = (
  people: ReadonlyMap<string, Pick<Person, 'displayName'>>,
  id: string | undefined,
) => (id ? people.get(id)?.displayName : undefined) ?? NOTE_WORDS.aColleague;
