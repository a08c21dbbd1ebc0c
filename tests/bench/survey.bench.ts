/**
 * The family pages through the local host and the real store (embedded Cosmos server): p95 of a
 * question page (GET: find the link by its hash, render) and of an answer (POST: CSRF, find,
 * ETag-safe write, redirect), and the compressed bytes a phone fetches for the first page.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { surveyFunctions } from '../../src/app/handlers/survey';
import { doNothingOnSubmitted } from '../../src/services/feedback/deps';
import { createSurveyWeb } from '../../src/web/survey-web';
import { createHttpHost } from '../../src/local/http-host';
import { createFeedbackLink } from '../../src/services/feedback/create-link';
import { createRequestLimiter } from '../../src/web/request-limits';
import { withLocalServices } from './local-services';
import type { Report } from './run';

const ROUNDS = 200;

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

/** Bytes on the wire, before any decompression (fetch would decompress). */
function wireBytes(url: string, headers: Record<string, string>): Promise<{ bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ bytes: raw.length, body: res.headers['content-encoding'] ? '' : raw.toString('utf8') });
      });
    })
      .on('error', reject)
      .end();
  });
}

export function surveyBench(report: Report): Promise<void> {
  return withLocalServices(async (services) => {
    const unlimited = { limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };
    const web = createSurveyWeb({
      feedback: services.store.feedback,
      now: services.now,
      onSubmitted: doNothingOnSubmitted,
      site: services.config.feedback,
      csrfSecret: services.config.feedback.csrfSecret,
      production: false,
      limits: { perLink: createRequestLimiter(unlimited), perAddress: createRequestLimiter(unlimited) },
    });
    const functions = surveyFunctions(
      () => Promise.resolve(services),
      () => web,
    );
    const server = createHttpHost(functions, () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const links = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          createFeedbackLink(
            { feedback: services.store.feedback, now: services.now, publicBaseUrl: base },
            {
              teamId: `team-${i % 4}`,
              childId: `c${i}`,
              practitionerId: 'p1',
              audience: 'parent',
              language: 'en',
              createdBy: 'bench',
            },
          ),
        ),
      );
      const pathOf = (i: number) => new URL(links[i % links.length]!.url).pathname;

      const gets: number[] = [];
      let csrf = '';
      for (let i = 0; i < ROUNDS + 20; i++) {
        const started = performance.now();
        const response = await fetch(`${base}${pathOf(0)}/overall`);
        const html = await response.text();
        if (i >= 20) gets.push(performance.now() - started);
        csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? csrf;
      }
      const posts: number[] = [];
      for (let i = 0; i < ROUNDS + 20; i++) {
        const started = performance.now();
        const response = await fetch(`${base}${pathOf(0)}/overall`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ csrf, answer: i % 2 ? 'good' : 'very-good' }).toString(),
        });
        await response.arrayBuffer();
        if (response.status !== 303) throw new Error(`an answer was refused: ${response.status}`);
        if (i >= 20) posts.push(performance.now() - started);
      }

      const phone = { 'accept-encoding': 'br, gzip', 'accept-language': 'en-GB' };
      const page = await wireBytes(`${base}${pathOf(1)}`, phone);
      const css = /href="(\/api\/f-assets\/[^"]+)"/.exec(page.body)?.[1];
      if (!css) throw new Error('the first page names no stylesheet');
      const sheet = await wireBytes(`${base}${css}`, phone);

      report('survey-get-p95', p95(gets), 'ms');
      report('survey-post-p95', p95(posts), 'ms');
      report('survey-first-load', (page.bytes + sheet.bytes) / 1024, 'KB');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
}
