/**
 * Telling a store that did not answer from a fault in Hearth. While a batch is read and written,
 * every call to the store goes through `guarded`, which turns its failures into a `StoreFault`:
 * the feed answers 503 (send the same batch again, it is idempotent) only for those, and a fault in
 * Hearth's own code stays a 500 that someone has to look at.
 */
import type { Store } from '../store/store';

export class StoreFault extends Error {
  override name = 'StoreFault';
  readonly status = 503;
  constructor(cause: unknown) {
    super(`the store did not answer: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

const REPOSITORIES = ['teams', 'people', 'children', 'events', 'activity', 'outbox'] as const;

function faulting(error: unknown): StoreFault {
  return error instanceof StoreFault ? error : new StoreFault(error);
}

/** A repository whose async methods reject with `StoreFault` when the store call fails. */
function guardRepository<R extends object>(repository: R): R {
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'constructor') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw faulting(error);
            })
          : result;
      };
    },
  });
}

export function guarded(store: Store): Store {
  const guardedStore = { ...store };
  for (const name of REPOSITORIES) {
    Object.assign(guardedStore, { [name]: guardRepository(store[name]) });
  }
  return guardedStore;
}
