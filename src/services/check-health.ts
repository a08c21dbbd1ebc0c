/**
 * Whether the store and the queues answer: 'ok', or 'failed: <why>' naming the part, so whoever is
 * on call knows where to look.
 */
import type { Deps } from './deps';

const CHECK_TIMEOUT_MS = 5_000;

async function check(probe: (signal: AbortSignal) => Promise<void>): Promise<string> {
  // Aborting (rather than racing a timer) also stops the SDK's own retries when we give up.
  const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
  try {
    await probe(signal);
    return 'ok';
  } catch (error) {
    if (signal.aborted) return `failed: no answer within ${CHECK_TIMEOUT_MS} ms`;
    return `failed: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`;
  }
}

export async function checkHealth(
  deps: Pick<Deps, 'store' | 'queues'>,
): Promise<{ store: string; queues: string }> {
  const [store, queues] = await Promise.all([
    check((signal) => deps.store.ping(signal)),
    check((signal) => deps.queues.ping(signal)),
  ]);
  return { store, queues };
}
