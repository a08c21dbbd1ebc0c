/**
 * Teams' limits for one conversation (7 sends a second, 8 in 2 seconds, 60 in 30 seconds), held
 * across instances: a person's morning card, a nudge and a digest may be sent by three instances at
 * once. Each send first reserves its moment in a small document in the person's own outbox
 * partition (an ETag-guarded write, so two instances cannot both take the last place).
 *
 * A reservation is made before the send waits for its turn in the shared rate, and the send must
 * then begin within `slackMs` (else it reserves again). So each window is checked `slackMs` wider:
 * sends that happen up to that late still keep Teams' limits.
 */
import type { Container, Item } from '@azure/cosmos';
import { isStatus } from '../store/repository';

export interface WindowLimit {
  count: number;
  ms: number;
}

/** Teams' per-conversation limits for a bot. (1,800 an hour is far beyond anything Hearth sends.) */
export const CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { count: 7, ms: 1000 },
  { count: 8, ms: 2000 },
  { count: 60, ms: 30_000 },
];

/** Most reservations in any window of `ms` that contains `at`, counting `at` itself. */
function busiestWindow(times: readonly number[], at: number, ms: number): number {
  let most = 0;
  // Windows (b, b + ms] that hold `at` are fullest where their right edge has just taken a time in:
  // the window ending at `at`, or one ending at a later reservation (another instance's clock).
  const starts = [at - ms, ...times.filter((t) => t > at && t < at + ms).map((t) => t - ms)];
  for (const b of starts) {
    const inside = times.filter((t) => t > b && t <= b + ms).length;
    most = Math.max(most, inside);
  }
  return most + 1;
}

/** True when one more send at `at` keeps every limit, with each window `slackMs` wider. */
export function fits(
  times: readonly number[],
  at: number,
  limits: readonly WindowLimit[],
  slackMs: number,
): boolean {
  return limits.every((l) => busiestWindow(times, at, l.ms + slackMs) <= l.count);
}

/** The earliest moment at or after `at` when one more send fits. */
export function earliestFit(
  times: readonly number[],
  at: number,
  limits: readonly WindowLimit[],
  slackMs: number,
): number {
  // Whether a moment fits changes only as a reservation leaves a window behind it.
  const candidates = [
    at,
    ...limits.flatMap((l) => times.map((t) => t + l.ms + slackMs + 1)).filter((t) => t > at),
  ].sort((a, b) => a - b);
  return candidates.find((t) => fits(times, t, limits, slackMs)) ?? at;
}

export const CONVERSATION_WINDOW_DOCUMENT = { id: 'send-window', docType: 'send-window' };

interface WindowDocument {
  id: string;
  recipientId: string;
  docType: string;
  at: number[];
  /** Seconds to keep it after its last change (Cosmos removes it then). */
  ttl: number;
}

export type Reservation = { reserved: true; at: number } | { reserved: false; retryAt: number };

/** Reserves `now` for one send to `recipientId`, or says when the conversation has room again. */
export async function reserveConversation(
  container: Container,
  recipientId: string,
  now: () => number,
  slackMs: number,
  limits: readonly WindowLimit[] = CONVERSATION_LIMITS,
): Promise<Reservation> {
  const item = container.item(CONVERSATION_WINDOW_DOCUMENT.id, recipientId);
  const keep = Math.max(...limits.map((l) => l.ms)) + slackMs * 2;
  const document = (at: number[]): WindowDocument => ({
    id: CONVERSATION_WINDOW_DOCUMENT.id,
    recipientId,
    docType: CONVERSATION_WINDOW_DOCUMENT.docType,
    at,
    // Gone once nothing in it counts any more: the next card of the day finds the chat empty.
    ttl: Math.ceil(keep / 1000) + 1,
  });
  // Most sends are the only one to that chat for a while: try the empty chat first, in one write.
  try {
    const at = now();
    await container.items.create(document([at]));
    return { reserved: true, at };
  } catch (error) {
    if (!isStatus(error, 409)) throw error;
  }
  for (let attempt = 1; attempt <= 10; attempt++) {
    const read = await readWindow(item);
    const at = now();
    const times = (read?.doc.at ?? []).filter((t) => t > at - keep);
    const earliest = earliestFit(times, at, limits, slackMs);
    if (earliest > at) return { reserved: false, retryAt: earliest };
    try {
      if (read)
        await item.replace(document([...times, at]), {
          accessCondition: { type: 'IfMatch', condition: read.etag },
        });
      else await container.items.create(document([at]));
      return { reserved: true, at };
    } catch (error) {
      if (!isStatus(error, 412) && !isStatus(error, 409)) throw error;
    }
  }
  // Ten instances racing for one person's chat: let this one come back shortly.
  return { reserved: false, retryAt: now() + 1000 };
}

async function readWindow(item: Item): Promise<{ doc: WindowDocument; etag: string } | undefined> {
  try {
    const { resource, etag } = await item.read<WindowDocument>();
    return resource ? { doc: resource, etag } : undefined;
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
}
