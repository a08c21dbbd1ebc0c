/**
 * The family pages on the local host against the real store, for integration and browser tests:
 * a database of the file's own, the survey functions with a recording submitted hook, and helpers
 * to make links and to GET and POST as a browser would (url-encoded forms, no JavaScript).
 */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import type { Services } from '../../src/app/root';
import { surveyFunctions } from '../../src/app/handlers/survey';
import { createSurveyWeb } from '../../src/web/survey-web';
import type { Audience, FeedbackResponse, Language, Screening } from '../../src/domain/feedback-types';
import { createHttpHost } from '../../src/local/http-host';
import type { CreateLinkInput } from '../../src/services/feedback/create-link';
import { createFeedbackLink } from '../../src/services/feedback/create-link';
import { disposeServices, testServices } from './services';

export interface SurveyHost {
  url: string;
  services: Services;
  submitted: { response: FeedbackResponse; screening: Screening }[];
  /** Makes the next submitted hook call throw, once. */
  failNextHook(): void;
  link(
    audience?: Audience,
    language?: Language,
    extra?: Partial<CreateLinkInput>,
  ): Promise<{ token: string; path: string; linkId: string }>;
  stop(): Promise<void>;
}

export async function startSurveyHost(
  options: { env?: Record<string, string>; now?: () => Date } = {},
): Promise<SurveyHost> {
  const services = await testServices(options.env ?? {}, options.now);
  const submitted: SurveyHost['submitted'] = [];
  let failNext = false;
  const web = createSurveyWeb({
    feedback: services.store.feedback,
    now: services.now,
    onSubmitted: async (response, screening) => {
      if (failNext) {
        failNext = false;
        throw new Error('the outbox did not answer');
      }
      submitted.push({ response, screening });
    },
    site: services.config.feedback,
    csrfSecret: services.config.feedback.csrfSecret,
    production: services.config.mode === 'production',
  });
  const functions = surveyFunctions(
    () => Promise.resolve(services),
    () => web,
  );
  const server: Server = createHttpHost(functions, () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    services,
    submitted,
    failNextHook: () => {
      failNext = true;
    },
    async link(audience = 'parent', language = 'en', extra = {}) {
      const created = await createFeedbackLink(
        { feedback: services.store.feedback, now: services.now, publicBaseUrl: url },
        {
          teamId: 'team-1',
          childId: 'c1',
          practitionerId: 'p1',
          audience,
          language,
          createdBy: 'test',
          ...extra,
        },
      );
      return { token: created.token, path: new URL(created.url).pathname, linkId: created.link.id };
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await disposeServices(services);
    },
  };
}

export interface Page {
  status: number;
  headers: Headers;
  body: string;
  location: string | null;
}

export async function get(
  host: SurveyHost,
  path: string,
  headers: Record<string, string> = {},
): Promise<Page> {
  const response = await fetch(`${host.url}${path}`, { redirect: 'manual', headers });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.text(),
    location: response.headers.get('location'),
  };
}

export async function postForm(
  host: SurveyHost,
  path: string,
  fields: Record<string, string> | string,
  headers: Record<string, string> = {},
): Promise<Page> {
  const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  const response = await fetch(`${host.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.text(),
    location: response.headers.get('location'),
  };
}

export function csrfOf(page: Page): string {
  const match = /name="csrf" value="([^"]+)"/.exec(page.body);
  if (!match) throw new Error(`no CSRF token on the page (status ${page.status})`);
  return match[1] as string;
}

/** Answers a question page as a browser would: GET it for its token, then POST. */
export async function answer(host: SurveyHost, path: string, fields: Record<string, string>): Promise<Page> {
  const page = await get(host, path);
  return postForm(host, path, { csrf: csrfOf(page), ...fields });
}

export const PARENT_ANSWERS: [string, Record<string, string>][] = [
  ['overall', { answer: 'good' }],
  ['listened', { answer: 'yes' }],
  ['explained', { answer: 'partly' }],
  ['fair', { answer: 'yes' }],
  ['next', { answer: 'no' }],
  ['good', { answer: 'Sam came every week.' }],
  ['better', { answer: 'Letters came late.' }],
  ['share', { share: 'yes' }],
];

/** Headless Debian chromium, launched as the other browser tests launch it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
