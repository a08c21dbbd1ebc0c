/**
 * Families using the pages as they really do, in headless chromium: by keyboard alone, with
 * JavaScript switched off, and in Urdu laid out right to left.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SurveyHost } from '../support/survey';
import { launchChromium, startSurveyHost } from '../support/survey';

let host: SurveyHost;
let browser: Browser;
beforeAll(async () => {
  host = await startSurveyHost();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

async function withPage<T>(
  options: Parameters<Browser['newContext']>[0],
  run: (page: Page) => Promise<T>,
): Promise<T> {
  const context: BrowserContext = await browser.newContext(options);
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after 40 presses. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    // In-page code is given as text: this project's TypeScript has no DOM types.
    if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`))
      return;
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
}

async function pressAndWait(page: Page, key: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
}

it('can be answered from start to thank-you with the keyboard alone, focus always visible', async () => {
  const { path, linkId } = await host.link('child', 'en');
  await withPage({ viewport: { width: 800, height: 900 } }, async (page) => {
    await page.goto(`${host.url}${path}`);
    await tabTo(page, 'a.govuk-button--start');
    await pressAndWait(page, 'Enter');

    for (const step of ['overall', 'listened', 'explained', 'unsafe']) {
      expect(page.url()).toContain(`/${step}`);
      await tabTo(page, 'input[name="answer"]');
      // Arrow keys move through a radio group and choose as they go.
      await page.keyboard.press('ArrowDown');
      // The focus ring is drawn on the label (faces) or its circle (GOV.UK radios).
      const rings = await page.evaluate<string[]>(`(() => {
        const label = document.activeElement?.nextElementSibling;
        if (!label) return [];
        return [getComputedStyle(label).boxShadow, getComputedStyle(label, '::before').boxShadow];
      })()`);
      expect(rings.some((ring) => ring.includes('rgb(255, 221, 0)'))).toBe(true);
      await tabTo(page, 'main button.govuk-button');
      await pressAndWait(page, 'Enter');
    }
    expect(page.url()).toContain('/tell');
    await tabTo(page, 'textarea#answer');
    await page.keyboard.type('I like my worker');
    await tabTo(page, 'main button.govuk-button');
    await pressAndWait(page, 'Enter');
    await tabTo(page, 'input#share');
    await page.keyboard.press('Space');
    await tabTo(page, 'main button.govuk-button');
    await pressAndWait(page, 'Enter');

    expect(page.url()).toContain('/check');
    await tabTo(page, 'main form button.govuk-button');
    await pressAndWait(page, 'Enter');
    expect(await page.textContent('h1')).toContain('Your answers have been sent');
  });
  const stored = await host.services.store.feedback.getResponse('team-1', `response-${linkId}`);
  expect(stored?.answers).toMatchObject({
    overall: 'ok',
    listened: 'a-bit',
    tell: 'I like my worker',
    share: true,
  });
  // One press of the down arrow chose the second option of each question.
  expect(stored?.answers.unsafe).toBe('no');
});

it('works with JavaScript switched off, and the pages carry no script at all', async () => {
  const { path, linkId } = await host.link('parent', 'cy');
  await withPage({ javaScriptEnabled: false }, async (page) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${host.url}${path}`);
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    await Promise.all([page.waitForNavigation(), page.click('a.govuk-button--start')]);
    for (const value of ['very-good', 'yes', 'yes', 'partly', 'no']) {
      await page.check(`input[name="answer"][value="${value}"]`);
      await Promise.all([page.waitForNavigation(), page.click('main button.govuk-button')]);
    }
    await page.fill('#answer', 'Roedd Sam yn gwrando.');
    await Promise.all([page.waitForNavigation(), page.click('main button.govuk-button')]);
    await Promise.all([page.waitForNavigation(), page.click('main button.govuk-button')]);
    await Promise.all([page.waitForNavigation(), page.click('main button.govuk-button')]);
    expect(await page.textContent('[data-testid="answer-good"]')).toBe('Roedd Sam yn gwrando.');
    // Change an answer from the check page and come back to it.
    await Promise.all([page.waitForNavigation(), page.click('#row-fair a')]);
    await page.check('input[name="answer"][value="yes"]');
    await Promise.all([page.waitForNavigation(), page.click('main button.govuk-button')]);
    expect(page.url()).toContain('/check');
    await Promise.all([page.waitForNavigation(), page.click('main form button.govuk-button')]);
    expect(await page.textContent('h1')).toContain('Mae eich atebion wedi cael eu hanfon');
    expect(scripts).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
  });
  const stored = await host.services.store.feedback.getResponse('team-1', `response-${linkId}`);
  expect(stored?.answers).toMatchObject({
    overall: 'very-good',
    fair: 'yes',
    good: 'Roedd Sam yn gwrando.',
    share: false,
  });
  expect(stored?.language).toBe('cy');
});

it('lays Urdu out right to left: text, radios, back link and safety box on the right', async () => {
  const { path } = await host.link('parent', 'ur');
  await withPage({ viewport: { width: 375, height: 800 } }, async (page) => {
    await page.goto(`${host.url}${path}/listened`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const layout = await page.evaluate<Record<string, string | number | boolean>>(`(() => {
      const box = (s) => document.querySelector(s).getBoundingClientRect();
      const main = box('main');
      const radio = box('.govuk-radios__input');
      const label = box('.govuk-radios__label');
      const back = box('.govuk-back-link');
      return {
        direction: getComputedStyle(document.body).direction,
        headingAlign: getComputedStyle(document.querySelector('h1')).textAlign,
        radioRightGap: main.right - radio.right,
        radioLeftOfLabel: radio.left > label.left,
        backNearRight: main.right - back.right < 30,
        safetyBorder: getComputedStyle(document.querySelector('.hearth-safety')).borderRightWidth,
        phoneDirection: getComputedStyle(document.querySelector('.hearth-phone')).direction,
      };
    })()`);
    expect(layout.direction).toBe('rtl');
    expect(['right', 'start']).toContain(layout.headingAlign);
    expect(layout.radioRightGap).toBeLessThan(30);
    expect(layout.radioLeftOfLabel).toBe(true);
    expect(layout.backNearRight).toBe(true);
    expect(layout.safetyBorder).toBe('10px');
    expect(layout.phoneDirection).toBe('ltr');
    // The circle drawn for each radio sits on the right too, over the input that takes the click.
    const circle = await page.evaluate<{ right: string; left: string }>(`(() => {
      const before = getComputedStyle(document.querySelector('.govuk-radios__label'), '::before');
      return { right: before.right, left: before.left };
    })()`);
    expect(parseFloat(circle.right)).toBeLessThan(parseFloat(circle.left));
  });
});
