/**
 * What the delivery tests share: a practitioner with Hearth installed and one outbox message for
 * them, delivery's dependencies over the real store, and a clock that moves only when delivery
 * waits (so an outage of hours, or a Retry-After of a day, takes no time at all).
 */
import type { Services } from '../../src/app/root';
import type { DeliveryDeps, DeliveryLog } from '../../src/delivery/deliver';
import { DEFAULT_DELIVERY_OPTIONS } from '../../src/delivery/deliver';
import type { RateLimiter } from '../../src/delivery/rate-limiter';
import { localRateLimiter } from '../../src/delivery/rate-limiter';
import type { OutboxMessage } from '../../src/domain/outbox';
import type { Person } from '../../src/domain/types';
import { createConnectorSender } from '../../src/teams/connector-sender';
import { aPerson } from './domain';
import type { FakeConnector } from './fake-connector';

/** A clock that stands still until something waits on it; then it moves on by the wait. */
export interface VirtualClock {
  now(): Date;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  /** Every wait asked of it, in order. */
  waits: number[];
}

export function virtualClock(start: Date): VirtualClock {
  let at = start.getTime();
  const waits: number[] = [];
  return {
    now: () => new Date(at),
    sleep(ms) {
      waits.push(ms);
      at += ms;
      return Promise.resolve();
    },
    advance(ms) {
      at += ms;
    },
    waits,
  };
}

export interface LogLine {
  level: 'warn' | 'error';
  message: string;
  details: Record<string, string | number | boolean>;
}

export function collectingLog(): DeliveryLog & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log: DeliveryLog = (level, message, details) => void lines.push({ level, message, details });
  return Object.assign(log, { lines });
}

export function deliveryDeps(
  services: Services,
  clock: Pick<VirtualClock, 'now' | 'sleep'>,
  extra: { limiter?: RateLimiter; options?: Partial<DeliveryDeps['options']>; log?: DeliveryLog } = {},
): DeliveryDeps {
  return {
    store: services.store,
    sender: createConnectorSender(undefined),
    limiter: extra.limiter ?? localRateLimiter(50),
    render: (message) => ({ type: 'message', text: `card for ${message.id}` }),
    now: clock.now,
    sleep: clock.sleep,
    options: { ...DEFAULT_DELIVERY_OPTIONS, sendTimeoutMs: 500, ...extra.options },
    log: extra.log ?? collectingLog(),
  };
}

let n = 0;

export interface Recipient {
  person: Person;
  message: OutboxMessage;
  queued: { id: string; recipientId: string };
  conversation: string;
}

/** A practitioner with Hearth installed (their chat on the fake connector) and a message for them. */
export async function aRecipient(
  services: Services,
  connector: FakeConnector,
  on: Date,
  extra: Partial<OutboxMessage> = {},
): Promise<Recipient> {
  n += 1;
  const id = `P${n}-${Math.random().toString(36).slice(2, 8)}`;
  const conversation = `conv-${id}`;
  const person = aPerson(id, {
    conversationReference: {
      serviceUrl: connector.url,
      conversation: { id: conversation },
      user: { id: `user-${id}` },
    },
  });
  await services.store.people.upsert(person);
  const date = on.toISOString().slice(0, 10);
  const message: OutboxMessage = {
    // A thank-you note: a real card, small, and worded by the real catalogue.
    id: `${id}:${date}:note:thanks`,
    recipientId: person.id,
    teamId: person.teamId,
    date,
    kind: 'note',
    note: { kind: 'thanks', from: 'Pat Morgan', weekStart: '2026-11-23', due: 3 },
    status: 'pending',
    attempts: 0,
    createdAt: on.toISOString(),
    sendAt: on.toISOString(),
    ...extra,
  };
  await services.store.outbox.upsert(message);
  return { person, message, queued: { id: message.id, recipientId: person.id }, conversation };
}

/** What the activity log says about one message. */
export async function activityFor(services: Services, outboxId: string) {
  return services.store.activity.query('c.details.outboxId = @id', [{ name: '@id', value: outboxId }]);
}
