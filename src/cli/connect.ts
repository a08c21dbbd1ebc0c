/**
 * Where a command's data lives: the store Hearth is configured for, or with --local the one a
 * running `npm start` uses (its connection details are in the local data folder).
 */
import type { Services } from '../app/root';
import { createServices } from '../app/root';
import { loadConfig, loadConfigFromEnvironment, loadLocalSettings } from '../config';
import { readLocalConnection } from '../app/local-connection';

export async function connect(local: boolean): Promise<Services> {
  if (!local) return createServices(loadConfigFromEnvironment());
  const settings = loadLocalSettings();
  const connection = readLocalConnection(settings.dataDir);
  const config = loadConfig({
    ...settings.env,
    HEARTH_COSMOS_ENDPOINT: connection.cosmosEndpoint,
    AzureWebJobsStorage: connection.queueConnection,
  });
  return createServices(config, connection.certificate ? { trustCertificate: connection.certificate } : {});
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
