/**
 * A person saves their own settings: morning time, working days, quiet hours and leave. Morning
 * time, quiet hours and leave are Hearth's fields, never overwritten by the feed (working days are
 * the feed's when it sends them). The card shows one period of leave and saving it replaces what
 * was there: empty leave fields mean no leave, so leave can be taken back.
 */
import type { DateRange, Person, QuietHours, Weekday } from '../../domain/types';
import type { Deps } from '../deps';

export interface SettingsChange {
  morningTime: string;
  workingDays: Weekday[];
  quietHours?: QuietHours | undefined;
  /** The one period of leave; undefined clears any. */
  leave?: DateRange | undefined;
}

export async function saveSettings(
  deps: Pick<Deps, 'store'>,
  person: Person,
  change: SettingsChange,
): Promise<void> {
  await deps.store.people.update(person.id, person.teamId, (p) => {
    const { quietHours: _old, ...rest } = p;
    void _old;
    return {
      ...rest,
      morningTime: change.morningTime,
      workingDays: change.workingDays,
      ...(change.quietHours ? { quietHours: change.quietHours } : {}),
      leave: change.leave ? [change.leave] : [],
    };
  });
}
