/**
 * Runs timer functions on their NCRONTAB schedules in UTC, as Azure Functions does on Linux plans.
 * A run that is still going when the next is due is skipped, never doubled up.
 */
import { Cron } from 'croner';
import type { HearthFunction, TimerFunction } from '../app/function-types';
import type { LogLine } from './http-host';
import { runFunctionNow } from './http-host';

export interface Scheduler {
  /** Each timer's next run, for the start-up banner. */
  nextRuns(): { name: string; next: Date | null }[];
  stop(): void;
}

export function startScheduler(functions: readonly HearthFunction[], log: LogLine): Scheduler {
  const timers = functions.filter((f): f is TimerFunction => f.kind === 'timer');
  const jobs = timers.map(
    (fn) =>
      [
        fn.name,
        new Cron(fn.schedule, { timezone: 'UTC', protect: true }, async () => {
          try {
            await runFunctionNow(fn, undefined, log);
          } catch (error) {
            log('error', fn.name, 'timer run failed', error instanceof Error ? error.message : String(error));
          }
        }),
      ] as const,
  );
  return {
    nextRuns: () => jobs.map(([name, job]) => ({ name, next: job.nextRun() })),
    stop: () => jobs.forEach(([, job]) => job.stop()),
  };
}
