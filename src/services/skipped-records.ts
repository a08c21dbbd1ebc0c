/**
 * Telling the admins that a batch job left someone out: one id-only line in the activity log per
 * person (or team) and child, per job and day, however often the job runs that day. The error's
 * kind is kept (for example `RangeError`), never its text or anyone's name.
 */
import { londonDate } from '../domain/dates';
import type { Skipped } from '../domain/isolate';
import type { Store } from '../store/store';
import { mapLimit } from '../util/map-limit';

export type { Skipped } from '../domain/isolate';

/** The kind of error in a `Skipped.problem` ("RangeError: ..." -> "RangeError"). */
export const errorKind = (problem: string) => /^[A-Za-z]+/.exec(problem)?.[0] ?? 'Error';

export async function reportSkipped(
  store: Store,
  job: string,
  skipped: readonly Skipped[],
  teamOf: (personId: string) => string | undefined,
  now: Date,
): Promise<void> {
  const today = londonDate(now);
  await mapLimit(skipped, 8, (s) => {
    const who = s.personId ?? s.teamId ?? 'unknown';
    return store.activity.upsert({
      id: `skipped:${job}:${today}:${who}:${s.childId ?? '-'}`,
      teamId: s.teamId ?? (s.personId ? teamOf(s.personId) : undefined) ?? 'system',
      at: now.toISOString(),
      actor: job,
      action: `${job}.skipped`,
      details: {
        ...(s.personId ? { personId: s.personId } : {}),
        ...(s.teamId ? { teamId: s.teamId } : {}),
        ...(s.childId ? { childId: s.childId } : {}),
        error: errorKind(s.problem),
      },
    });
  });
}
