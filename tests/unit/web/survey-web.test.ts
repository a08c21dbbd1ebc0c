/**
 * The pages' rules that need neither a store nor a host: HSTS only in production, the per-address
 * limit, a store that does not answer, and the browser's language on pages for unknown links.
 */
import { createSurveyWeb, preferredLanguage } from '../../../src/web/survey-web';
import type { SurveyRequest } from '../../../src/web/survey-web';
import { createRequestLimiter } from '../../../src/web/request-limits';
import type { FeedbackRepository } from '../../../src/store/feedback-repository';
import { doNothingOnSubmitted } from '../../../src/services/feedback/deps';

const site = {
  councilName: 'Riverside',
  brandColour: '#00566e',
  frontDoorPhone: '0300 1',
  outOfHoursPhone: '0300 2',
};

/** Stands in for the store; these rules are decided before it, or when it fails. */
const failingStore = {
  findLinkByTokenHash: () => Promise.reject(new Error('ECONNRESET')),
} as unknown as FeedbackRepository;

function web(production: boolean, perAddress = 100) {
  return createSurveyWeb({
    feedback: failingStore,
    now: () => new Date('2026-11-30T10:00:00Z'),
    onSubmitted: doNothingOnSubmitted,
    site,
    csrfSecret: 's'.repeat(40),
    production,
    limits: {
      perLink: createRequestLimiter({ limit: 1000, windowMs: 60_000 }),
      perAddress: createRequestLimiter({ limit: perAddress, windowMs: 60_000 }),
    },
  });
}

const request = (overrides: Partial<SurveyRequest> = {}): SurveyRequest => ({
  method: 'GET',
  token: 'not-a-token',
  step: undefined,
  query: new URLSearchParams(),
  form: undefined,
  clientAddress: '203.0.113.9',
  acceptLanguage: null,
  ...overrides,
});

describe('survey web', () => {
  it('sends HSTS in production only', async () => {
    expect((await web(true).handle(request())).headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect((await web(false).handle(request())).headers['strict-transport-security']).toBeUndefined();
  });

  it('limits one address across links', async () => {
    const limited = web(false, 2);
    await limited.handle(request({ token: 'a' }));
    await limited.handle(request({ token: 'b' }));
    expect((await limited.handle(request({ token: 'c' }))).status).toBe(429);
    expect((await limited.handle(request({ token: 'c', clientAddress: '198.51.100.1' }))).status).toBe(200);
  });

  it('answers a store that does not answer with a kind page and Retry-After', async () => {
    const response = await web(false).handle(request({ token: 'A'.repeat(22) }));
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.body).toContain('Please wait a moment');
    expect(response.body).toContain('tel:999');
    expect(response.body).not.toContain('ECONNRESET');
  });

  it.each([
    ['ur-PK,ur;q=0.9', 'ur'],
    ['en-GB,cy;q=0.5', 'en'],
    ['pl', 'pl'],
    ['fr-FR', 'en'],
    [null, 'en'],
  ])('takes the language for a page without a link from Accept-Language %j -> %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });
});
