/**
 * GET /api/health against real parts: healthy when both answer; 503 naming the queues when the
 * queue service is gone (a real client pointed at a port where nothing listens any more).
 */
import { healthFunction } from '../../../src/app/handlers/health';
import type { Services } from '../../../src/app/root';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { AZURITE_ACCOUNT, AZURITE_KEY } from '../../../src/config';
import { createQueueService, queuesOver } from '../../../src/delivery/queues';
import { context, request } from '../../support/http';
import { disposeServices, testServices } from '../../support/services';

let services: Services;
beforeAll(async () => {
  services = await testServices();
});
afterAll(() => disposeServices(services));

const health = (over: Services = services) =>
  healthFunction(() => Promise.resolve(over)).handler(request('GET', '/api/health'), context('health'));

it('is healthy while the store and queues answer', async () => {
  const response = await health();
  expect(response.status).toBe(200);
  expect(response.jsonBody).toEqual({ status: 'healthy', checks: { store: 'ok', queues: 'ok' } });
});

it('says 503 and which part failed when the queue service has gone', async () => {
  // A port that was free a moment ago: nothing answers there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `QueueEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`;
  const response = await health({
    ...services,
    queues: queuesOver(createQueueService({ connectionString })),
  });
  expect(response.status).toBe(503);
  expect(response.jsonBody).toMatchObject({
    status: 'unhealthy',
    checks: { store: 'ok', queues: expect.stringMatching(/^failed: /) },
  });
}, 60_000);
