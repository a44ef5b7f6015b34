/**
 * Cold offline start: a fresh browser process on the enrolled tablet's profile, offline,
 * opens the capture screen; the time from navigation start to the first frame drawn with
 * its PIN field (the first thing a teacher can use: the app always starts locked) is read
 * in the page. The baseline is the same for public/bench-blank.html, a static page with
 * one field served by the same service worker from the same precache, so what is left in
 * the ratio is the app's own start: its scripts, router, IndexedDB reads and first render.
 * The two alternate, after one untimed start of each.
 *
 * On a locked tablet the entry script draws the PIN screen and the rest of the app loads
 * after it (src/ui/main.tsx), so each capture-screen start also goes on to type the PIN at
 * once and times the capture screen's home drawn unlocked: the whole start, for a teacher
 * faster than any person types, so that the first figure cannot hide a slower whole.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { openProfile } from './chromium.ts';
import { median } from './results.ts';

/** Each; with 15, the ratio of one build's medians ranged from 1.35 to 1.67 between runs. */
const RUNS = 30;

/**
 * Installed before any page script: resolves `__benchReady` with performance.now() (ms
 * since navigation start) once a frame has been drawn with the field labelled LABEL. A
 * string, not a function: tsx's transform would wrap inner functions in a helper the page
 * does not have.
 */
const WATCH_FOR_FIELD = `
  window.__benchReady = new Promise((resolve) => {
    const shown = () => {
      const label = [...document.querySelectorAll('label')].find(
        (l) => l.textContent.trim() === LABEL,
      );
      return label?.control instanceof HTMLInputElement && !label.control.disabled;
    };
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      // The callback of the next frame runs before it is drawn; the task after it, after.
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
`;

/** Types the PIN as soon as the field is there; ms since navigation start to the home screen. */
async function unlockAtOnce(page: Page, pin: string): Promise<number> {
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'Record an incident' }).waitFor();
  return page.evaluate(() => performance.now());
}

export async function startOnce(
  profile: string,
  url: string,
  label: string,
  then?: (page: Page) => Promise<number>,
): Promise<{ ready: number; then?: number }> {
  const context: BrowserContext = await openProfile(profile);
  try {
    await context.setOffline(true);
    await context.addInitScript(WATCH_FOR_FIELD.replace('LABEL', JSON.stringify(label)));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const ms = await page.evaluate(
      () => (window as unknown as { __benchReady: Promise<number> }).__benchReady,
    );
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null)))
      throw new Error(`${url} was not served by the service worker.`);
    return then ? { ready: ms, then: await then(page) } : { ready: ms };
  } finally {
    await context.close();
  }
}

/**
 * Median milliseconds to the first usable frame, for the capture screen and the baseline,
 * and to the capture screen's home unlocked with `pin`.
 */
export async function coldStartRatio(
  profile: string,
  origin: string,
  pin: string,
): Promise<{ app: number; blank: number; unlocked: number; runs: number }> {
  const apps: number[] = [];
  const unlocks: number[] = [];
  const blanks: number[] = [];
  const app = async () => {
    const run = await startOnce(profile, `${origin}/capture`, 'PIN', (page) =>
      unlockAtOnce(page, pin),
    );
    apps.push(run.ready);
    unlocks.push(run.then!);
  };
  const blank = async () =>
    blanks.push((await startOnce(profile, `${origin}/bench-blank.html`, 'Baseline field')).ready);
  await app();
  await blank();
  apps.length = unlocks.length = blanks.length = 0;
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      await app();
      await blank();
    } else {
      await blank();
      await app();
    }
  }
  const spread = (xs: number[]) =>
    `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ms`;
  console.log(
    `  (cold starts: capture screen ${spread(apps)}, minimal page ${spread(blanks)}, unlocked home ${spread(unlocks)})`,
  );
  return { app: median(apps), blank: median(blanks), unlocked: median(unlocks), runs: RUNS };
}
