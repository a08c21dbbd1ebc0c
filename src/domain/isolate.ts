/**
 * Keeping one record the rules cannot handle from stopping everyone else's. A pure step (one
 * practitioner's morning, one team's digest) runs over a list of children; when it throws, each
 * child is tried alone to find the one(s) it cannot handle, and the step runs again without them.
 * The fast path costs nothing: the search runs only after a failure, which the feed's checks make
 * rare (a record written before they existed, or put in the store by hand).
 */

/** A record left out of a plan, with what went wrong in technical words (for logs, never shown). */
export interface Skipped {
  /** Whose plan or digest it was left out of. */
  personId?: string;
  teamId?: string;
  /** The child left out; absent when the person's (or team's) own record is the problem. */
  childId?: string;
  problem: string;
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 300);
}

/**
 * `run(items)`, or when it throws, `run(items)` without the items it cannot handle alone, each
 * reported to `skip`. Throws when the fault is not in any one item: when it fails with no items at
 * all (the person's or team's own record), or fails even without the faulty ones.
 */
export function withoutFaulty<T extends { id: string }, R>(
  items: readonly T[],
  run: (items: readonly T[]) => R,
  skip: (item: T, error: unknown) => void,
): R {
  try {
    return run(items);
  } catch (error) {
    run([]);
    const faulty = new Map<string, unknown>();
    for (const item of items) {
      try {
        run([item]);
      } catch (alone) {
        faulty.set(item.id, alone);
      }
    }
    if (faulty.size === 0) throw error;
    const result = run(items.filter((item) => !faulty.has(item.id)));
    for (const item of items) if (faulty.has(item.id)) skip(item, faulty.get(item.id));
    return result;
  }
}
