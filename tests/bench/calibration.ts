/**
 * A fixed pure-JavaScript workload, timed in the process that is about to measure something, so
 * that figures from different machines and busy moments can be compared: a bench prints
 * `bench calibration: N ms` and its timed figures divided by N.
 */
import type { Report } from './run';

/** Sorting, string building and a map: the kind of work Hearth's own code does. */
function workload(): number {
  let checksum = 0;
  for (let round = 0; round < 20; round++) {
    const values = Array.from({ length: 20_000 }, (_, i) => ((i * 7919 + round) % 10_007) / 3);
    values.sort((a, b) => a - b);
    const seen = new Map<string, number>();
    for (const v of values) {
      const key = `k${Math.floor(v) % 997}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    checksum += seen.size + (values[values.length >> 1] ?? 0);
  }
  return checksum;
}

/** Runs the workload (once to warm up, then the median of five) and reports its time in ms. */
export function calibrate(report: Report): number {
  workload();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    workload();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const ms = times.sort((a, b) => a - b)[2] as number;
  report('calibration', ms, 'ms');
  return ms;
}
