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

describe('in production', () => {
  const key = 'h'.repeat(40);
  let current: Services;
  const asProduction = (health: Services['config']['health']) => {
    current = { ...services, config: { ...services.config, health } };
  };
  const healthWith = (headers: Record<string, string>) =>
    healthFunction(() => Promise.resolve(current)).handler(
      request('GET', '/api/health', { headers }),
      context('health'),
    );

  it('says only "ok" to someone without the health key', async () => {
    asProduction({ key, openDetail: false });
    const response = await healthWith({});
    expect(response.status).toBe(200);
    expect(response.jsonBody).toEqual({ status: 'ok' });
  });

  it.each([
    ['a wrong key', { 'x-hearth-health-key': 'g'.repeat(40) }],
    ['no key', {}],
  ])('says only "unavailable" to someone with %s when a part is down', async (_, headers) => {
    current = {
      ...services,
      config: { ...services.config, health: { key, openDetail: false } },
      store: {
        ...services.store,
        ping: () => Promise.reject(new Error('store at cosmos-internal:443 refused')),
      },
    };
    const response = await healthWith(headers);
    expect(response.status).toBe(503);
    expect(response.jsonBody).toEqual({ status: 'unavailable' });
  });

  it('gives the detail to someone with the health key', async () => {
    asProduction({ key, openDetail: false });
    const response = await healthWith({ 'x-hearth-health-key': key });
    expect(response.jsonBody).toEqual({ status: 'healthy', checks: { store: 'ok', queues: 'ok' } });
  });

  it('gives no detail to anyone when no health key is set', async () => {
    asProduction({ key: undefined, openDetail: false });
    const response = await healthWith({ 'x-hearth-health-key': '' });
    expect(response.jsonBody).toEqual({ status: 'ok' });
  });
});
