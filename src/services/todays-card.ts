/**
 * Today's morning card again, for `today` in the chat: handy after scrolling, and it can be acted
 * on anywhere.
 */
import { londonDate } from '../domain/dates';
import type { OutboxMessage } from '../domain/outbox';
import type { Person } from '../domain/types';
import type { Deps } from './deps';

export async function todaysCard(
  deps: Pick<Deps, 'store' | 'now'>,
  person: Person,
): Promise<OutboxMessage | undefined> {
  const id = `${person.id}:${londonDate(deps.now())}:morning`;
  const message = await deps.store.outbox.get(id, person.id);
  return message?.bundle ? message : undefined;
}
