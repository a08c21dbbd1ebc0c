/**
 * Runs an async function over items with at most `limit` in flight, like `mapLimit`, except that
 * one item failing neither stops the others nor the run: each failure is handed to `onFailure`
 * (which logs and reports it) and the run carries on. For batch jobs, where one bad record must
 * not cost everyone else their morning.
 */
export async function eachIsolated<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
  onFailure: (item: T, error: unknown) => void | Promise<void>,
): Promise<number> {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await fn(item);
      } catch (error) {
        failures++;
        await Promise.resolve(onFailure(item, error)).catch(() => undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return failures;
}
