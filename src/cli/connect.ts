/**
 * Where a command's data lives: the store Hearth is configured for, or with --local the one a
 * running `npm start` uses (its connection details are in the local data folder). The whole of
 * Hearth (bot included) is loaded only by commands that need it: `hearth import` opens the store
 * alone, so a large import's memory is the import's.
 */
import type * as Root from '../app/root';
import type { Services } from '../app/root';
import type { Config, ConfigNeeds } from '../config';
import { loadConfig, loadConfigFromEnvironment, loadLocalSettings } from '../config';
import { readLocalConnection } from '../app/local-connection';
import { createCosmosClient } from '../store/cosmos-client';
import type { Store } from '../store/store';
import { openStore } from '../store/store';

function settings(local: boolean, needs: ConfigNeeds): { config: Config; trustCertificate?: string } {
  if (!local) return { config: loadConfigFromEnvironment(needs) };
  const localSettings = loadLocalSettings();
  const connection = readLocalConnection(localSettings.dataDir);
  const config = loadConfig(
    {
      ...localSettings.env,
      HEARTH_COSMOS_ENDPOINT: connection.cosmosEndpoint,
      AzureWebJobsStorage: connection.queueConnection,
    },
    needs,
  );
  return { config, ...(connection.certificate ? { trustCertificate: connection.certificate } : {}) };
}

export async function connect(local: boolean): Promise<Services> {
  const { config, trustCertificate } = settings(local, 'app');
  // Loaded on first use: the bot's libraries are most of the command line's memory, and `hearth
  // import` needs none of them. (A dynamic import() would need ES modules under jest.)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createServices } = require('../app/root') as typeof Root;
  return createServices(config, trustCertificate ? { trustCertificate } : {});
}

export interface StoreConnection {
  config: Config;
  store: Store;
  now(): Date;
  dispose(): void;
}

/** Just the store, for commands that need nothing else: only the store's settings are asked for. */
export async function connectStore(local: boolean): Promise<StoreConnection> {
  const { config, trustCertificate } = settings(local, 'store');
  if (!config.cosmos.endpoint) throw new Error('HEARTH_COSMOS_ENDPOINT is not set');
  const cosmos = createCosmosClient({
    endpoint: config.cosmos.endpoint,
    key: config.cosmos.key,
    trustCertificate,
  });
  try {
    const store = await openStore(cosmos.client, config.cosmos.database, {
      create: config.cosmos.key !== undefined,
    });
    return { config, store, now: () => new Date(), dispose: () => cosmos.close() };
  } catch (error) {
    cosmos.close();
    throw error;
  }
}

/** Runs `work` against the store, closing the connection after. */
export async function withStore<T>(local: boolean, work: (services: Services) => Promise<T>): Promise<T> {
  const services = await connect(local);
  try {
    return await work(services);
  } finally {
    services.dispose();
  }
}
