/**
 * The composition root: builds the services every function uses from the validated config.
 * In Azure they are built once per worker on first use; the local host and tests hand in their own.
 */
import type { Config } from '../config';
import { loadConfigFromEnvironment } from '../config';
import { DEFAULT_DELIVERY_OPTIONS } from '../delivery/deliver';
import { createQueueService, openQueues } from '../delivery/queues';
import { createRateLimiter } from '../delivery/rate-limiter';
import { botCredential, createConnectorSender } from '../teams/connector-sender';
import { createCosmosClient } from '../store/cosmos-client';
import { openStore } from '../store/store';

export async function createServices(config: Config, options: { trustCertificate?: string } = {}) {
  if (!config.cosmos.endpoint) throw new Error('HEARTH_COSMOS_ENDPOINT is not set');
  const cosmos = createCosmosClient({
    endpoint: config.cosmos.endpoint,
    key: config.cosmos.key,
    trustCertificate: options.trustCertificate,
  });
  const [store, queues] = await Promise.all([
    openStore(cosmos.client, config.cosmos.database, { create: config.cosmos.key !== undefined }),
    openQueues(createQueueService(config.queues)),
  ]);
  return {
    config,
    store,
    queues,
    /** Proactive sends to Teams; without a bot identity only in local mode (the Playground). */
    sender: createConnectorSender(config.bot ? botCredential(config.bot) : undefined),
    /** One rate limit for every send this process makes. */
    limiter: createRateLimiter(config.sendRatePerSecond),
    deliveryOptions: DEFAULT_DELIVERY_OPTIONS,
    /** The one clock; handlers pass "now" into the pure core. */
    now: () => new Date(),
    dispose: () => cosmos.close(),
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;

let current: Promise<Services> | undefined;

/** The services for this process, built from the environment the first time they are needed. */
export function services(): Promise<Services> {
  current ??= createServices(loadConfigFromEnvironment());
  return current;
}

/** The local host and tests provide services they built themselves. */
export function useServices(provided: Services): void {
  current = Promise.resolve(provided);
}
