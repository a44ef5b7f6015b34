/**
 * Debian's Chromium on a persistent profile (a tablet whose service worker, precache and
 * IndexedDB stay on disk between browser starts), with the flags of
 * test/e2e/support/browser.ts: launchChromium there has no profile to keep.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from '../test/e2e/support/browser.ts';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function openProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
  });
}
