/**
 * `today` in the chat: today's morning card again (handy after scrolling, and it can be acted on
 * anywhere), with this week's count as it stands now. When there is no card, why: a manager gets
 * their team's week on Mondays instead; a practitioner is paused, away, not working today, or the
 * card comes later (or is on its way).
 */
import { londonDate, londonTime } from '../domain/dates';
import { teamsVisibleTo } from '../domain/digest-access';
import type { OutboxMessage } from '../domain/outbox';
import type { Person } from '../domain/types';
import { onLeave, sendTime, worksOn } from '../domain/work-pattern';
import type { Deps } from './deps';
import { withCurrentCount } from './morning-card/seen-count';

export type TodayAnswer =
  | { kind: 'card'; message: OutboxMessage }
  | { kind: 'leader' }
  | { kind: 'no-card'; why: 'not-a-practitioner' | 'paused' | 'on-leave' | 'not-working' | 'on-its-way' }
  | { kind: 'no-card'; why: 'later'; at: string };

export async function todaysCard(
  deps: Pick<Deps, 'store' | 'now' | 'calendar'>,
  person: Person,
): Promise<TodayAnswer> {
  const now = deps.now();
  const today = londonDate(now);
  const message = await deps.store.outbox.get(`${person.id}:${today}:morning`, person.id);
  if (message?.bundle) return { kind: 'card', message: await withCurrentCount(deps, message) };
  if (!person.roles.includes('practitioner'))
    return teamsVisibleTo(person).length > 0
      ? { kind: 'leader' }
      : { kind: 'no-card', why: 'not-a-practitioner' };
  if (person.paused) return { kind: 'no-card', why: 'paused' };
  if (onLeave(person, today)) return { kind: 'no-card', why: 'on-leave' };
  if (!worksOn(person, today, deps.calendar)) return { kind: 'no-card', why: 'not-working' };
  const at = sendTime(person, person.morningTime);
  // The planner runs every 15 minutes: after the morning time, the card is on its way.
  return londonTime(now) < at
    ? { kind: 'no-card', why: 'later', at }
    : { kind: 'no-card', why: 'on-its-way' };
}
