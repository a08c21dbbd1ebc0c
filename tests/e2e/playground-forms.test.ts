/**
 * The item form in the real Teams client emulator (the Agents Playground, headless chromium): a
 * booking with no date comes back saying what to fix; "couldn't visit" with a note keeps the note
 * on the event; a meeting can be marked Done; and recording a visit changes the week's count on the
 * same card, in place.
 */
import type { Locator, Page } from 'playwright-core';
import type { LocalHearth } from '../../src/local/local-hearth';
import { FORM_PROBLEMS } from '../../src/text/teams/item-form';
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

const text = (value: string | RegExp) => page.locator('.ac-textBlock', { hasText: value }).first();
const wait = (locator: Locator) => locator.waitFor({ timeout: 20_000 });
/** The item on the card whose sentence matches, with its Update button (containers nest: the last). */
const item = (sentence: RegExp) =>
  page
    .locator('div.ac-container')
    .filter({ has: page.locator('p', { hasText: sentence }) })
    .filter({ has: page.getByRole('button', { name: 'Update' }) })
    .last();
const hearthEvents = (kind: string) =>
  hearth.services.store.events.query("c.source = 'hearth' AND c.kind = @k", [{ name: '@k', value: kind }]);

it('explains a booking with no date, keeps a note, records a meeting done, and counts a visit in place', async () => {
  await page.goto(playground.url);
  await wait(page.locator('p', { hasText: "Hello Alex, I'm Hearth." }).first());
  await fetch(`${hearth.url}/admin/functions/plan-mornings`, { method: 'POST', body: '{}' });
  const greeting = page.locator('.ac-textBlock', { hasText: 'Good morning, Alex' });
  await wait(greeting.first());
  await wait(text('A new week with the 8 children you work with.'));

  // Booked, with no date: the same form comes back, saying what to fix.
  const visit = /has not been seen/;
  await item(visit).getByRole('button', { name: 'Update' }).click();
  await page.getByRole('button', { name: 'Booked', exact: true }).click();
  await wait(text(FORM_PROBLEMS['booked-no-date']));
  expect(await hearthEvents('visit')).toEqual([]);

  // Couldn't visit, with a note: kept on the event, in the practitioner's words.
  const note = 'Mum asked us to come after school on Thursday';
  await page.getByLabel('Anything to add (optional)').fill(note);
  await page.getByRole('button', { name: "Couldn't visit", exact: true }).click();
  await wait(text("Recorded: couldn't visit today (no one was home). Your note is kept with it."));
  const [notPossible] = await hearthEvents('visit');
  expect(notPossible).toMatchObject({
    status: 'not-possible',
    notPossibleReason: 'no-one-home',
    practitionerNote: note,
    recordedBy: 'demo-alex',
  });

  // Done, for a meeting: the form offers Done (not Seen), and the card says it in place.
  await item(/core group meeting/)
    .getByRole('button', { name: 'Update' })
    .click();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await wait(text('Done on Monday 30 November. Thank you.'));
  expect(await hearthEvents('core-group')).toMatchObject([
    { status: 'completed', completedDate: '2026-11-30', recordedAt: DEMO_MONDAY.toISOString() },
  ]);

  // Seen, for the other visit: the week's count changes on the same card.
  await item(/personal adviser visit/)
    .getByRole('button', { name: 'Update' })
    .click();
  await page.getByRole('button', { name: 'Seen', exact: true }).click();
  await wait(text('You have seen 1 of your 8 children this week.'));
  expect(await greeting.count()).toBe(1);
  expect(await page.locator('.ac-textBlock', { hasText: 'You have seen 0 of your 8' }).count()).toBe(0);
}, 150_000);
