/**
 * The Teams bot, on @microsoft/teams-ai 1.x over botbuilder (both in maintenance: kept inside
 * src/teams so a move to the Teams SDK touches only this folder). It translates Teams activities
 * and invokes to use cases and back, nothing else; each facet registers itself (bot-install,
 * bot-commands, bot-actions). Without a bot identity it runs unauthenticated, which config allows
 * only in local mode (for the Agents Playground).
 *
 * Children are talked about only in the 1:1 chat with a person: in a group chat or a channel, Hearth
 * answers `help` and otherwise says politely that it talks about children only in the 1:1 chat.
 */
import { AdaptiveCardActionExecuteResponseType, Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
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
  /**
   * Runs one authenticated turn. False, having done nothing, when it comes from another
   * organisation (or names none) while Hearth is set up for one.
   */
  handle(context: TurnContext): Promise<boolean>;
}

export interface BotOptions {
  /**
   * Where the Bot Framework publishes its signing keys (its OpenID configuration), for a stand-in
   * of that service in tests, as the feed's HEARTH_ENTRA_JWKS_URL. Production uses Microsoft's.
   */
  openIdMetadataUrl?: string;
}

function createAdapter(config: Config, options: BotOptions): TeamsAdapter {
  const bot = config.bot;
  if (!bot) {
    if (config.mode !== 'local') throw new Error('the bot has no identity outside local mode');
    return new TeamsAdapter({});
  }
  const keys = options.openIdMetadataUrl;
  return new TeamsAdapter({
    MicrosoftAppId: bot.appId,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
    ...(bot.password ? { MicrosoftAppPassword: bot.password } : {}),
    // botbuilder takes every endpoint, or none, from configuration: the public cloud's, but the keys.
    ...(keys
      ? {
          ToBotFromChannelOpenIdMetadataUrl: keys,
          ToBotFromEmulatorOpenIdMetadataUrl: keys,
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${bot.tenantId}`,
          ToChannelFromBotOAuthScope: 'https://api.botframework.com',
          OAuthUrl: 'https://api.botframework.com',
          CallerId: 'urn:botframework:azure',
          ValidateAuthority: true,
        }
      : {}),
  });
}

/** Outside the 1:1 chat: help for `help`, the polite line for anything else; never a name. */
async function outsidePersonalChat(context: TurnContext): Promise<void> {
  const type = context.activity.type;
  if (type === 'message') {
    const help = /^\s*help\s*$/i.test(context.activity.text ?? '');
    await context.sendActivity(help ? REPLIES.help : REPLIES.personalChatOnly);
  } else if (type === 'installationUpdate' && String(context.activity.action ?? '').startsWith('add')) {
    await context.sendActivity(REPLIES.installedInGroup);
  }
}

export function createBot(deps: Deps, options: BotOptions = {}): Bot {
  const adapter = createAdapter(deps.config, options);
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

  /** Keeps the person's conversation reference fresh; keeps children's names out of group chats. */
  app.turn('beforeTurn', async (context) => {
    if (!isPersonal(context)) {
      // Card presses still get a card (bot-actions answers them with the polite line).
      if (context.activity.type === 'invoke') return true;
      await outsidePersonalChat(context);
      return false;
    }
    if (context.activity.type === 'installationUpdate') return true;
    const person = await speaker(deps, context);
    // Best effort: a turn is answered even if the reference cannot be written just now.
    if (person)
      await rememberConversation(deps, person, referenceOf(context)).catch((error: unknown) =>
        console.error('bot: could not keep the conversation', {
          person: person.id,
          error: error instanceof Error ? error.name : 'unknown',
        }),
      );
    return true;
  });

  registerInstall(app, deps);
  registerCommands(app, deps);
  registerCardActions(app, deps);

  app.error(async (context, error) => {
    console.error('bot: turn failed', { activity: context.activity.type, error: error.message });
    await context.sendActivity(REPLIES.somethingWrong).catch(() => undefined);
  });

  const expectedTenant = deps.config.bot?.tenantId;
  return {
    adapter,
    app,
    async handle(context) {
      if (expectedTenant && tenantOf(context) !== expectedTenant) return false;
      await app.run(context);
      return true;
    },
  };
}
