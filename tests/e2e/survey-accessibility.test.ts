/**
 * Every page of every version (parent or carer, young person, child) in every language, in headless
 * chromium at 320 px wide: zero axe violations against WCAG 2.2 AA, no horizontal scrolling, and
 * nothing the Content Security Policy had to block. The journeys are answered in the browser,
 * through the forms, so the pages checked are the pages a family sees (error pages included).
 */
import AxeBuilder from '@axe-core/playwright';
import { source as axeSource } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import type { Audience, Language } from '../../src/domain/feedback-types';
import { AUDIENCES, LANGUAGES } from '../../src/domain/feedback-types';
import { QUESTIONS } from '../../src/domain/feedback-questions';
import type { SurveyHost } from '../support/survey';
import { launchChromium, startSurveyHost } from '../support/survey';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let host: SurveyHost;
let browser: Browser;
let page: Page;
const blocked: string[] = [];

beforeAll(async () => {
  // Many pages from one address in a short time: far above what one family does.
  host = await startSurveyHost();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  // axe is loaded into every page as it opens (our CSP does not apply to the browser's own
  // scripts), rather than sent again by AxeBuilder for each of the 140-odd pages: much faster.
  await context.addInitScript({ content: axeSource });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

interface Finding {
  page: string;
  problem: string;
}

async function inspect(name: string, findings: Finding[]): Promise<void> {
  // Legacy mode runs axe in the page itself (no helper page): these pages have no frames.
  const results = await new AxeBuilder({ page, axeSource: '/* already in the page */' })
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_22_AA)
    .setLegacyMode(true)
    .analyze();
  if (results.passes.length === 0) findings.push({ page: name, problem: 'axe checked nothing' });
  for (const v of results.violations)
    findings.push({
      page: name,
      problem: `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    });
  // In-page code is given as text: this project's TypeScript has no DOM types.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  if (overflow > 0) findings.push({ page: name, problem: `scrolls sideways by ${overflow}px at 320px wide` });
}

async function answerHere(kind: string): Promise<void> {
  if (kind === 'text')
    await page.fill('#answer', `Words a family typed, with aVeryLongUnbrokenWord${'x'.repeat(80)} in them`);
  else if (kind === 'consent') await page.check('#share');
  else await page.check('input[name="answer"] >> nth=0');
  await Promise.all([page.waitForNavigation(), page.click('main button.govuk-button')]);
}

describe.each(LANGUAGES)('in %s', (language: Language) => {
  it.each(AUDIENCES)(
    'every %s page passes axe at WCAG 2.2 AA and fits 320px',
    async (audience: Audience) => {
      const findings: Finding[] = [];
      const { path } = await host.link(audience, language);
      await page.goto(`${host.url}${path}`);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await inspect('start', findings);
      await Promise.all([page.waitForNavigation(), page.click('a.govuk-button--start')]);

      const questions = QUESTIONS[audience];
      // The first question sent empty shows the error summary: that page is checked too.
      await Promise.all([page.waitForNavigation(), page.click('main button.govuk-button')]);
      expect(await page.locator('.govuk-error-summary').count()).toBe(1);
      await inspect(`${questions[0]!.id} with an error`, findings);
      for (const question of questions) {
        await inspect(question.id, findings);
        await answerHere(question.kind);
      }
      expect(page.url()).toContain('/check');
      await inspect('check', findings);
      await Promise.all([page.waitForNavigation(), page.click('main button.govuk-button')]);
      expect(await page.locator('.govuk-panel').count()).toBe(1);
      await inspect('thanks', findings);
      // The closed page is the same whoever the link was for: checked once per language.
      if (audience === 'parent') {
        await page.goto(`${host.url}${path}`);
        expect(await page.textContent('h1')).not.toBe('');
        await inspect('closed', findings);
      }

      expect(findings).toEqual([]);
      expect(blocked).toEqual([]);
    },
    90_000,
  );
});
