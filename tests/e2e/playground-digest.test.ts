/**
 * The manager's Monday in the real Teams client emulator: the Agents Playground chatting as the
 * demo manager (Patti Fernandez, North Family Help), headless Debian chromium through
 * playwright-core. The digest arrives with its trend picture; "Show all children not seen yet"
 * shows the full list in place and Back returns; "Thank" sends a thank-you to the practitioner.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { LocalHearth } from '../../src/local/local-hearth';
import { startLocalHearth } from '../../src/local/local-hearth';
import type { Playground } from '../../src/local/playground';
import { startPlayground } from '../../src/local/playground';

// Monday 30 November 2026, 09:00 in London: the digest looks back on the week of 23 November.
const MONDAY = new Date('2026-11-30T09:00:00Z');

let hearth: LocalHearth;
let playground: Playground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  hearth = await startLocalHearth({
    env: {},
    port: 0,
    seedDemo: true,
    log: () => undefined,
    now: () => MONDAY,
    queueRetrySeconds: 1,
  });
  playground = await startPlayground({
    botEndpoint: `${hearth.url}/api/messages`,
    port: 0,
    workDir: mkdtempSync(join(tmpdir(), 'hearth-playground-')),
    currentUser: 'patti',
  });
  browser = await chromium.launch({
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
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await hearth?.stop();
});

it('delivers the digest to the demo manager, and its drill-down and Thank buttons work', async () => {
  await page.goto(playground.url);
  await page.locator('p', { hasText: "Hello Patti, I'm Hearth." }).first().waitFor({ timeout: 30_000 });

  const run = await fetch(`${hearth.url}/admin/functions/plan-digests`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);
  const title = page.locator('.ac-textBlock', {
    hasText: 'North Family Help: the week of Monday 23 November',
  });
  await title.first().waitFor({ timeout: 30_000 });
  const card = page.locator('.ac-adaptiveCard', { has: title }).first();
  await expect(card.locator('img[alt^="Children seen when we said we would"]').count()).resolves.toBe(1);
  await expect(card.locator('.ac-textBlock', { hasText: 'What went well' }).count()).resolves.toBe(1);

  // The full list, in place, then back.
  const digest = (
    await hearth.services.store.nudges.query("c.kind = 'digest' AND c.practitionerId = 'demo-patti'")
  )[0]!.digest!;
  await card.getByRole('button', { name: /^Show (all \d+ children|the child) not seen yet$/ }).click();
  await page.getByRole('button', { name: 'Back to the digest' }).waitFor({ timeout: 15_000 });
  for (const child of digest.notSeenYet) {
    await expect(
      page.locator('.ac-textBlock', { hasText: child.childName }).count(),
    ).resolves.toBeGreaterThan(0);
  }
  await page.getByRole('button', { name: 'Back to the digest' }).click();
  await page.locator('.ac-textBlock', { hasText: 'What went well' }).first().waitFor({ timeout: 15_000 });

  // Thank the first practitioner who saw every child due: the card says so, and the thank-you goes out.
  const strength = digest.strengths.find((s) => s.practitionerId)!;
  const first = strength.practitionerName!.split(' ')[0]!;
  await page
    .getByRole('button', { name: `Thank ${first}` })
    .first()
    .click();
  await page
    .locator('.ac-textBlock', { hasText: `Thank-you sent to ${first}.` })
    .first()
    .waitFor({ timeout: 15_000 });
  const words = await hearth.services.store.nudges.query("c.kind = 'word'");
  expect(words).toMatchObject([
    { practitionerId: strength.practitionerId, word: { preview: 'A thank-you from your manager' } },
  ]);
}, 120_000);
