/**
 * The Teams bot, on @microsoft/teams-ai 1.x over botbuilder (both in maintenance: kept inside
 * src/teams so a move to the Teams SDK touches only this folder). It captures installs, answers
 * chat commands and routes card buttons by verb. Without a bot identity it runs unauthenticated,
 * which config allows only in local mode (for the Agents Playground).
 */
import { randomUUID } from 'node:crypto';
import { AdaptiveCardActionExecuteResponseType, Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { CardFactory, MemoryStorage, TurnContext as Turn } from 'botbuilder';
import { createCalendar } from '../domain/calendar';
import { londonDate } from '../domain/dates';
import { firstName } from '../domain/language';
import type { Person } from '../domain/types';
import type { Services } from '../app/services';
import { outboxActivity } from '../delivery/activities';
import { runDigests } from '../delivery/digest-run';
import { teamsVisibleTo } from '../domain/digest-access';
import { CARD_VERBS, handleCardAction, messageCard } from './card-actions';
import { DIGEST_VERBS, handleDigestAction } from './digest-actions';
import { saveSettings } from './command-cards';
import { myWeekCard, settingsCard } from './command-cards';
import { PREVIEWS, REPLIES } from './replies';

export interface Bot {
  adapter: TeamsAdapter;
  app: Application;
}

function createAdapter(services: Services): TeamsAdapter {
  const bot = services.config.bot;
  if (!bot) {
    if (services.config.mode !== 'local') throw new Error('the bot has no identity outside local mode');
    return new TeamsAdapter({});
  }
  return new TeamsAdapter({
    MicrosoftAppId: bot.appId,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
    ...(bot.password ? { MicrosoftAppPassword: bot.password } : {}),
  });
}

async function personFor(services: Services, context: TurnContext): Promise<Person | undefined> {
  const aad = context.activity.from?.aadObjectId?.toLowerCase();
  if (!aad) return undefined;
  const [person] = await services.store.people.query('c.entraObjectId = @aad', [
    { name: '@aad', value: aad },
  ]);
  return person;
}

export function createBot(services: Services): Bot {
  const adapter = createAdapter(services);
  const app = new Application({
    adapter,
    botAppId: services.config.bot?.appId ?? '',
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
    adaptiveCards: {
      actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_INTERACTOR,
    },
  });
  const { store } = services;

  /** Keeps the person's conversation reference fresh; refuses other organisations' traffic. */
  app.turn('beforeTurn', async (context) => {
    const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
    const tenant = context.activity.conversation?.tenantId ?? channelData?.tenant?.id;
    const expected = services.config.bot?.tenantId;
    if (expected && tenant !== expected) {
      if (context.activity.type === 'message') await context.sendActivity(REPLIES.wrongTenant);
      return false;
    }
    if (
      context.activity.conversation?.conversationType &&
      context.activity.conversation.conversationType !== 'personal'
    ) {
      return true;
    }
    const person = await personFor(services, context);
    if (person && context.activity.type !== 'installationUpdate') {
      const reference = Turn.getConversationReference(context.activity) as unknown as Record<string, unknown>;
      if (
        JSON.stringify(reference) !== JSON.stringify(person.conversationReference) ||
        person.reachability !== 'reachable'
      ) {
        await store.people.update(person.id, person.teamId, (p) => ({
          ...p,
          conversationReference: reference,
          reachability: 'reachable',
        }));
      }
    }
    return true;
  });

  const installed = async (context: TurnContext) => {
    const person = await personFor(services, context);
    if (!person) {
      await context.sendActivity(REPLIES.unknownPerson);
      // For the admins: an id, never a name.
      await store.activity.upsert({
        id: randomUUID(),
        teamId: 'unknown',
        at: services.now().toISOString(),
        actor: 'bot',
        action: 'install.unknown-person',
        details: { entraObjectId: context.activity.from?.aadObjectId ?? 'none' },
      });
      return;
    }
    const reference = Turn.getConversationReference(context.activity) as unknown as Record<string, unknown>;
    await store.people.update(person.id, person.teamId, (p) => ({
      ...p,
      conversationReference: reference,
      reachability: 'reachable',
    }));
    const leadsOnly = !person.roles.includes('practitioner') && teamsVisibleTo(person).length > 0;
    await context.sendActivity(
      leadsOnly
        ? REPLIES.welcomeLeader(firstName(person.displayName))
        : REPLIES.welcome(firstName(person.displayName)),
    );
  };

  app.activity('installationUpdate', async (context) => {
    const action = (context.activity as { action?: string }).action ?? '';
    if (action.startsWith('add')) return installed(context);
    if (action.startsWith('remove')) {
      const person = await personFor(services, context);
      if (person) {
        await store.people.update(person.id, person.teamId, (p) => {
          const { conversationReference: _dropped, ...rest } = p;
          void _dropped;
          return { ...rest, reachability: 'unreachable' };
        });
      }
    }
  });

  // Teams sends this beside installationUpdate when the app is added: the reference is kept
  // (beforeTurn does that for people Hearth knows); the welcome comes from installationUpdate.
  app.conversationUpdate('membersAdded', () => Promise.resolve());

  const withPerson =
    (handler: (context: TurnContext, person: Person) => Promise<void>) => async (context: TurnContext) => {
      const person = await personFor(services, context);
      if (!person) {
        await context.sendActivity(REPLIES.unknownPerson);
        return;
      }
      await handler(context, person);
    };

  app.message(/^\s*help\s*$/i, async (context) => {
    await context.sendActivity(REPLIES.help);
  });
  app.message(
    /^\s*pause\s*$/i,
    withPerson(async (context, person) => {
      if (person.paused) return void (await context.sendActivity(REPLIES.alreadyPaused));
      await store.people.update(person.id, person.teamId, (p) => ({ ...p, paused: true }));
      await context.sendActivity(REPLIES.paused);
    }),
  );
  app.message(
    /^\s*resume\s*$/i,
    withPerson(async (context, person) => {
      if (!person.paused) return void (await context.sendActivity(REPLIES.notPaused));
      await store.people.update(person.id, person.teamId, (p) => ({ ...p, paused: false }));
      await context.sendActivity(REPLIES.resumed);
    }),
  );
  // Today's morning card again, as a reply: handy after scrolling, and it can be acted on anywhere.
  app.message(
    /^\s*today\s*$/i,
    withPerson(async (context, person) => {
      const id = `${person.id}:${londonDate(services.now())}:morning`;
      const message = await store.nudges.get(id, person.id);
      if (!message?.bundle) return void (await context.sendActivity(REPLIES.noCardYet));
      await context.sendActivity(outboxActivity(message, person, services.config.caseRecordUrlTemplate));
    }),
  );
  // The team digest now, for a manager: through the outbox, like the Monday one.
  app.message(
    /^\s*digest\s*$/i,
    withPerson(async (context, person) => {
      if (teamsVisibleTo(person).length === 0) return void (await context.sendActivity(REPLIES.notALeader));
      await runDigests(store, services.queues, services.config, services.now(), person);
      await context.sendActivity(REPLIES.digestOnItsWay);
    }),
  );
  app.message(
    /^\s*my\s+week\s*$/i,
    withPerson(async (context, person) => {
      const card = await myWeekCard(
        services,
        person,
        createCalendar(services.config.region, services.config.holidays),
      );
      await context.sendActivity({
        summary: PREVIEWS.myWeek,
        attachments: [CardFactory.adaptiveCard(card)],
      });
    }),
  );
  app.message(
    /^\s*settings\s*$/i,
    withPerson(async (context, person) => {
      await context.sendActivity({
        summary: PREVIEWS.settings,
        attachments: [CardFactory.adaptiveCard(settingsCard(person, londonDate(services.now())))],
      });
    }),
  );

  app.adaptiveCards.actionExecute([...CARD_VERBS], async (context, _state, data) => {
    const verb = (context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '';
    const card = await handleCardAction(verb, data, {
      store,
      config: services.config,
      now: services.now(),
      actor: await personFor(services, context),
    });
    return card as unknown as AdaptiveCard; // our templates produce Adaptive Card JSON
  });
  app.adaptiveCards.actionExecute([...DIGEST_VERBS], async (context, _state, data) => {
    const verb = (context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '';
    const card = await handleDigestAction(verb, data, {
      store,
      queues: services.queues,
      now: services.now(),
      actor: await personFor(services, context),
    });
    return card as unknown as AdaptiveCard;
  });
  app.adaptiveCards.actionExecute('save-settings', async (context, _state, data) => {
    const person = await personFor(services, context);
    const card = person ? await saveSettings(services, person, data) : messageCard(REPLIES.unknownPerson);
    return card as unknown as AdaptiveCard;
  });

  // A button Hearth does not know (an old card, a changed template): a polite answer, not a 501.
  app.adaptiveCards.actionExecute(/.*/, () =>
    Promise.resolve(messageCard(REPLIES.somethingWrong) as unknown as AdaptiveCard),
  );

  // Anything else gets help, never an error.
  app.activity('message', async (context) => {
    await context.sendActivity(REPLIES.help);
  });

  app.error(async (context, error) => {
    console.error('bot: turn failed', { activity: context.activity.type, error: error.message });
    await context.sendActivity(REPLIES.somethingWrong).catch(() => undefined);
  });

  return { adapter, app };
}
