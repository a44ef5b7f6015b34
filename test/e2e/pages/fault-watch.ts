/**
 * What the browser-fault tests watch while a fault runs: every text a status showed (a
 * message on screen for a moment still counts), and which service worker runs the tablet.
 */
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Every text the page's save status and outbox status show from now on, in order: a
 * status can say something for a moment, and the teacher may well have read it.
 */
export async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __statuses: string[] };
    w.__statuses = [];
    const seen = new Map<string, string>();
    const note = () => {
      for (const id of ['save-status', 'outbox-status']) {
        const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
        if (text && seen.get(id) !== text) w.__statuses.push(text);
        seen.set(id, text);
      }
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
}

/** The tablet's service-worker registration as the page sees it. */
export function workerStates(page: Page) {
  return page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return {
      active: r?.active?.state ?? null,
      waiting: r?.waiting?.state ?? null,
      controlledByActive: !!r?.active && navigator.serviceWorker.controller === r.active,
    };
  });
}

/** Which build the activated worker runs (the deployed second build marks itself). */
export async function activeBuild(context: BrowserContext): Promise<number[]> {
  const builds: number[] = [];
  for (const worker of context.serviceWorkers()) {
    const [state, build] = await worker
      .evaluate(() => {
        const sw = self as unknown as { serviceWorker?: { state: string }; __build?: number };
        return [sw.serviceWorker?.state ?? '', sw.__build ?? 1] as const;
      })
      .catch(() => ['gone', 0] as const);
    if (state === 'activated') builds.push(build);
  }
  return builds;
}
