/**
 * Outside local mode the bot accepts only authenticated Bot Framework requests.
 */
import { messagesFunction } from '../../../src/app/handlers/messages';
import type { Services } from '../../../src/app/services';
import { useServices } from '../../../src/app/services';
import { context, request } from '../../support/http';
import { disposeServices, testServices } from '../../support/services';
import { message } from '../../support/activities';

let services: Services;
beforeAll(async () => {
  const base = await testServices();
  // As in production: a bot identity for one tenant.
  services = {
    ...base,
    config: {
      ...base.config,
      mode: 'production',
      bot: {
        appId: '6f1c0000-0000-0000-0000-000000000001',
        tenantId: 'tenant-1',
        appType: 'SingleTenant',
        password: 'not-a-real-secret',
      },
    },
  };
  useServices(services);
});
afterAll(() => disposeServices(services));
// botbuilder logs each refusal itself; keep the test output for real failures.
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

const body = JSON.stringify(
  message('https://smba.trafficmanager.net/uk/', { aad: 'x', userId: 'u', conversationId: 'c' }, 'help'),
);

it('refuses a request with no Bot Framework token', async () => {
  const response = await messagesFunction.handler(
    request('POST', '/api/messages', { body, headers: { 'content-type': 'application/json' } }),
    context('messages'),
  );
  expect(response.status).toBe(401);
});

it('refuses a request with a forged token', async () => {
  const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"aud":"x"}').toString('base64url')}.`;
  const response = await messagesFunction.handler(
    request('POST', '/api/messages', {
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
    }),
    context('messages'),
  );
  expect(response.status).toBe(401);
});
