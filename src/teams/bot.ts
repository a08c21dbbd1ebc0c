/**
 * The Teams bot, on @microsoft/teams-ai 1.x over botbuilder (both in maintenance: kept inside
 * src/teams so a move to the Teams SDK touches only this folder). It translates Teams activities
 * and invokes to use cases and back, nothing else; each facet registers itself (bot-install,
 * bot-commands, bot-actions). Without a bot identity it runs unauthenticated, which config allows
 * only in local mode (for the Agents Playground).
 */
import { AdaptiveCardActionExecuteResponseType, Application, TeamsAdapter } from '@microsoft/teams-ai';
import { MemoryStorage } from 'botbuilder';
import type { Config } from '../config';
import type { Deps } from '../services/deps';
import { rememberConversation } from '../services/people/conversation';
import { REPLIES } from '../text/teams/replies';
import { registerCardActions } from './bot-actions';
import { registerCommands } from './bot-commands';
import { registerInstall } from './bot-install';
import { isPersonal, referenceOf, speaker, tenantOf } from './turn';

export interface Bot {
  adapter: TeamsAdapter;
  app: Application;
}

function createAdapter(config: Config): TeamsAdapter {
  const bot = config.bot;
  if (!bot) {
    if (config.mode !== 'local') throw new Error('the bot has no identity outside local mode');
    return new TeamsAdapter({});
  }
  return new TeamsAdapter({
    MicrosoftAppId: bot.appId,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
    ...(bot.password ? { MicrosoftAppPassword: bot.password } : {}),
  });
}

export function createBot(deps: Deps): Bot {
  const adapter = createAdapter(deps.config);
  // teams-ai 1.x shows "typing" while a turn takes over a second (its run() starts the timer
  // whatever `startTypingTimer` says); a person waiting on a digest sees Hearth is working on it.
  const app = new Application({
    adapter,
    botAppId: deps.config.bot?.appId ?? '',
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    adaptiveCards: {
      actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_INTERACTOR,
    },
  });

  /** Keeps the person's conversation reference fresh; refuses other organisations' traffic. */
  app.turn('beforeTurn', async (context) => {
    const expected = deps.config.bot?.tenantId;
    if (expected && tenantOf(context) !== expected) {
      if (context.activity.type === 'message') await context.sendActivity(REPLIES.wrongTenant);
      return false;
    }
    if (!isPersonal(context) || context.activity.type === 'installationUpdate') return true;
    const person = await speaker(deps, context);
    if (person) await rememberConversation(deps, person, referenceOf(context));
    return true;
  });

  registerInstall(app, deps);
  registerCommands(app, deps);
  registerCardActions(app, deps);

  app.error(async (context, error) => {
    console.error('bot: turn failed', { activity: context.activity.type, error: error.message });
    await context.sendActivity(REPLIES.somethingWrong).catch(() => undefined);
  });
  return { adapter, app };
}
