/**
 * A locked tablet's cold start, offline: the PIN screen is drawn by the small entry script
 * before the rest of the app has even been asked for, and it behaves as the app's own PIN
 * screen: a wrong PIN is refused and counted, "I am not listed" makes a profile, and the
 * right PIN opens the capture screen with the app fully there. The start page sends a
 * tablet to the capture screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DslPages } from './pages/dsl.ts';
import { TabletPages } from './pages/tablet.ts';
import { seriousViolations } from './support/axe.ts';
import { launchChromium, waitForWorkerControl } from './support/browser.ts';
import { startEndpoint, type RunningEndpoint } from './support/endpoint.ts';

const PASSPHRASE = 'correct horse battery staple 42';
const SAM = { name: 'Sam Teacher', pin: '482916' };

let endpoint: RunningEndpoint;
let browser: Browser;
let tabletContext: BrowserContext;

beforeAll(async () => {
  endpoint = await startEndpoint();
  browser = await launchChromium();
  const dsl = new DslPages(await (await browser.newContext()).newPage());
  await dsl.setUpAndUnlock(endpoint, 'Gracefield School', PASSPHRASE);
  const link = await dsl.createEnrollmentLink();
  tabletContext = await browser.newContext();
  const page = await tabletContext.newPage();
  const tablet = new TabletPages(page);
  await tablet.enrollAs(endpoint.url, link, 'Year 4 trip tablet', SAM.name, SAM.pin);
  await waitForWorkerControl(page);
  await page.close();
  await tabletContext.setOffline(true);
});

afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
});

/**
 * A new tab on the tablet that notes whether the service worker wrote the PIN screen's
 * summary into the page, and, when the PIN screen first appears, which of the app's
 * scripts the page had asked for by then.
 */
async function coldPage(): Promise<Page> {
  const page = await tabletContext.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { scriptsAtLock?: string[]; summaryWritten?: boolean };
    // Parsed, before the entry script runs (and takes the block out).
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive')
        w.summaryWritten = document.getElementById('safetrail-start') !== null;
    });
    new MutationObserver((_, observer) => {
      if (![...document.querySelectorAll('h1')].some((h) => h.textContent === 'Unlock')) return;
      w.scriptsAtLock = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith('.js'));
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  return page;
}

const scriptsAtLock = (page: Page) =>
  page.evaluate(() => (window as unknown as { scriptsAtLock?: string[] }).scriptsAtLock);

describe('a locked tablet’s cold start, offline', () => {
  it('draws the PIN screen before the app loads, goes to the capture screen, and unlocks into it', async () => {
    const page = await coldPage();
    await page.goto(endpoint.url + '/');
    await page.getByRole('heading', { name: 'Unlock' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/capture');
    await expect(page.getByText('Gracefield School · Year 4 trip tablet').count()).resolves.toBe(1);
    // Drawn from what the service worker wrote into the page, which the page then took out.
    expect(await page.evaluate(() => (window as { summaryWritten?: boolean }).summaryWritten)).toBe(
      true,
    );
    await expect(page.locator('#safetrail-start').count()).resolves.toBe(0);
    const early = await scriptsAtLock(page);
    expect(early?.some((p) => /\/assets\/index-[\w-]+\.js$/.test(p))).toBe(true);
    expect(early?.filter((p) => /\/assets\/(app|dexie)-/.test(p))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('PIN').fill('000000');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(/That PIN is not right \(1 wrong try\)/).waitFor({ timeout: 10_000 });
    await expect(page.getByLabel('PIN').inputValue()).resolves.toBe('');

    await page.getByLabel('PIN').fill(SAM.pin);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Record an incident' }).waitFor({ timeout: 10_000 });
    await expect(page.getByText(/Year 4 trip tablet · Sam Teacher/).count()).resolves.toBe(1);
    // The app has taken over: its own lock button and the router's links work.
    await page.getByRole('link', { name: 'Rules' }).click();
    await page
      .getByRole('heading', { name: /Think, then Click/ })
      .first()
      .waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Record an incident' }).waitFor();
    await page.getByRole('button', { name: 'Lock (blank screen)' }).click();
    await page.getByRole('heading', { name: 'Unlock' }).waitFor();
    await page.close();
  });

  it('counts wrong PINs across cold starts, as the app’s own PIN screen does', async () => {
    for (const shown of ['1 wrong try', '2 wrong tries']) {
      const page = await coldPage();
      await page.goto(endpoint.url + '/capture');
      await page.getByLabel('PIN').fill('111999');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByText(`That PIN is not right (${shown})`, { exact: false }).waitFor({
        timeout: 10_000,
      });
      await page.close();
    }
    const page = await coldPage();
    await page.goto(endpoint.url + '/capture');
    await new TabletPages(page).unlock(SAM.pin);
    await page.getByRole('heading', { name: 'Record an incident' }).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('lets a colleague not yet listed make a profile from it, and then lists them', async () => {
    const page = await coldPage();
    await page.goto(endpoint.url + '/capture');
    await page.getByRole('button', { name: 'I am not listed' }).click();
    await page.getByRole('heading', { name: 'Your profile on this tablet' }).waitFor();
    await new TabletPages(page).createProfile('Kim Colleague', '739154');
    await page.close();

    const again = await coldPage();
    await again.goto(endpoint.url + '/capture');
    await again.getByRole('heading', { name: 'Unlock' }).waitFor();
    const names = await again.getByLabel('Who are you?').locator('option').allTextContents();
    expect(names).toEqual(['Kim Colleague', 'Sam Teacher']);
    await again.close();
  });
});
