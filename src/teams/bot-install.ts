/**
 * Installs and removals: a person who adds Hearth is welcomed and becomes reachable; one who
 * removes it becomes unreachable (their manager sees it). Someone Hearth does not know is told who
 * to ask.
 */
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { firstName } from '../domain/names';
import type { Deps } from '../services/deps';
import { installed, uninstalled } from '../services/people/conversation';
import { REPLIES } from '../text/teams/replies';
import { referenceOf } from './turn';

async function welcome(deps: Deps, context: TurnContext): Promise<void> {
  const outcome = await installed(deps, context.activity.from?.aadObjectId, referenceOf(context));
  if (!outcome.known) {
    await context.sendActivity(REPLIES.unknownPerson);
    return;
  }
  const name = firstName(outcome.person.displayName);
  await context.sendActivity(
    outcome.welcome === 'leader' ? REPLIES.welcomeLeader(name) : REPLIES.welcome(name),
  );
}

export function registerInstall(app: Application, deps: Deps): void {
  app.activity('installationUpdate', async (context) => {
    const action = (context.activity as { action?: string }).action ?? '';
    if (action.startsWith('add')) return welcome(deps, context);
    if (action.startsWith('remove')) await uninstalled(deps, context.activity.from?.aadObjectId);
  });
  // Teams sends this beside installationUpdate when the app is added: the reference is kept
  // (beforeTurn does that for people Hearth knows); the welcome comes from installationUpdate.
  app.conversationUpdate('membersAdded', () => Promise.resolve());
}
