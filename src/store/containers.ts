/**
 * The Cosmos DB containers Hearth keeps, with their partition keys (DESIGN.md "Data").
 * Operational containers carry a default time-to-live so they do not grow for ever; the case
 * management system stays the record.
 */
export interface ContainerSpec {
  id: string;
  partitionKey: string;
  /** Seconds; -1 means "items may set their own ttl, none by default". */
  defaultTtl?: number;
}

const DAY = 24 * 60 * 60;

export const CONTAINERS = {
  people: { id: 'people', partitionKey: '/teamId' },
  children: { id: 'children', partitionKey: '/teamId' },
  events: { id: 'events', partitionKey: '/teamId' },
  outbox: { id: 'outbox', partitionKey: '/recipientId', defaultTtl: 90 * DAY },
  audits: { id: 'audits', partitionKey: '/teamId' },
  feedback: { id: 'feedback', partitionKey: '/teamId' },
  activity: { id: 'activity', partitionKey: '/teamId', defaultTtl: 400 * DAY },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof CONTAINERS;
