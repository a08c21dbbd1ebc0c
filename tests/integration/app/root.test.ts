/**
 * The composition root as Azure Functions uses it: services built on the first call, once, and a
 * start that fails (the queue service refusing connections at a cold start) is not kept: the next
 * call builds them again and succeeds.
 */
import type { Server, Socket } from 'node:net';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Services } from '../../../src/app/root';
import { createServices, lazyServices } from '../../../src/app/root';
import { AZURITE_ACCOUNT, AZURITE_KEY, loadConfig } from '../../../src/config';
import { testEnv } from '../../support/services';

/** A TCP door in front of Azurite that can refuse every connection until it is told to open. */
async function door(targetPort: number): Promise<{ port: number; open(): void; close(): Promise<void> }> {
  let refusing = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (refusing) return void socket.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    open: () => (refusing = false),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

it('retries a failed start on the next call instead of keeping the failure', async () => {
  const env = testEnv();
  const azuritePort = Number(
    /QueueEndpoint=http:\/\/127\.0\.0\.1:(\d+)\//.exec(env.AzureWebJobsStorage!)![1],
  );
  const gate = await door(azuritePort);
  const config = loadConfig({
    ...env,
    AzureWebJobsStorage:
      `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
      `QueueEndpoint=http://127.0.0.1:${gate.port}/${AZURITE_ACCOUNT};`,
  });
  let builds = 0;
  const services = lazyServices(() => {
    builds += 1;
    return createServices(config, { trustCertificate: process.env.HEARTH_TEST_COSMOS_CERT ?? '' });
  });
  let built: Services | undefined;
  try {
    await expect(services()).rejects.toThrow();
    gate.open();
    built = await services();
    await expect(built.queues.ping()).resolves.toBeUndefined();
    // Built once it worked, and kept from then on.
    expect(await services()).toBe(built);
    expect(builds).toBe(2);
  } finally {
    await built?.store.database.delete().catch(() => undefined);
    built?.dispose();
    await gate.close();
  }
}, 60_000);

it('shares one start between calls made at the same time', async () => {
  let builds = 0;
  const made = { dispose: () => undefined } as unknown as Services;
  const services = lazyServices(async () => {
    builds += 1;
    await new Promise((r) => setTimeout(r, 20));
    return made;
  });
  const all = await Promise.all([services(), services(), services()]);
  expect(all.every((s) => s === made)).toBe(true);
  expect(builds).toBe(1);
});
