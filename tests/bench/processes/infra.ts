/**
 * What the delivery benchmarks run on: the embedded Cosmos server in a process of its own,
 * Azurite (a process of its own already), and this process's services on a fresh database, with
 * the settings every sender process is started with.
 */
import { randomUUID } from 'node:crypto';
import type { Services } from '../../../src/app/root';
import { createServices } from '../../../src/app/root';
import { loadConfig } from '../../../src/config';
import { startLocalQueues } from '../../../src/local/infrastructure';
import type { Child } from './child';
import { startChild } from './child';

export interface BenchInfra {
  services: Services;
  /** Settings for a sender process on the same store and queues. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startBenchInfra(settings: Record<string, string> = {}): Promise<BenchInfra> {
  const [cosmos, queues] = await Promise.all([
    startChild<{ endpoint: string; certificate: string }>('cosmos-server', {}),
    startLocalQueues(),
  ]);
  const env: Record<string, string> = {
    HEARTH_MODE: 'local',
    HEARTH_COSMOS_ENDPOINT: cosmos.ready.endpoint,
    HEARTH_COSMOS_CERT: cosmos.ready.certificate,
    HEARTH_COSMOS_DATABASE: `bench-${randomUUID().slice(0, 8)}`,
    AzureWebJobsStorage: queues.connectionString,
    ...settings,
  };
  const services = await createServices(loadConfig(env), { trustCertificate: cosmos.ready.certificate });
  return {
    services,
    env,
    async stop() {
      services.dispose();
      await Promise.all([(cosmos as Child<unknown>).kill(), queues.stop()]);
    },
  };
}
