/**
 * Hearth on one machine: the embedded Cosmos-compatible server and Azurite, the same services and
 * function objects as in Azure, an http host, the timer scheduler and the queue runner. Used by
 * `npm start` and by the end-to-end tests.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createFunctions } from '../app/functions';
import type { HearthFunction } from '../app/function-types';
import type { Services } from '../app/root';
import { createServices } from '../app/root';
import { loadConfig } from '../config';
import { ingest } from '../services/ingest-batch';
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
  /** The functions to serve, over these services; every Hearth function by default. */
  functions?: (services: Services) => readonly HearthFunction[];
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

type Stop = () => Promise<void> | void;

export async function startLocalHearth(options: LocalHearthOptions): Promise<LocalHearth> {
  const stops: Stop[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const { services, cosmos, queues } = await startServices(options, stops);
    const seeded = options.seedDemo ? await seedDemo(services) : 0;
    const functions = (options.functions ?? ((s: Services) => createFunctions(() => Promise.resolve(s))))(
      services,
    );
    const url = await serve(createHttpHost(functions, options.log), options.port, stops);
    const scheduler = startScheduler(functions, options.log);
    stops.push(() => scheduler.stop());
    const runner = startQueueRunner(functions, services.queues.service, options.log, {
      ...(options.queueRetrySeconds ? { visibilityTimeoutSeconds: options.queueRetrySeconds } : {}),
    });
    stops.push(() => runner.stop());
    return {
      url,
      services,
      cosmosEndpoint: services.config.cosmos.endpoint ?? '',
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

/** The embedded Cosmos server (unless a real endpoint is configured), Azurite, and the services on them. */
async function startServices(options: LocalHearthOptions, stops: Stop[]) {
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
  const services = await createServices(config, {
    ...(cosmos ? { trustCertificate: cosmos.certificate } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  stops.push(() => services.dispose());
  return { services, cosmos, queues };
}

/** The demo authority, through the same ingest as the feed; returns how many records it wrote. */
async function seedDemo(services: Services): Promise<number> {
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
  return result.accepted;
}

async function serve(server: Server, port: number, stops: Stop[]): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  stops.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
