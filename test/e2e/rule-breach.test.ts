/**
 * From a rule to an incident on an enrolled, unlocked tablet: "Record a breach of this rule"
 * opens a new draft with the suggested category chosen and the rule quoted in the record.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DslPages } from './pages/dsl.ts';
import { RulesPages } from './pages/rules.ts';
import { TabletPages } from './pages/tablet.ts';
import { launchChromium } from './support/browser.ts';
import { startEndpoint, type RunningEndpoint } from './support/endpoint.ts';

let endpoint: RunningEndpoint;
let browser: Browser;
beforeAll(async () => {
  endpoint = await startEndpoint();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
});

it('starts an incident from a broken rule with the category and the rule filled in', async () => {
  const dsl = new DslPages(await (await browser.newContext()).newPage());
  await dsl.setUpAndUnlock(endpoint, 'Whiston Junior & Infant', 'correct horse battery staple 42');
  const link = await dsl.createEnrollmentLink();
  const page = await (await browser.newContext()).newPage();
  const tablet = new TabletPages(page);
  await tablet.enrollAs(endpoint.url, link, 'Class 5 tablet', 'Sam Teacher', '482916');

  const rules = new RulesPages(page);
  await rules.openLibrary();
  await rules.showAudience('KS2');
  await rules.openRuleSet('‘Think, then Click!’ Key Stage 2 pupil agreement');
  await rules.recordBreach(4);

  await page.getByRole('heading', { name: 'New incident' }).waitFor();
  const category = page.getByLabel('Category');
  await expect
    .poll(() =>
      category.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? ''),
    )
    .not.toMatch(/^$|Not sure/);
  await page
    .getByRole('button', { name: /Evidence/ })
    .first()
    .click();
  await expect
    .poll(() => page.getByLabel('Evidence notes').inputValue())
    .toMatch(/^Breach of rule 4 of “‘Think, then Click!’ Key Stage 2 pupil agreement”/);
});
