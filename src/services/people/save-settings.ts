/**
 * A person saves their own settings: morning time, working days, quiet hours and leave. These are
 * Hearth's fields; the feed never overwrites them. Past leave is dropped; new leave is added.
 */
import { londonDate } from '../../domain/dates';
import type { DateRange, Person, QuietHours, Weekday } from '../../domain/types';
import type { Deps } from '../deps';

export interface SettingsChange {
  morningTime: string;
  workingDays: Weekday[];
  quietHours?: QuietHours;
  leave?: DateRange;
}

export async function saveSettings(
  deps: Pick<Deps, 'store' | 'now'>,
  person: Person,
  change: SettingsChange,
): Promise<void> {
  const today = londonDate(deps.now());
  await deps.store.people.update(person.id, person.teamId, (p) => ({
    ...p,
    morningTime: change.morningTime,
    workingDays: change.workingDays,
    quietHours: change.quietHours,
    leave: [...p.leave.filter((l) => l.to >= today), ...(change.leave ? [change.leave] : [])],
  }));
}
