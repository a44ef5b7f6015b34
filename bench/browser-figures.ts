/**
 * The figures measured in Debian's Chromium against the built app served by the real
 * endpoint (the same way the end-to-end tests start them): a cold offline start of the
 * capture screen compared with a minimal page from the same service worker, an autosave of
 * one change, and a PIN unlock. The tablet is a real persistent browser profile, enrolled
 * and given a staff profile through the UI, so its service worker, precache and IndexedDB
 * are on disk as on a school tablet.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PBKDF2_ITERATIONS } from '../src/crypto/kdf.ts';
import { DslPages } from '../test/e2e/pages/dsl.ts';
import { TabletPages } from '../test/e2e/pages/tablet.ts';
import { launchChromium, waitForWorkerControl } from '../test/e2e/support/browser.ts';
import { startEndpoint, type RunningEndpoint } from '../test/e2e/support/endpoint.ts';
import { openProfile } from './chromium.ts';
import { coldStartRatio } from './cold-start.ts';
import { median, percentile, record, round } from './results.ts';

const PIN = '482916';
const SAVES = 100;
const DRAFT_SAVE = 'safetrail:draft-save';

/** A school set up by its lead DSL in the browser, and one enrollment link from the console. */
async function enrollmentLink(endpoint: RunningEndpoint): Promise<string> {
  const browser = await launchChromium();
  try {
    const dsl = new DslPages(await browser.newPage());
    const passphrase = 'correct horse battery staple 42';
    await dsl.setUpAndUnlock(endpoint, 'Bench School', passphrase);
    return await dsl.createEnrollmentLink();
  } finally {
    await browser.close();
  }
}

/** Types one character at a time into "What happened", waiting for each change's save. */
async function autosaveTimes(page: Page): Promise<number[]> {
  const tablet = new TabletPages(page);
  await tablet.startIncident();
  const saves = () =>
    page.evaluate((name) => performance.getEntriesByName(name).length, DRAFT_SAVE);
  const what = tablet.field('What happened');
  // A paragraph first, as a real report has, so each save encrypts a realistic draft.
  await what.fill('Jo was sent threats in a game chat during the lesson. '.repeat(11));
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, DRAFT_SAVE);
  const first = await saves();
  let seen = first;
  for (let i = 0; i < SAVES; i++) {
    await what.press(i % 10 === 9 ? 'Space' : 'KeyA');
    await page.waitForFunction(
      ([name, n]) => performance.getEntriesByName(name as string).length > (n as number),
      [DRAFT_SAVE, seen] as const,
    );
    seen = await saves();
  }
  const all = await page.evaluate(
    (name) => performance.getEntriesByName(name).map((e) => e.duration),
    DRAFT_SAVE,
  );
  return all.slice(first);
}

/** PBKDF2 at the app's iteration count and an AES-GCM round trip, as an unlock does. */
async function unlockTimes(page: Page): Promise<number[]> {
  return page.evaluate(async (iterations) => {
    const enc = new TextEncoder();
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const out: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const base = await crypto.subtle.importKey('raw', enc.encode('482916'), 'PBKDF2', false, [
        'deriveKey',
      ]);
      const key = await crypto.subtle.deriveKey(
        { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
        base,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      );
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(32));
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ct);
      out.push(performance.now() - t0);
    }
    return out;
  }, PBKDF2_ITERATIONS);
}

export async function benchBrowser(): Promise<void> {
  const endpoint = await startEndpoint();
  const profile = mkdtempSync(join(tmpdir(), 'safetrail-bench-tablet-'));
  try {
    const link = await enrollmentLink(endpoint);
    const context = await openProfile(profile);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const tablet = new TabletPages(page);
      await tablet.enrollAs(endpoint.url, link, 'Bench tablet', 'Sam Teacher', PIN);
      // Installed means precached: the offline starts below need nothing from the network.
      await waitForWorkerControl(page);

      const saves = await autosaveTimes(page);
      record({
        name: 'autosave one change (median)',
        value: round(median(saves), 2),
        unit: 'ms',
        target: null,
        measures: `one keystroke's draft save in the capture form: read the draft row, AES-GCM encrypt the draft (a ~600-character report), IndexedDB write committed (performance.measure in saveDraft), ${saves.length} saves in Chromium`,
      });
      record({
        name: 'autosave one change (p95)',
        value: round(percentile(saves, 95), 2),
        unit: 'ms',
        target: 8,
        measures: `the 95th percentile of the same ${saves.length} saves`,
      });

      const unlock = await unlockTimes(page);
      record({
        name: 'unlock with a PIN or passphrase (median)',
        value: Math.round(median(unlock)),
        unit: 'ms',
        target: 1000,
        measures: `PBKDF2-SHA256 at ${PBKDF2_ITERATIONS.toLocaleString('en-GB')} iterations plus the key unwrap, in Chromium, 5 runs`,
      });
    } finally {
      await context.close();
    }

    const cold = await coldStartRatio(profile, endpoint.url, PIN);
    record({
      name: 'cold offline start, capture screen vs minimal page',
      value: round(cold.app / cold.blank, 2),
      unit: 'x',
      target: 1.5,
      measures: `fresh browser process, offline: navigation start to the first frame showing the capture screen's PIN field, drawn by the entry script before the rest of the app loads (median ${Math.round(cold.app)} ms) ÷ the same for a one-field static page from the same service worker (median ${Math.round(cold.blank)} ms), ${cold.runs} runs each`,
    });
    record({
      name: 'cold offline start to the capture home, unlocked',
      value: Math.round(cold.unlocked),
      unit: 'ms',
      target: null,
      measures: `the same starts, going on to type the PIN the moment its field appears: navigation start to the capture screen's home drawn unlocked (PIN check of ${PBKDF2_ITERATIONS.toLocaleString('en-GB')} PBKDF2 rounds included), median of ${cold.runs}`,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await endpoint.stop();
  }
}
