/**
 * The Cosmos DB containers Hearth keeps, with their partition keys (DESIGN.md "Data"), and how long
 * each kind of operational data is kept. Containers with a retention carry a default time-to-live,
 * so Azure removes items that many days after their last change; the case management system stays
 * the record. infra/app/cosmos.bicep declares the same containers (a test keeps them in step).
 */
import type { RetentionKind } from '../domain/retention';
import { DEFAULT_RETENTION_DAYS } from '../domain/retention';

export type { RetentionDays, RetentionKind } from '../domain/retention';
export { DEFAULT_RETENTION_DAYS } from '../domain/retention';

export interface ContainerSpec {
  id: string;
  partitionKey: string;
  /** Which retention setting gives this container's time-to-live; none means kept while needed. */
  retention?: RetentionKind;
  /** Seconds, at the default retention; -1 means "items may set their own ttl, none by default". */
  defaultTtl?: number;
}

export const DAY_SECONDS = 24 * 60 * 60;

export const CONTAINERS = {
  people: { id: 'people', partitionKey: '/teamId' },
  children: { id: 'children', partitionKey: '/teamId' },
  events: { id: 'events', partitionKey: '/teamId' },
  outbox: {
    id: 'outbox',
    partitionKey: '/recipientId',
    retention: 'outbox',
    defaultTtl: DEFAULT_RETENTION_DAYS.outbox * DAY_SECONDS,
  },
  audits: {
    id: 'audits',
    partitionKey: '/teamId',
    retention: 'audits',
    defaultTtl: DEFAULT_RETENTION_DAYS.audits * DAY_SECONDS,
  },
  feedback: {
    id: 'feedback',
    partitionKey: '/teamId',
    retention: 'feedback',
    defaultTtl: DEFAULT_RETENTION_DAYS.feedback * DAY_SECONDS,
  },
  activity: {
    id: 'activity',
    partitionKey: '/teamId',
    retention: 'activity',
    defaultTtl: DEFAULT_RETENTION_DAYS.activity * DAY_SECONDS,
  },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof CONTAINERS;
