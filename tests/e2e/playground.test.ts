/**
 * The core loop in the real Teams client emulator: the local host plus the Microsoft 365 Agents
 * Playground (channel msteams, no browser of its own) driven by headless Debian chromium through
 * playwright-core. Install as the demo practitioner, run the morning planner, see the card arrive,
 * press Update then Seen for a child, see the card change in place, and find the visit recorded in
 * the store with who and when.
 */
import type { Page } from 'playwright-core';
import type { LocalHearth } from '../../src/local/local-hearth';
import type { PlaygroundSession } from '../support/demo-hearth';
import { DEMO_MONDAY, startPlaygroundSession } from '../support/demo-hearth';

let session: PlaygroundSession;
let hearth: LocalHearth;
let page: Page;
let playground: PlaygroundSession['playground'];

beforeAll(async () => {
  session = await startPlaygroundSession();
  ({ hearth, page, playground } = session);
}, 90_000);

afterAll(() => session?.stop());

it('installs, delivers the morning card, and records a visit from the card in place', async () => {
  await page.goto(playground.url);
  // Opening the chat installs Hearth for the Playground's default user, Alex Wilber.
  await page.locator('p', { hasText: "Hello Alex, I'm Hearth." }).first().waitFor({ timeout: 30_000 });
  const alex = async () => (await hearth.services.store.people.query("c.id = 'demo-alex'"))[0]!;
  expect((await alex()).reachability).toBe('reachable');

  const run = await fetch(`${hearth.url}/admin/functions/plan-mornings`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);
  const greeting = page.locator('.ac-textBlock', { hasText: 'Good morning, Alex' });
  await greeting.first().waitFor({ timeout: 30_000 });

  // The card holds Alex's children only, each with an Update button and a link to the record.
  const alexChildren = await hearth.services.store.children.query("c.allocatedPractitionerId = 'demo-alex'");
  const card = page.locator('.ac-adaptiveCard', { has: greeting });
  const cardText = (await card.first().textContent()) ?? '';
  expect(cardText).toMatch(
    /A new week with the 8 children you work with\.|You have seen \d+ of your 8 children this week\./,
  );
  const named = alexChildren.filter((c) => cardText.includes(`${c.name.first} ${c.name.familyInitial}.`));
  expect(named.length).toBeGreaterThan(0);
  expect(await card.first().getByRole('button', { name: 'Update' }).count()).toBeGreaterThan(0);
  const sent = await hearth.services.store.outbox.query("c.recipientId = 'demo-alex' AND c.kind = 'morning'");
  expect(sent).toMatchObject([{ status: 'sent' }]);

  // Act on the card: Update, then Seen, for a child who is due a visit.
  const visitText = /has not been seen|is due to be seen|visit is booked/;
  // Containers nest (card, section, item); the last one holding a visit sentence is an item.
  const item = page
    .locator('div.ac-container')
    .filter({ has: page.locator('p', { hasText: visitText }) })
    .filter({ has: page.getByRole('button', { name: 'Update' }) })
    .last();
  const sentence = (await item.locator('p', { hasText: visitText }).last().textContent()) ?? '';
  const childName = sentence.split(/ has not| is due|'s (personal adviser )?visit/)[0] ?? '';
  await item.getByRole('button', { name: 'Update' }).last().click();
  const seen = page.getByRole('button', { name: 'Seen', exact: true });
  await seen.waitFor({ timeout: 15_000 });
  await seen.click();

  // The card now says what was recorded, in place of the child's buttons.
  await page
    .locator('.ac-textBlock', { hasText: 'Seen on Monday 30 November. Thank you.' })
    .first()
    .waitFor({ timeout: 15_000 });
  // In place: still one morning card in the chat, not a second message.
  expect(await greeting.count()).toBe(1);
  const recorded = await hearth.services.store.events.query("c.source = 'hearth'");
  expect(recorded).toHaveLength(1);
  expect(recorded[0]).toMatchObject({
    status: 'completed',
    completedDate: '2026-11-30',
    recordedBy: 'demo-alex',
    recordedAt: DEMO_MONDAY.toISOString(),
  });
  const child = (await hearth.services.store.children.findByIds([recorded[0]!.childId]))[0]!;
  expect(`${child.name.first} ${child.name.familyInitial}.`).toBe(childName);
}, 120_000);
