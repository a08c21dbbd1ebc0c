/**
 * Hearth on one machine: the embedded Cosmos-compatible server and Azurite, the same services and
 * function objects as in Azure, an http host, the timer scheduler and the queue runner. Used by
 * `npm start` and by the end-to-end tests.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { allFunctions } from '../app/function-list';
import type { HearthFunction } from '../app/function-types';
import type { Services } from '../app/services';
import { createServices, useServices } from '../app/services';
import { loadConfig } from '../config';
import { ingest } from '../ingest/ingest';
import { demoRecords } from './demo-data';
import type { LogLine } from './http-host';
import { createHttpHost } from './http-host';
import type { LocalCosmos, LocalQueues } from './infrastructure';
import { startLocalCosmos, startLocalQueues } from './infrastructure';
import { startQueueRunner } from './queue-runner';
import { startScheduler } from './scheduler';

export interface LocalHearthOptions {
  /** Environment for the app's config; HEARTH_MODE is forced to local. */
  env: Record<string, string | undefined>;
  port: number;
  /** Folder for Azurite's data; undefined keeps it in memory (tests). */
  dataDir?: string;
  seedDemo: boolean;
  log: LogLine;
  functions?: readonly HearthFunction[];
  now?: () => Date;
  /** How long a failed queue message waits before its next attempt (Azure's default is 30 s). */
  queueRetrySeconds?: number;
}

export interface LocalHearth {
  url: string;
  services: Services;
  cosmosEndpoint: string;
  /** The embedded server's certificate; undefined when a real Cosmos endpoint is used. */
  cosmosCertificate: string | undefined;
  queueConnection: string;
  seeded: number;
  nextTimerRuns(): { name: string; next: Date | null }[];
  stop(): Promise<void>;
}

export async function startLocalHearth(options: LocalHearthOptions): Promise<LocalHearth> {
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    // A real Cosmos endpoint in the environment wins over the embedded server.
    let cosmos: LocalCosmos | undefined;
    if (!options.env.HEARTH_COSMOS_ENDPOINT) {
      cosmos = await startLocalCosmos();
      stops.push(() => cosmos?.stop());
    }
    const queues: LocalQueues = await startLocalQueues(
      options.dataDir ? { location: join(options.dataDir, 'azurite') } : {},
    );
    stops.push(() => queues.stop());

    const config = loadConfig({
      ...options.env,
      HEARTH_MODE: 'local',
      HEARTH_COSMOS_ENDPOINT: options.env.HEARTH_COSMOS_ENDPOINT ?? cosmos?.endpoint,
      AzureWebJobsStorage: queues.connectionString,
    });
    const built = await createServices(config, cosmos ? { trustCertificate: cosmos.certificate } : {});
    const services: Services = options.now ? { ...built, now: options.now } : built;
    stops.push(() => services.dispose());
    useServices(services);

    let seeded = 0;
    if (options.seedDemo) {
      const records = demoRecords(services.now());
      const result = await ingest(services.store, records, {
        acceptValid: false,
        actor: 'demo',
        now: services.now(),
      });
      if (!result.written) {
        const first = result.outcomes.find((o) => o.outcome === 'rejected');
        throw new Error(`demo data was refused: record ${first?.index}: ${first?.reason}`);
      }
      seeded = result.accepted;
    }

    const functions = options.functions ?? allFunctions;
    const server = createHttpHost(functions, options.log);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const scheduler = startScheduler(functions, options.log);
    stops.push(() => scheduler.stop());
    const runner = startQueueRunner(functions, services.queues.service, options.log, {
      ...(options.queueRetrySeconds ? { visibilityTimeoutSeconds: options.queueRetrySeconds } : {}),
    });
    stops.push(() => runner.stop());

    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      services,
      cosmosEndpoint: config.cosmos.endpoint ?? '',
      cosmosCertificate: cosmos?.certificate,
      queueConnection: queues.connectionString,
      seeded,
      nextTimerRuns: () => scheduler.nextRuns(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
