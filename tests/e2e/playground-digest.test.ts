/**
 * The manager's Monday in the real Teams client emulator: the Agents Playground chatting as the
 * demo manager (Patti Fernandez, North Family Help), headless Debian chromium through
 * playwright-core. The digest arrives with its trend picture; "Show all children not seen yet"
 * shows the full list in place and Back returns; "Thank" says truthfully that the practitioner,
 * who has not opened Hearth, could not be sent it (the sent case is in tests/integration/teams).
 */
import type { Page } from 'playwright-core';
import type { LocalHearth } from '../../src/local/local-hearth';
import type { PlaygroundSession } from '../support/demo-hearth';
import { startPlaygroundSession } from '../support/demo-hearth';

let session: PlaygroundSession;
let hearth: LocalHearth;
let page: Page;
let playground: PlaygroundSession['playground'];

beforeAll(async () => {
  session = await startPlaygroundSession('patti');
  ({ hearth, page, playground } = session);
}, 90_000);

afterAll(() => session?.stop());

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
    await hearth.services.store.outbox.query("c.kind = 'digest' AND c.recipientId = 'demo-patti'")
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

  // Thank the first practitioner who saw every child due. Only Patti has Hearth open in this
  // Playground, so the card says truthfully that it could not be sent, and nothing is queued.
  const strength = digest.strengths.find((s) => s.kind === 'saw-everyone-due')!;
  if (strength.kind !== 'saw-everyone-due') throw new Error('the demo digest has a practitioner to thank');
  const first = strength.practitionerName.split(' ')[0]!;
  await page
    .getByRole('button', { name: `Thank ${first}` })
    .first()
    .click();
  await page
    .locator('.ac-textBlock', {
      hasText: `${first} hasn't opened Hearth yet, so I couldn't send it; tell them in person.`,
    })
    .first()
    .waitFor({ timeout: 15_000 });
  expect(await page.locator('.ac-textBlock', { hasText: 'Thank-you sent' }).count()).toBe(0);
  expect(await hearth.services.store.outbox.query("c.kind = 'note'")).toEqual([]);
}, 120_000);
