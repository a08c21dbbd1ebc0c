/**
 * The composition root: builds everything Hearth runs on from the validated config, once: the
 * store, the queues, the working-day calendar, the planner's and digest's settings, the Teams sender
 * and rate limit, and the bot. Azure Functions, the local host, the CLI and the tests all start
 * here; nothing else builds these, and nothing holds them in a module global.
 */
import type { Config } from '../config';
import { createCalendar } from '../domain/calendar';
import { defaultDigestSettings } from '../domain/digest';
import { defaultPlannerSettings } from '../domain/planner';
import { DEFAULT_DELIVERY_OPTIONS } from '../delivery/deliver';
import { createQueueService, openQueues } from '../delivery/queues';
import { sharedRateLimiter } from '../delivery/shared-rate';
import type { FeedAuthorizer } from '../ingest/feed-auth';
import { createFeedAuthorizer } from '../ingest/feed-auth';
import type { Deps } from '../services/deps';
import { doNothingOnSubmitted } from '../services/feedback/deps';
import type { SurveyWeb } from '../web/survey-web';
import { createSurveyWeb } from '../web/survey-web';
import { createCosmosClient } from '../store/cosmos-client';
import { openStore } from '../store/store';
import type { Bot } from '../teams/bot';
import { createBot } from '../teams/bot';
import { botCredential, createConnectorSender } from '../teams/connector-sender';
import type { AppInstaller } from '../services/install-apps';
import { createGraphInstaller, graphToken } from '../teams/graph-install';

export interface Services extends Deps {
  /** Who may post to the feed (Entra tokens, or the shared key); keeps the tenant's keys cached. */
  feedAuth: FeedAuthorizer;
  /** The Teams bot, built on first use (only the messages endpoint needs it). */
  bot(): Bot;
  /** The family feedback pages, with their per-instance rate limits; built on first use. */
  surveyWeb(): SurveyWeb;
  /** Installs Hearth for people through Microsoft Graph, when that is turned on; built on first use. */
  graphInstaller(): AppInstaller | undefined;
  /** Closes the store's connections. */
  dispose(): void;
}

export interface RootOptions {
  /** PEM of a certificate the Cosmos client alone should trust (the local server's). */
  trustCertificate?: string;
  /** The clock; tests fix it. */
  now?: () => Date;
}

export async function createServices(config: Config, options: RootOptions = {}): Promise<Services> {
  if (!config.cosmos.endpoint) throw new Error('HEARTH_COSMOS_ENDPOINT is not set');
  const cosmos = createCosmosClient({
    endpoint: config.cosmos.endpoint,
    key: config.cosmos.key,
    trustCertificate: options.trustCertificate,
  });
  try {
    const [store, queues] = await Promise.all([
      openStore(cosmos.client, config.cosmos.database, { create: config.cosmos.key !== undefined }),
      openQueues(createQueueService(config.queues)),
    ]);
    const calendar = createCalendar(config.region, config.holidays);
    const deps: Deps = {
      config,
      store,
      queues,
      calendar,
      planner: defaultPlannerSettings(calendar, config.timescaleRules, config.childNameStyle),
      digest: defaultDigestSettings(calendar, config.timescaleRules, config.childNameStyle),
      sender: createConnectorSender(config.bot ? botCredential(config.bot) : undefined),
      // One rate for every instance: its state is a document in the store (delivery/shared-rate.ts).
      limiter: sharedRateLimiter(store.outbox.container, config.sendRatePerSecond),
      deliveryOptions: {
        ...DEFAULT_DELIVERY_OPTIONS,
        maxInlineWaitMs: config.sendWaitSeconds.inline * 1000,
        maxRetryIntervalMs: config.sendWaitSeconds.cap * 1000,
      },
      now: options.now ?? (() => new Date()),
    };
    let bot: Bot | undefined;
    let graph: AppInstaller | undefined;
    let survey: SurveyWeb | undefined;
    return {
      ...deps,
      feedAuth: createFeedAuthorizer(config.feed),
      bot: () => (bot ??= createBot(deps)),
      surveyWeb: () =>
        (survey ??= createSurveyWeb({
          feedback: store.feedback,
          now: deps.now,
          onSubmitted: doNothingOnSubmitted,
          site: config.feedback,
          csrfSecret: config.feedback.csrfSecret,
          production: config.mode === 'production',
        })),
      graphInstaller: () => (config.teamsInstall ? (graph ??= graphInstallerFor(config)) : undefined),
      dispose: () => cosmos.close(),
    };
  } catch (error) {
    cosmos.close();
    throw error;
  }
}

/** Graph with the bot's identity; locally (tests, npm start) a stand-in that needs no real token. */
function graphInstallerFor(config: Config): AppInstaller {
  const install = config.teamsInstall as NonNullable<Config['teamsInstall']>;
  const getToken =
    config.mode === 'local' || !config.bot
      ? () => Promise.resolve('local')
      : graphToken(botCredential(config.bot));
  return createGraphInstaller({ graphUrl: install.graphUrl, catalogAppId: install.catalogAppId, getToken });
}

/** How a function handler gets the services: built on first call, and built again after a failure. */
export type ServicesProvider = () => Promise<Services>;

/**
 * Services built the first time a handler asks. A start that fails (queues not reachable at a cold
 * start, say) is not kept: the next call tries again, so one bad moment never breaks a worker.
 */
export function lazyServices(build: () => Promise<Services>): ServicesProvider {
  let current: Promise<Services> | undefined;
  return () => {
    current ??= build().catch((error: unknown) => {
      current = undefined;
      throw error;
    });
    return current;
  };
}
