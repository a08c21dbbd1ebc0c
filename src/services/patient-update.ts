/**
 * Read-modify-write with ETags for documents many requests may change at once (a dozen taps on one
 * card, a person's record while they tap): replace only if nobody changed it meanwhile, and on a
 * clash try again after a short random pause, so each request gets its answer rather than an error.
 */
import type { Repository } from '../store/repository';
import { ConcurrencyError, isStatus, withoutSystemFields } from '../store/repository';

/** Enough for dozens of presses on one card at once; each clash waits a few milliseconds more. */
const ATTEMPTS = 40;

const pause = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(10 * attempt, 150)));

/**
 * Read-modify-write, patient under contention. `change` returns the new item, or
 * undefined to leave it; the answer says whether this call's change is the one that was written.
 */
export async function updatePatiently<T extends { id: string }>(
  repository: Repository<T>,
  id: string,
  partitionKey: string,
  change: (current: T) => T | undefined,
): Promise<{ item: T | undefined; written: boolean }> {
  for (let attempt = 1; ; attempt++) {
    const current = await repository.get(id, partitionKey);
    if (!current) return { item: undefined, written: false };
    const plain = withoutSystemFields<T>(current);
    const next = change(plain);
    if (!next) return { item: plain, written: false };
    try {
      return {
        item: withoutSystemFields<T>(await repository.replaceIfUnchanged(next, current._etag)),
        written: true,
      };
    } catch (error) {
      if (!isStatus(error, 412)) throw error;
      if (attempt >= ATTEMPTS)
        throw new ConcurrencyError(`${repository.container.id}/${id}`, { cause: error });
      await pause(attempt);
    }
  }
}
