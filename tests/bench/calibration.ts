/**
 * A fixed pure-JavaScript workload (sorting, strings, a Map, JSON), timed just before a benchmark
 * in the same process: `bench calibration: N ms`. On a busy or slower machine it slows in
 * proportion, so a figure can be compared across machines and moments by dividing by it. The
 * workload never changes; if it must, every benchmark's figures before and after are not comparable.
 */
import type { Report } from './run';

function workload(): number {
  let seed = 12_345;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  const numbers = Array.from({ length: 200_000 }, next);
  numbers.sort((a, b) => a - b);
  const counts = new Map<string, number>();
  for (const n of numbers) {
    const key = (n % 5_000).toString(36);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const records = Array.from({ length: 20_000 }, (_, i) => ({
    id: `r${i}`,
    n: numbers[i],
    tags: ['a', 'b'],
  }));
  const parsed = JSON.parse(JSON.stringify(records)) as typeof records;
  return counts.size + parsed.length;
}

/** The workload's median time over three runs, in milliseconds. */
export function calibrationMs(): number {
  workload();
  const times = [0, 1, 2].map(() => {
    const started = process.hrtime.bigint();
    workload();
    return Number(process.hrtime.bigint() - started) / 1e6;
  });
  return times.sort((a, b) => a - b)[1] as number;
}

/** Prints `bench calibration: N ms` and returns N. */
export function calibrate(report: Report): number {
  const ms = calibrationMs();
  report('calibration', ms, 'ms');
  return ms;
}
