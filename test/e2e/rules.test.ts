/**
 * The rules library in Chromium, offline from a cold start: the app loads once online (the
 * service worker installs and takes control), the network goes, and the page reloads from
 * the worker's cache. No enrollment: the rules are open to anyone. Staff open the Whiston
 * KS1 and KS2 "Think, then Click!" rules, show them to a class and page through them with
 * the keyboard, start an incident from a rule, and print: the print view is rendered to an
 * A4 PDF and its layout checked. axe-core checks the library and the class display.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesPages } from './pages/rules.ts';
import { launchChromium, waitForWorkerControl } from './support/browser.ts';
import { startEndpoint, type RunningEndpoint } from './support/endpoint.ts';

const KS1 = '‘Think, then Click!’ Foundation Stage 2 & Key Stage 1 e-Safety Rules';
const KS2 = '‘Think, then Click!’ Key Stage 2 e-Safety Rules';
const KS2_AGREEMENT = '‘Think, then Click!’ Key Stage 2 pupil agreement';

let endpoint: RunningEndpoint;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  endpoint = await startEndpoint();
  browser = await launchChromium();
  // An interactive whiteboard's screen.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
});

/** What the print-emulated page shows: the chosen layout, the chrome, the signature lines. */
function printView(page: Page) {
  return page.evaluate(() => {
    const shown = (el: Element | null) =>
      el !== null &&
      getComputedStyle(el).display !== 'none' &&
      (el as HTMLElement).offsetHeight > 0;
    const poster = document.querySelector('.rules-print-poster');
    const agreement = document.querySelector('.rules-print-agreement');
    const visible = shown(poster) ? poster : shown(agreement) ? agreement : null;
    return {
      header: shown(document.querySelector('.app-header')),
      screen: shown(document.querySelector('.rules-screen')),
      poster: shown(poster),
      agreement: shown(agreement),
      rules: visible ? [...visible.querySelectorAll('li')].map((li) => li.textContent) : [],
      signatures: [...document.querySelectorAll('.rules-sign')].filter(shown).map((s) => ({
        label: s.querySelector('.rules-sign-label')!.textContent,
        lineWidth: (s.querySelector('.rules-sign-line') as HTMLElement).offsetWidth,
        lineBorder: getComputedStyle(s.querySelector('.rules-sign-line')!).borderBottomStyle,
      })),
    };
  });
}

describe('the rules library, offline from a cold start', () => {
  it('browses, shows to a class, records a breach and prints, all offline', async () => {
    const page = await context.newPage();
    const rules = new RulesPages(page);

    // Online once: the worker installs and takes control; the school's pack is cached.
    await page.goto(`${endpoint.url}/rules`);
    await page.getByRole('heading', { level: 1, name: 'Rules and agreements' }).waitFor();
    await waitForWorkerControl(page);

    // Offline, cold: the reload comes from the service worker's cache.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Rules and agreements' }).waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await rules.seriousViolations()).toEqual([]);

    // Browse by audience, and search with highlighted matches.
    await rules.showAudience('EYFS / KS1');
    await rules.search('adult');
    await expect.poll(() => rules.count().textContent()).toMatch(/match “adult” for EYFS \/ KS1/);
    expect(await rules.marks().count()).toBeGreaterThan(5);
    expect(new Set((await rules.marks().allTextContents()).map((t) => t.toLowerCase()))).toEqual(
      new Set(['adult']),
    );
    expect(await rules.seriousViolations()).toEqual([]);
    await rules.search('');

    // KS1 "Think, then Click!": class display, paged with the keyboard.
    await rules.openRuleSet(KS1);
    await rules.enterDisplay();
    await expect.poll(() => rules.position().textContent()).toBe('Rule 1 of 6');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('dialog');
    for (const [key, n] of [
      ['ArrowRight', 2],
      ['PageDown', 3],
      ['Space', 4],
      ['ArrowLeft', 3],
      ['End', 6],
      ['Home', 1],
    ] as const) {
      await rules.press(key);
      await expect.poll(() => rules.position().textContent()).toBe(`Rule ${n} of 6`);
    }
    expect(await rules.displayedRule().textContent()).toContain(
      'We will only use the internet when an adult is with us.',
    );
    // Very large type on a whiteboard-sized screen.
    const fontPx = await rules
      .displayedRule()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(48);
    expect(await rules.seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'White on black' }).click();
    await page.getByRole('button', { name: 'Whole poster' }).click();
    await expect.poll(() => rules.position().textContent()).toBe('All 6 rules');
    expect(await rules.seriousViolations()).toEqual([]);
    await rules.press('Escape');
    await rules.dialog().waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Show to the class');

    // KS2: every rule, forwards to the end with the keyboard.
    await rules.openLibrary();
    await rules.showAudience('KS2');
    await rules.openRuleSet(KS2);
    await rules.enterDisplay();
    for (let n = 2; n <= 10; n++) {
      await rules.press('ArrowRight');
      await expect.poll(() => rules.position().textContent()).toBe(`Rule ${n} of 10`);
    }
    expect(await rules.displayedRule().textContent()).toContain(
      'We understand that the school may check our computer files',
    );
    await rules.press('Escape');
    await rules.dialog().waitFor({ state: 'detached' });

    // Print the KS2 agreement: a PDF on A4, the rules and signature lines, no app chrome.
    await rules.openLibrary();
    await rules.showAudience('KS2');
    await rules.openRuleSet(KS2_AGREEMENT);
    await rules.choosePrint('Print poster');
    await page.emulateMedia({ media: 'print' });
    const poster = await printView(page);
    expect(poster).toMatchObject({ header: false, screen: false, poster: true, agreement: false });
    expect(poster.rules).toHaveLength(10);
    expect(poster.signatures).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
    await rules.choosePrint('Print agreement form');
    await page.emulateMedia({ media: 'print' });
    const form = await printView(page);
    expect(form).toMatchObject({ header: false, screen: false, poster: false, agreement: true });
    expect(form.rules).toHaveLength(10);
    expect(form.rules[0]).toBe(
      'I will ask permission before using the Internet and will only use websites that an adult has chosen.',
    );
    expect(form.signatures.map((s) => s.label)).toEqual(['Child signature', 'Date']);
    for (const s of form.signatures) {
      expect(s.lineBorder).toBe('solid');
      expect(s.lineWidth).toBeGreaterThan(150);
    }
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    // @page { size: A4 }: 210 × 297 mm is 595.28 × 841.89 pt.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box, 'a MediaBox in the PDF').not.toBeNull();
    expect(Math.abs(Number(box![1]) - 595.28)).toBeLessThan(2);
    expect(Math.abs(Number(box![2]) - 841.89)).toBeLessThan(2);
    await page.emulateMedia({ media: 'screen' });

    // From a rule to an incident: the capture address carries the rule.
    const urls: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) urls.push(f.url());
    });
    await rules.recordBreach(4);
    await expect
      .poll(() => urls.find((u) => u.includes('/capture')), { timeout: 10_000 })
      .toBeDefined();
    const capture = new URL(urls.find((u) => u.includes('/capture'))!);
    expect(capture.pathname).toBe('/capture');
    expect(capture.searchParams.get('fromRule')).toBe('whiston-ks2-agreement:r4');
  });
});
