/**
 * Real services for a test file: the real @azure/cosmos and @azure/storage-queue clients against
 * the run's embedded Cosmos server and Azurite, in a database of the file's own.
 */
import { randomUUID } from 'node:crypto';
import type { Services } from '../../src/app/root';
import { createServices } from '../../src/app/root';
import { loadConfig } from '../../src/config';

export function testEnv(): Record<string, string> {
  const endpoint = process.env.HEARTH_TEST_COSMOS_ENDPOINT;
  const queues = process.env.HEARTH_TEST_QUEUES;
  if (!endpoint || !queues) throw new Error('the jest global setup did not start the local infrastructure');
  return {
    HEARTH_MODE: 'local',
    HEARTH_COSMOS_ENDPOINT: endpoint,
    HEARTH_COSMOS_DATABASE: `test-${randomUUID().slice(0, 8)}`,
    AzureWebJobsStorage: queues,
  };
}

export async function testServices(
  overrides: Record<string, string> = {},
  now: () => Date = () => new Date(),
): Promise<Services> {
  const config = loadConfig({ ...testEnv(), ...overrides });
  return createServices(config, { trustCertificate: process.env.HEARTH_TEST_COSMOS_CERT ?? '', now });
}

export async function disposeServices(services: Services): Promise<void> {
  await services.store.database.delete().catch(() => undefined);
  services.dispose();
}
