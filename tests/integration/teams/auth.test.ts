/**
 * Outside local mode the bot accepts only authenticated Bot Framework requests.
 */
import { messagesFunction } from '../../../src/app/handlers/messages';
import type { HttpFunction } from '../../../src/app/function-types';
import type { Services } from '../../../src/app/root';
import { context, request } from '../../support/http';
import { disposeServices, testServices } from '../../support/services';
import { message } from '../../support/activities';

let services: Services;
let messages: HttpFunction;
beforeAll(async () => {
  // As in production: a bot identity for one tenant.
  services = await testServices({
    HEARTH_BOT_APP_ID: '6f1c0000-0000-0000-0000-000000000001',
    HEARTH_BOT_TENANT_ID: 'tenant-1',
    HEARTH_BOT_APP_TYPE: 'SingleTenant',
    HEARTH_BOT_APP_PASSWORD: 'not-a-real-secret',
  });
  messages = messagesFunction(() => Promise.resolve(services));
});
afterAll(() => disposeServices(services));
// botbuilder logs each refusal itself; keep the test output for real failures.
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

const body = JSON.stringify(
  message('https://smba.trafficmanager.net/uk/', { aad: 'x', userId: 'u', conversationId: 'c' }, 'help'),
);

it('refuses a request with no Bot Framework token', async () => {
  const response = await messages.handler(
    request('POST', '/api/messages', { body, headers: { 'content-type': 'application/json' } }),
    context('messages'),
  );
  expect(response.status).toBe(401);
});

it('refuses a request with a forged token', async () => {
  const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"aud":"x"}').toString('base64url')}.`;
  const response = await messages.handler(
    request('POST', '/api/messages', {
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
    }),
    context('messages'),
  );
  expect(response.status).toBe(401);
});
