/**
 * The schema of what the case management system sends us: teams, people, children and events.
 * The feed and the CSV import parse every record with these, at the edge; past them the types are
 * trusted. Family names
 * are cut to their initial on the way in (data minimisation).
 */
import { z } from 'zod/v4';
import {
  entraObjectIdSchema as entraObjectId,
  idSchema,
  instantSchema,
  isoDateSchema,
  listOf,
  localTimeSchema as localTime,
  nameText,
  outsideLimits,
} from './schemas';
import type { DateLimits } from './schemas';
import {
  ANCHOR_KINDS,
  CHILD_FLAGS,
  CHILD_KINDS,
  EVENT_KINDS,
  EVENT_STATUSES,
  NOT_SEEN_REASON_CODES as REASON_CODES,
  ROLES,
  WEEKDAYS,
} from './types';

export const RECORD_TYPES = ['team', 'person', 'child', 'event'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const teamRecord = z.strictObject({
  type: z.literal('team'),
  id: idSchema,
  name: nameText(100),
});

export const personRecord = z.strictObject({
  type: z.literal('person'),
  id: idSchema,
  teamId: idSchema,
  displayName: nameText(100),
  entraObjectId: entraObjectId.optional(),
  email: z.email({ error: 'must be an email address' }).optional(),
  roles: z
    .array(z.enum(ROLES, { error: `must be one of ${listOf(ROLES)}` }))
    .min(1, 'must list at least one role'),
  managesTeamIds: z.array(idSchema).default([]),
  workingDays: z
    .array(z.enum(WEEKDAYS, { error: `must be one of ${listOf(WEEKDAYS)}` }))
    .min(1, 'must list at least one working day')
    .optional(),
  morningTime: localTime.optional(),
  newlyQualified: z.boolean({ error: 'must be true or false' }).optional(),
  /** When they started in practice here: places a newly qualified practitioner's first year. */
  startedOn: isoDateSchema.optional(),
});

export const childRecord = z.strictObject({
  type: z.literal('child'),
  id: idSchema,
  teamId: idSchema,
  firstName: nameText(60),
  /** The whole family name may be sent; only its first letter is kept. */
  familyName: nameText(100),
  dateOfBirth: isoDateSchema.optional(),
  kind: z.enum(CHILD_KINDS, { error: `must be one of ${listOf(CHILD_KINDS)}` }),
  allocatedPractitionerId: idSchema.optional(),
  anchors: z
    .partialRecord(z.enum(ANCHOR_KINDS, { error: `must be one of ${listOf(ANCHOR_KINDS)}` }), isoDateSchema)
    .default({}),
  homeIntendedUntil18: z.boolean({ error: 'must be true or false' }).optional(),
  longTermFosterVisitsAgreed: z.boolean({ error: 'must be true or false' }).optional(),
  allocatedSince: isoDateSchema.optional(),
  flags: z
    .array(z.enum(CHILD_FLAGS, { error: `must be one of ${listOf(CHILD_FLAGS)}` }))
    .refine((flags) => new Set(flags).size === flags.length, 'must list each flag at most once')
    .optional(),
  closed: z.boolean({ error: 'must be true or false' }).default(false),
});

export const eventRecord = z
  .strictObject({
    type: z.literal('event'),
    id: idSchema,
    childId: idSchema,
    kind: z.enum(EVENT_KINDS, { error: `must be one of ${listOf(EVENT_KINDS)}` }),
    status: z.enum(EVENT_STATUSES, { error: `must be one of ${listOf(EVENT_STATUSES)}` }).default('planned'),
    dueDate: isoDateSchema.optional(),
    scheduledDate: isoDateSchema.optional(),
    completedDate: isoDateSchema.optional(),
    seenAlone: z.boolean({ error: 'must be true or false' }).optional(),
    /** Strategy discussions: the one at which the section 47 enquiry started. */
    startedSection47: z.boolean({ error: 'must be true or false' }).optional(),
    /** Why it could not happen, when status is not-possible. */
    notPossibleReason: z.enum(REASON_CODES, { error: `must be one of ${listOf(REASON_CODES)}` }).optional(),
    recordedBy: idSchema.optional(),
    recordedAt: instantSchema.optional(),
  })
  // Only once every field is valid: a bad date should be reported once, as a bad date.
  .refine((e) => e.status !== 'completed' || e.completedDate !== undefined, {
    error: 'a completed event needs its completedDate',
    path: ['completedDate'],
    when: (payload) => payload.issues.length === 0,
  })
  .refine((e) => e.startedSection47 === undefined || e.kind === 'strategy-discussion', {
    error: 'only a strategy-discussion event can start a section 47 enquiry',
    path: ['startedSection47'],
    when: (payload) => payload.issues.length === 0,
  })
  .refine((e) => e.dueDate ?? e.scheduledDate ?? e.completedDate, {
    error: 'needs at least one of dueDate, scheduledDate or completedDate',
    path: ['dueDate'],
    when: (payload) => payload.issues.length === 0,
  })
  // A planned event that has "happened" already is a contradiction Hearth would have to guess at.
  .refine((e) => e.status !== 'planned' || !e.completedDate || e.dueDate || e.scheduledDate, {
    error:
      'a planned event needs its dueDate or scheduledDate (a completedDate alone means it happened: send status completed)',
    path: ['completedDate'],
    when: (payload) => payload.issues.length === 0,
  });

export type TeamRecord = z.infer<typeof teamRecord>;
export type PersonRecord = z.infer<typeof personRecord>;
export type ChildRecord = z.infer<typeof childRecord>;
export type EventRecord = z.infer<typeof eventRecord>;
export type FeedRecord = TeamRecord | PersonRecord | ChildRecord | EventRecord;

const schemas = { team: teamRecord, person: personRecord, child: childRecord, event: eventRecord } as const;

export type ParseResult = { ok: true; record: FeedRecord } | { ok: false; reason: string };

/** Describes zod issues as "field: what was wrong", joined. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map(String).join('.');
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown field(s) ${issue.keys.join(', ')}`
          : issue.code === 'invalid_key'
            ? `is not a known field${issue.path[0] === 'anchors' ? ` (anchors are ${ANCHOR_KINDS.join(', ')})` : ''}`
            : issue.message;
      return where ? `${where}: ${message}` : message;
    })
    .join('; ');
}

/**
 * Parses one record of any type, with a reason a person can act on when it is wrong. With `limits`
 * (from "today": the caller passes it in), every date must fall inside them.
 */
export function parseRecord(raw: unknown, limits?: DateLimits): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'must be an object with a "type" field' };
  }
  const hostile = hostileShape(raw, []);
  if (hostile) return { ok: false, reason: hostile };
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !(RECORD_TYPES as readonly string[]).includes(type)) {
    return { ok: false, reason: `type: must be one of ${listOf(RECORD_TYPES)}` };
  }
  const parsed = schemas[type as RecordType].safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  const outside = limits ? datesOutside(parsed.data, limits) : [];
  return outside.length > 0 ? { ok: false, reason: outside.join('; ') } : { ok: true, record: parsed.data };
}

/** Names that reach an object's prototype rather than a field; JSON can carry them as plain keys. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What no schema sees the same way twice, found before parsing: keys that name the prototype
 * (`anchors.__proto__` would vanish silently, `constructor` would confuse the reason) and text
 * holding a lone UTF-16 surrogate (half a character: it cannot be stored or shown faithfully).
 */
function hostileShape(value: unknown, path: string[]): string | undefined {
  const where = (p: string[]) => (p.length ? `${p.join('.')}: ` : '');
  if (typeof value === 'string') {
    return LONE_SURROGATE.test(value)
      ? `${where(path)}holds a broken character (half of a UTF-16 surrogate pair): send valid Unicode text`
      : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (path.length > 4) return `${where(path)}is nested too deeply`;
  for (const key of Object.keys(value)) {
    const at = [...path, key];
    if (PROTOTYPE_KEYS.has(key) || LONE_SURROGATE.test(key)) {
      const anchors =
        path.length === 1 && path[0] === 'anchors' ? ` (anchors are ${ANCHOR_KINDS.join(', ')})` : '';
      return `${where(at)}is not a known field${anchors}`;
    }
    const problem = hostileShape((value as Record<string, unknown>)[key], at);
    if (problem) return problem;
  }
  return undefined;
}

const LONE_SURROGATE = /\p{Cs}/u;

/** Each date of a parsed record outside the limits, as "field: why". */
function datesOutside(record: FeedRecord, limits: DateLimits): string[] {
  const dates: [string, string | undefined][] =
    record.type === 'person'
      ? [['startedOn', record.startedOn]]
      : record.type === 'child'
        ? [
            ['dateOfBirth', record.dateOfBirth],
            ...Object.entries(record.anchors).map(([k, v]): [string, string] => [`anchors.${k}`, v]),
          ]
        : record.type === 'event'
          ? [
              ['dueDate', record.dueDate],
              ['scheduledDate', record.scheduledDate],
              ['completedDate', record.completedDate],
              ['recordedAt', record.recordedAt?.slice(0, 10)],
            ]
          : [];
  return dates.flatMap(([field, date]) => {
    const why = date === undefined ? undefined : outsideLimits(date, limits);
    return why ? [`${field}: ${why}`] : [];
  });
}
