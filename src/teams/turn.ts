/**
 * What the bot reads off a turn: who is speaking (as a Hearth person), where to reach them, and
 * which organisation and kind of conversation it comes from.
 */
import type { TurnContext } from 'botbuilder';
import { TurnContext as Turn } from 'botbuilder';
import type { Person } from '../domain/types';
import type { Deps } from '../services/deps';
import { personByEntraId } from '../services/people/find-person';

export const speaker = (deps: Pick<Deps, 'store'>, context: TurnContext): Promise<Person | undefined> =>
  personByEntraId(deps.store, context.activity.from?.aadObjectId);

/** The Bot Framework conversation reference, kept as opaque JSON (the domain knows nothing of Teams). */
export const referenceOf = (context: TurnContext) =>
  Turn.getConversationReference(context.activity) as unknown as Record<string, unknown>;

export function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return context.activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/** A 1:1 chat with the bot (or no conversation type given, as in some local clients). */
export const isPersonal = (context: TurnContext) =>
  !context.activity.conversation?.conversationType ||
  context.activity.conversation.conversationType === 'personal';
