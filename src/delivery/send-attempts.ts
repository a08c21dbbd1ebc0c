/**
 * The tries within one delivery of a claimed message. Each try reserves a moment in the person's
 * chat (their per-conversation limits), waits its turn in the shared rate, and sends. Waits up to
 * `maxInlineWaitMs` are made here; longer ones (a Retry-After of an hour, a long outage's backoff,
 * a credential fault) put the message back on the queue, hidden until then: a function never
 * sleeps for minutes. A try is never begun that could not end within the claim.
 */
import type { OutboxMessage } from '../domain/outbox';
import type { Person } from '../domain/types';
import type { Reservation } from './conversation-window';
import { reserveConversation } from './conversation-window';
import type { Claim } from './delivery-claim';
import { recordDelivery, settle } from './delivery-claim';
import type { DeliveryDeps, DeliveryResult } from './delivery-types';
import { DELIVERY_LOG } from './delivery-types';
import { backoffMs, classify, SendTimeoutError } from './send-policy';

/** The least wait after Teams refuses Hearth's credentials: someone has to fix them. */
const CREDENTIAL_WAIT_MS = 60_000;

interface TryState {
  attempts: number;
  lastError: string;
  /** A try in this or an earlier delivery may have reached Teams unheard. */
  uncertain: boolean;
}

/** A try's end: settled, or a wait before the next (`queue`: go back to the queue whatever its length). */
type Step = { result: DeliveryResult } | { waitMs: number; reason: string; queue?: boolean };

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SendTimeoutError(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function sendClaimed(
  deps: DeliveryDeps,
  claim: Claim,
  person: Person | undefined,
  firstReservation?: Reservation,
): Promise<DeliveryResult> {
  const { message } = claim;
  if (!person?.conversationReference || person.reachability === 'unreachable') {
    const lastError = person ? 'Hearth is not installed in their Teams' : 'person not found';
    await settle(deps, claim, { status: 'unreachable', lastError });
    return { outcome: 'unreachable' };
  }
  // The card is made at the moment of its first send, just after its turn came: making cards takes
  // a few milliseconds each, and made in bursts they would hold up other sends already under way.
  let made: Record<string, unknown> | undefined;
  const activity = () => (made ??= deps.render(message, person));
  const state: TryState = {
    attempts: message.attempts,
    lastError: message.lastError ?? '',
    uncertain: message.mayHaveSent === true,
  };
  const { options } = deps;
  const firstAttempt = state.attempts;
  // Waiting for room in the person's chat, or for a turn, is not a try: only sends count, but the
  // loop is bounded all the same.
  for (let step = 1; step <= options.attemptsPerDelivery * 4; step++) {
    if (state.attempts - firstAttempt >= options.attemptsPerDelivery) break;
    const next = await tryOnce(
      deps,
      claim,
      person,
      activity,
      state,
      step === 1 ? firstReservation : undefined,
    );
    if ('result' in next) return next.result;
    if (next.queue || next.waitMs > options.maxInlineWaitMs)
      return putOff(deps, claim, state, next.waitMs, next.reason);
    await deps.sleep(next.waitMs);
  }
  const wait = backoffMs(state.attempts, options.baseBackoffMs, options.maxRetryIntervalMs);
  return putOff(deps, claim, state, wait, state.lastError || 'still waiting for a turn');
}

async function tryOnce(
  deps: DeliveryDeps,
  claim: Claim,
  person: Person,
  activity: () => Record<string, unknown>,
  state: TryState,
  reserved?: Reservation,
): Promise<Step> {
  const { options } = deps;
  const ms = () => deps.now().getTime();
  // A send is begun only while it can end (answered or timed out) well inside the claim, so that
  // no other sender can have taken the message over meanwhile.
  const claimRunsOut = () =>
    ms() + options.sendTimeoutMs + options.claimMarginMs > claim.since + options.claimMs;
  if (claimRunsOut()) return { waitMs: 0, reason: 'claim ran out', queue: true };
  const reservation =
    reserved ??
    (await reserveConversation(
      deps.store.outbox.container,
      claim.message.recipientId,
      ms,
      options.conversationSlackMs,
    ));
  if (!reservation.reserved) return { waitMs: reservation.retryAt - ms(), reason: 'their chat is busy' };
  await deps.limiter.take();
  if (claimRunsOut()) return { waitMs: 0, reason: 'claim ran out', queue: true };
  if (ms() - reservation.at > options.conversationSlackMs) return { waitMs: 0, reason: 'turn came late' };
  let card: Record<string, unknown>;
  try {
    card = activity();
  } catch (error) {
    deps.log('error', DELIVERY_LOG.cardNotMade, {
      outboxId: claim.message.id,
      error: error instanceof Error ? error.name : 'unknown',
    });
    return { result: await refuse(deps, claim, { ...state, lastError: 'card not made' }) };
  }
  state.attempts += 1;
  let activityId: string | undefined;
  try {
    const reference = person.conversationReference as Record<string, unknown>;
    activityId = await withTimeout(deps.sender.send(reference, card), options.sendTimeoutMs);
  } catch (error) {
    return failed(deps, claim, person, state, error);
  }
  // Outside the try: Teams has the card, so a store fault from here on must not count as a failed send.
  return { result: await sent(deps, claim, state, activityId) };
}

async function sent(
  deps: DeliveryDeps,
  claim: Claim,
  state: TryState,
  activityId: string | undefined,
): Promise<DeliveryResult> {
  const own = await settle(deps, claim, {
    status: 'sent',
    attempts: state.attempts,
    sentAt: deps.now().toISOString(),
    ...(activityId ? { activityId } : {}),
    ...(state.uncertain ? { mayHaveSent: true } : {}),
  });
  // Another sender took over after this claim ran out, and may be sending it too.
  if (state.uncertain || !own) {
    await recordDelivery(
      deps,
      { ...claim.message, attempts: state.attempts },
      'delivery.possibly-duplicated',
      {
        why: own ? 'an earlier try may have reached Teams unheard' : 'another sender took it over',
      },
    );
  }
  return { outcome: 'sent' };
}

async function failed(
  deps: DeliveryDeps,
  claim: Claim,
  person: Person,
  state: TryState,
  error: unknown,
): Promise<Step> {
  const failure = classify(error);
  state.lastError = failure.reason;
  const { options } = deps;
  switch (failure.kind) {
    case 'unreachable':
      await deps.store.people.update(person.id, person.teamId, (p) => ({
        ...p,
        reachability: 'unreachable',
      }));
      await settle(deps, claim, {
        status: 'unreachable',
        attempts: state.attempts,
        lastError: failure.reason,
      });
      return { result: { outcome: 'unreachable' } };
    case 'refused':
      return { result: await refuse(deps, claim, state) };
    case 'credential':
      deps.log('error', `${DELIVERY_LOG.credentials}: ${failure.reason}`, {
        outboxId: claim.message.id,
        fault: failure.reason,
      });
      return {
        waitMs: Math.max(
          CREDENTIAL_WAIT_MS,
          backoffMs(state.attempts, options.baseBackoffMs, options.maxRetryIntervalMs),
        ),
        reason: failure.reason,
        queue: true,
      };
    case 'throttled':
      // The limit may be the app's rather than this chat's: every sender hears of it.
      deps.limiter.throttled();
      return { waitMs: failure.retryAfterMs, reason: failure.reason };
    case 'transient':
      if (failure.uncertain) state.uncertain = true;
      return {
        waitMs: backoffMs(state.attempts, options.baseBackoffMs, options.maxRetryIntervalMs),
        reason: failure.reason,
      };
  }
}

/** Teams refused the message itself (or its card could not be made): no retry will change that. */
async function refuse(deps: DeliveryDeps, claim: Claim, state: TryState): Promise<DeliveryResult> {
  await settle(deps, claim, { status: 'failed', attempts: state.attempts, lastError: state.lastError });
  await recordDelivery(deps, claim.message, 'delivery.failed');
  deps.log('error', DELIVERY_LOG.refused, {
    outboxId: claim.message.id,
    lastError: state.lastError,
  });
  return { outcome: 'failed' };
}

/** Releases the claim and hands the message back for the queue to bring again after the wait. */
async function putOff(
  deps: DeliveryDeps,
  claim: Claim,
  state: TryState,
  waitMs: number,
  reason: string,
): Promise<DeliveryResult> {
  const retryInMs = Math.min(Math.max(0, Math.ceil(waitMs)), deps.options.maxRetryIntervalMs);
  const { sendingSince: _claim, ...released } = claim.message;
  const next: Partial<OutboxMessage> = {
    ...released,
    status: 'pending',
    attempts: state.attempts,
    nextTryAt: new Date(deps.now().getTime() + retryInMs).toISOString(),
    ...(state.lastError ? { lastError: state.lastError } : {}),
    ...(state.uncertain ? { mayHaveSent: true } : {}),
  };
  await settle(deps, claim, { ...next, sendingSince: undefined });
  return { outcome: 'deferred', retryInMs, reason };
}
