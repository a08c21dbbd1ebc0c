/**
 * The real parts Hearth needs on a laptop or in CI, started from npm packages: a Cosmos-compatible
 * server (in this process, over TLS with a certificate made at start-up and trusted only by our
 * Cosmos client) and Azurite's queue service (a child process). Nothing to install by hand.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { generate } from 'selfsigned';
import { AZURITE_ACCOUNT, AZURITE_KEY } from '../config';
import { startChildService } from './child-process';

export interface LocalCosmos {
  endpoint: string;
  certificate: string;
  stop(): Promise<void>;
}

export interface LocalQueues {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

export async function makeLoopbackCertificate(): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

export async function startLocalCosmos(port = 0): Promise<LocalCosmos> {
  const { cert, key } = await makeLoopbackCertificate();
  // Keep-alive: a fresh TLS handshake per request cost more than the request itself (issue 15).
  // The server never times idle connections out (the client closes them, and `stop` closes all):
  // closing one just as the client sends on it would fail that request with "socket hang up".
  const server = createHttpsServer({ cert, key, keepAlive: true });
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    endpoint: `https://127.0.0.1:${actualPort}/`,
    certificate: cert,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Starts Azurite's queue service. `location` keeps its data between runs; without it the data
 * lives in memory. Telemetry is off: nothing leaves the machine.
 */
export async function startLocalQueues(
  options: { location?: string; port?: number } = {},
): Promise<LocalQueues> {
  const args = [
    require.resolve('azurite/dist/src/queue/main.js'),
    '--queueHost',
    '127.0.0.1',
    '--queuePort',
    String(options.port ?? 0),
    '--disableTelemetry',
    '--skipApiVersionCheck',
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const { port, stop } = await startChildService('Azurite', args, /listens on https?:\/\/[^:]+:(\d+)/);
  return {
    port,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
      `QueueEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`,
    stop,
  };
}
