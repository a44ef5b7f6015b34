/**
 * The security model in a real browser: colleagues on one tablet cannot read each other's
 * drafts; the policy's idle time locks the app and clears the page; wrong PINs are
 * throttled; a lead added later reads earlier records through a re-grant; the break-glass
 * shares open records; a revoked tablet is refused with a clear message.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { DslPages } from './pages/dsl.ts';
import { TabletPages } from './pages/tablet.ts';
import { launchChromium } from './support/browser.ts';
import { startEndpoint, type RunningEndpoint } from './support/endpoint.ts';

const PASSPHRASE = 'correct horse battery staple 42';
const SAM = { name: 'Sam Teacher', pin: '482916' };
const KIM = { name: 'Kim Colleague', pin: '739154' };
const marker = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

/** Whether `text` is anywhere a script could read it: the markup or any field's value. */
function pageHolds(page: Page, text: string): Promise<boolean> {
  return page.evaluate((t) => {
    const values = [...document.querySelectorAll('input, textarea')].map(
      (e) => (e as HTMLInputElement).value,
    );
    return document.documentElement.outerHTML.includes(t) || values.some((v) => v.includes(t));
  }, text);
}

/** A fresh load of the capture page: the app starts locked. */
async function freshCapture(page: Page) {
  await page.goto(endpoint.url + '/capture');
  await page.getByRole('heading', { name: 'Unlock' }).waitFor();
}

let endpoint: RunningEndpoint;
let browser: Browser;
let dslPage: Page;
let dsl: DslPages;
let tabletContext: BrowserContext;
let tabletPage: Page;
let tablet: TabletPages;

beforeAll(async () => {
  endpoint = await startEndpoint();
  browser = await launchChromium();
  dslPage = await (await browser.newContext()).newPage();
  dsl = new DslPages(dslPage);
  await dsl.setUpAndUnlock(endpoint, 'Belmont Academy', PASSPHRASE, { split: true });
  const link = await dsl.createEnrollmentLink();
  tabletContext = await browser.newContext();
  tabletPage = await tabletContext.newPage();
  tablet = new TabletPages(tabletPage);
  await tablet.enrollAs(endpoint.url, link, 'Coach tablet', SAM.name, SAM.pin);
});

afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
});

describe('the security model, as people meet it', () => {
  it('keeps one colleague’s drafts closed to another on a shared tablet', async () => {
    const secret = marker('SAMS-DRAFT');
    await tablet.startIncident();
    await tablet.field('What happened').fill(secret);
    await expect
      .poll(() => tablet.settledSaveStatus(), { timeout: 10_000 })
      .toMatch(/^Draft saved/);
    const samDraftUrl = tabletPage.url();
    expect(await pageHolds(tabletPage, secret)).toBe(true);
    await tablet.lock();
    expect(await pageHolds(tabletPage, secret)).toBe(false);

    await freshCapture(tabletPage);
    await tablet.addColleague(KIM.name, KIM.pin);
    await expect(tabletPage.getByText(/No drafts/).count()).resolves.toBe(1);
    await tabletPage.goto(samDraftUrl);
    await tablet.unlock(KIM.pin, KIM.name);
    await tabletPage.getByText('This draft is not here').waitFor();
    expect(await pageHolds(tabletPage, secret)).toBe(false);

    await freshCapture(tabletPage);
    await tablet.unlock(SAM.pin, SAM.name);
    await tabletPage.getByRole('link', { name: /Continue draft: SAMS-DRAFT/ }).click();
    await expect.poll(() => tablet.field('What happened').inputValue()).toBe(secret);
  });

  it('throttles wrong PINs and warns before wiping', async () => {
    await freshCapture(tabletPage);
    for (let i = 1; i <= 5; i++) {
      await tabletPage.getByLabel('Who are you?').selectOption({ label: KIM.name });
      await tabletPage.getByLabel('PIN').fill('000000');
      await tabletPage.getByRole('button', { name: 'Unlock' }).click();
      await tabletPage.getByText(new RegExp(`\\(${i} wrong tr`)).waitFor();
    }
    await expect(
      tabletPage
        .getByText(/After 5 more wrong PINs, your key and your unsent drafts will be deleted/)
        .count(),
    ).resolves.toBe(1);
    // Even the right PIN has to wait now.
    await tabletPage.getByLabel('PIN').fill(KIM.pin);
    await tabletPage.getByRole('button', { name: 'Unlock' }).click();
    await tabletPage.getByText(/Too many wrong PINs\. Wait \d+ seconds/).waitFor();
    await tablet.unlock(SAM.pin, SAM.name);
    await tabletPage.getByRole('heading', { name: 'Record an incident' }).waitFor();
  });

  it('locks after the policy’s idle time and leaves none of the draft in the page', async () => {
    await dsl.uploadPolicy(
      JSON.stringify({
        ...defaultPack,
        version: '1.0.1-test',
        settings: { ...defaultPack.settings, idleLockMinutes: 1 },
      }),
    );
    const page = await tabletContext.newPage();
    await page.clock.install();
    await page.goto(endpoint.url + '/capture');
    const t = new TabletPages(page);
    await t.unlock(SAM.pin, SAM.name);
    await page.getByRole('heading', { name: 'Record an incident' }).waitFor();
    // The tablet says which version of the school's procedures it holds.
    await expect
      .poll(() => page.getByTestId('policy-held').textContent())
      .toContain('version 1.0.1-test');
    const secret = marker('IDLE-DRAFT');
    await t.startIncident();
    await t.field('What happened').fill(secret);
    await expect
      .poll(() => t.settledSaveStatus(), { timeout: 10_000 })
      .toMatch(/^Draft saved/);
    await page.clock.runFor(50_000);
    expect(await pageHolds(page, secret)).toBe(true); // not yet: under a minute idle
    await page.clock.runFor(20_000);
    await page.getByRole('heading', { name: 'Unlock' }).waitFor();
    expect(await pageHolds(page, secret)).toBe(false);
    await t.unlock(SAM.pin, SAM.name);
    await expect.poll(() => t.field('What happened').inputValue()).toBe(secret);
    await page.close();
  });

  it('lets a lead added later read earlier records through a re-grant', async () => {
    const earlier = marker('BEFORE-NEW-LEAD');
    await freshCapture(tabletPage);
    await tablet.unlock(SAM.pin, SAM.name);
    await tablet.recordIncident(earlier);
    await tabletPage
      .getByText(/Delivered to the safeguarding leads/)
      .first()
      .waitFor({ timeout: 30_000 });

    const link = await dsl.inviteLead('Mo Deputy');
    const deputyPage = await (await browser.newContext()).newPage();
    await deputyPage.goto(link);
    await deputyPage.getByLabel('Your name').fill('Mo Deputy');
    await deputyPage.getByLabel('Passphrase', { exact: true }).fill('another long passphrase 77');
    await deputyPage.getByLabel('Passphrase again').fill('another long passphrase 77');
    await deputyPage.getByRole('button', { name: 'Join' }).click();
    await deputyPage
      .getByRole('heading', { name: 'Waiting for approval' })
      .waitFor({ timeout: 20_000 });
    const shownKeyId = (await deputyPage.getByTestId('my-key-id').textContent())!.trim();

    await dslPage.reload();
    await dsl.unlock(PASSPHRASE);
    await expect
      .poll(() => dsl.pendingKeyId('Mo Deputy').textContent(), { timeout: 20_000 })
      .toContain(shownKeyId);
    await dsl.approveLead('Mo Deputy');

    await deputyPage.getByRole('button', { name: 'Check again' }).click();
    await deputyPage.getByRole('heading', { name: 'Safeguarding console' }).waitFor();
    await expect
      .poll(() => deputyPage.locator('article.incident').allTextContents(), { timeout: 20_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining(earlier)]));
    await deputyPage.context().close();
  });

  it('opens records with two of the three break-glass shares', async () => {
    expect(dsl.shares).toHaveLength(3);
    await dsl.lock();
    await dsl.breakGlass([dsl.shares[0]!, '', dsl.shares[2]!]);
    await dslPage.getByRole('heading', { name: 'Safeguarding console' }).waitFor();
    await expect
      .poll(() => dslPage.locator('article.incident').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });

  it('refuses a revoked tablet’s next sync with a clear message', async () => {
    await dsl.lock();
    await dsl.unlock(PASSPHRASE);
    await dsl.revokeDevice('Coach tablet');
    await freshCapture(tabletPage);
    await tablet.unlock(SAM.pin, SAM.name);
    await tablet.recordIncident(marker('AFTER-REVOKE'));
    await expect
      .poll(() => tablet.outboxStatus().textContent(), { timeout: 20_000 })
      .toMatch(/This device has been revoked/);
  });
});
