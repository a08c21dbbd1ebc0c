/**
 * One send rate for every instance of Hearth: the schedule's state (rate-schedule.ts) lives in one
 * small Cosmos document, and each instance claims a few slots at a time with an ETag-guarded write
 * (a conflict means another instance claimed first: read again and claim after it). Azure can run
 * one sender or ten; together they still begin at most the configured number of sends a second.
 *
 * Slots are claimed a little ahead of need (by about one claim's round trip), so that a slot has
 * not already passed by the time its claim comes back. Instances' clocks are taken to agree to
 * within a few milliseconds, as NTP keeps them in Azure.
 */
import type { Container } from '@azure/cosmos';
import { isStatus } from '../store/repository';
import type { RateSettings, RateState } from './rate-schedule';
import { claimSlots, initialRateState, rateSettings } from './rate-schedule';
import type { RateLimiter, SlotSource } from './rate-limiter';
import { createRateLimiter } from './rate-limiter';

/** Where the state lives: the outbox container, in a partition of its own. */
export const SEND_RATE_DOCUMENT = { id: 'send-rate', partition: '~send-rate', docType: 'send-rate' };

interface RateDocument extends RateState {
  id: string;
  recipientId: string;
  docType: string;
}

/** Conflicting claims tried again before giving up (each one means another instance got slots). */
const CONFLICT_TRIES = 25;

export function createSharedSlotSource(
  container: Container,
  settings: RateSettings,
  now: () => number = Date.now,
): SlotSource {
  const item = container.item(SEND_RATE_DOCUMENT.id, SEND_RATE_DOCUMENT.partition);
  let cached: { state: RateState; etag: string } | undefined;
  let lead = 20;

  const read = async (): Promise<{ state: RateState; etag: string } | undefined> => {
    try {
      const { resource, etag } = await item.read<RateDocument>();
      if (!resource) return undefined;
      const fresh = initialRateState(settings);
      const { next, rate, cutAt } = resource;
      const recent429s = resource.recent429s ?? fresh.recent429s;
      const tolerance = resource.tolerance ?? fresh.tolerance;
      const tunedAt = resource.tunedAt ?? fresh.tunedAt;
      return { state: { next, rate, cutAt, recent429s, tolerance, tunedAt }, etag };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  };

  const write = async (state: RateState, etag: string | undefined) => {
    const doc: RateDocument = {
      id: SEND_RATE_DOCUMENT.id,
      recipientId: SEND_RATE_DOCUMENT.partition,
      docType: SEND_RATE_DOCUMENT.docType,
      ...state,
    };
    const response = etag
      ? await item.replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } })
      : await container.items.create(doc);
    return { state, etag: response.etag };
  };

  return {
    async claim(count, report) {
      for (let attempt = 1; attempt <= CONFLICT_TRIES; attempt++) {
        const started = now();
        const current = cached ?? (await read());
        const result = claimSlots(
          current?.state ?? initialRateState(settings),
          now() + lead,
          count,
          report,
          settings,
        );
        try {
          cached = await write(result.state, current?.etag);
          // The next claim aims this far ahead: a running average of how long one takes.
          lead = Math.min(200, Math.max(5, lead * 0.8 + (now() - started) * 0.2));
          return { slots: result.slots, rate: result.rate, tolerance: result.tolerance };
        } catch (error) {
          cached = undefined;
          if (!isStatus(error, 412) && !isStatus(error, 409)) throw error;
        }
      }
      throw new Error('the shared send rate kept changing under this instance; it will try again');
    },
  };
}

/** Slots one instance claims at most at once: few enough that none sit unused for long. */
export const SHARED_CLAIM_BATCH = 4;

/** The limiter every send in this process waits on, sharing one rate with every other instance. */
export function sharedRateLimiter(
  container: Container,
  perSecond: number,
  overrides: Partial<RateSettings> = {},
): RateLimiter {
  const settings = rateSettings(perSecond, overrides);
  return createRateLimiter(createSharedSlotSource(container, settings), {
    maxBatch: SHARED_CLAIM_BATCH,
    perSecond,
  });
}
