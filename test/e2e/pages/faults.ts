/**
 * The faults the browser-fault tests inject, each for real in Chromium, and the few things
 * a test needs to see while they happen. Selectors for Chromium's own internals page live
 * only here.
 *
 * - IndexedDbInternals: chrome://indexeddb-internals, whose "Force close" is the browser
 *   closing every connection to the origin's databases (what storage trouble does to a page
 *   and its service worker), and whose transaction table shows an app transaction queued.
 * - holdTransaction: a second connection in the page keeps a readwrite transaction running,
 *   as a slow disk or a long job in another tab would, so the app's next transaction on
 *   that table waits: an autosave or an upload caught half-way.
 * - UploadGate: holds the tablet's uploads (page or service worker) at the network layer
 *   until the test lets each one go on, reach the endpoint, or lose its answer.
 * - FlakyConnection: drops every upload for the first seconds after the network returns.
 * - StorageQuota: the origin's quota through the DevTools protocol, so the disk "fills up".
 */
import type { BrowserContext, CDPSession, Page, Route } from 'playwright-core';

/** Chromium's IndexedDB internals page, opened in the same browser context as the app. */
export class IndexedDbInternals {
  private page: Page | null = null;

  constructor(
    private readonly context: BrowserContext,
    private readonly origin: string,
  ) {}

  private async open(): Promise<Page> {
    if (this.page && !this.page.isClosed()) {
      await this.page.reload();
    } else {
      this.page = await this.context.newPage();
      await this.page.goto('chrome://indexeddb-internals');
    }
    return this.page;
  }

  /** The origin's default bucket (this context holds no other origin's storage). */
  private bucket(page: Page) {
    return page
      .locator('div')
      .filter({ hasText: `Storage key: ${this.origin}/` })
      .locator('indexeddb-bucket');
  }

  /**
   * Waits until some connection has a transaction on `store` queued behind another
   * ("Blocked" in the table): the operation the test wants to catch is under way.
   */
  async waitForBlocked(store: string, mode: 'ReadWrite' | 'ReadOnly'): Promise<void> {
    for (;;) {
      const page = await this.open();
      const rows = await this.bucket(page)
        .locator('tr.transaction.blocked')
        .evaluateAll((trs) =>
          trs.map((tr) => ({
            mode: tr.querySelector('.mode')?.textContent?.trim() ?? '',
            scope: tr.querySelector('.scope')?.textContent?.trim() ?? '',
          })),
        );
      if (rows.some((r) => r.mode === mode && r.scope.includes(store))) return;
      await page.waitForTimeout(100);
    }
  }

  /** The browser closes every IndexedDB connection of the origin, aborting what runs. */
  async forceClose(): Promise<void> {
    const page = await this.open();
    await this.bucket(page).getByText('Force close', { exact: true }).click();
  }

  async close(): Promise<void> {
    await this.page?.close();
    this.page = null;
  }
}

/** How a held transaction ended: by `release`, or aborted by the browser. */
export type HeldEnd = 'released' | `aborted: ${string}`;

/**
 * Opens a second connection to the app's database in `page` and keeps a readwrite
 * transaction on `store` busy until released or until the browser aborts it.
 */
export async function holdTransaction(page: Page, store: string, dbName = 'safetrail') {
  await page.evaluate(
    ([name, table]) =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as Record<string, unknown>;
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(table, 'readwrite');
          const objects = tx.objectStore(table);
          let release = false;
          w.__heldRelease = () => (release = true);
          w.__heldEnd = new Promise((end) => {
            tx.oncomplete = () => end('released');
            tx.onabort = () => end(`aborted: ${tx.error?.name ?? 'no error'}`);
          });
          // One request after another keeps the transaction active; stopping lets it commit.
          const spin = () => {
            if (!release) objects.count().onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
    [dbName, store] as const,
  );
  return {
    /** How the transaction ended (waits for it). */
    ended: () =>
      page.evaluate(() => (window as unknown as { __heldEnd: Promise<HeldEnd> }).__heldEnd),
    release: () =>
      page.evaluate(() => (window as unknown as { __heldRelease: () => void }).__heldRelease()),
  };
}

const UPLOADS = '**/api/v1/envelopes';

/**
 * Sends every upload (POST of envelopes) made in `context`, by a page or its worker, to
 * `onUpload`; other requests go on. Answers how to stop.
 */
async function interceptUploads(
  context: BrowserContext,
  onUpload: (route: Route) => void | Promise<void>,
): Promise<() => Promise<void>> {
  const handler = (route: Route) =>
    route.request().method() === 'POST' ? onUpload(route) : route.continue();
  await context.route(UPLOADS, handler);
  return () => context.unroute(UPLOADS, handler);
}

/**
 * Holds every upload made in `context` until the test lets it through, answers it or drops
 * it. A context whose worker has had a request answered or dropped here is not used for a
 * worker update afterwards (see the update test in faults-storage.test.ts).
 */
export class UploadGate {
  private readonly held: Route[] = [];
  private waiting: ((r: Route) => void) | null = null;

  private stop!: () => Promise<void>;

  private constructor() {}

  static async install(context: BrowserContext): Promise<UploadGate> {
    const gate = new UploadGate();
    gate.stop = await interceptUploads(context, (route) => gate.take(route));
    return gate;
  }

  private take(route: Route): void {
    if (this.waiting) {
      this.waiting(route);
      this.waiting = null;
    } else this.held.push(route);
  }

  /** The next upload request, held until the test decides what happens to it. */
  next(): Promise<Route> {
    const ready = this.held.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** Stops holding: later uploads go straight through. */
  remove(): Promise<void> {
    return this.stop();
  }
}

/**
 * A connection that has just come back but carries no upload for its first `ms`: each one
 * tried in that time fails as a dropped connection (`onRefused` counts them).
 */
export class FlakyConnection {
  private constructor(readonly remove: () => Promise<void>) {}

  static async install(
    context: BrowserContext,
    ms: number,
    onRefused: () => void,
  ): Promise<FlakyConnection> {
    const until = Date.now() + ms;
    const stop = await interceptUploads(context, async (route) => {
      if (Date.now() >= until) return route.continue();
      onRefused();
      await route.abort('connectionfailed');
    });
    return new FlakyConnection(stop);
  }
}

/** The origin's storage quota, overridden through the DevTools protocol. */
export class StorageQuota {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly origin: string,
  ) {}

  /**
   * Gives the origin `bytes` of quota. Chromium's IndexedDB looks at its free space again
   * only every 30 s, so set this before the origin first stores anything.
   */
  static async limit(page: Page, origin: string, bytes: number): Promise<StorageQuota> {
    const quota = new StorageQuota(await page.context().newCDPSession(page), origin);
    await quota.cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
    return quota;
  }

  /**
   * The disk fills up: the quota drops to nothing, and a large write (refused) makes
   * IndexedDB look at its free space now instead of up to 30 s later, as any large write
   * on a full device would.
   */
  async fillUp(page: Page, probeBytes: number): Promise<string> {
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin, quotaSize: 1 });
    return page.evaluate(
      (size) =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('fault-probe');
          open.onupgradeneeded = () => open.result.createObjectStore('junk');
          open.onerror = () => resolve(`open failed: ${open.error?.name}`);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('junk', 'readwrite');
            tx.objectStore('junk').put('x'.repeat(size), 1);
            tx.oncomplete = () => (db.close(), resolve('stored'));
            tx.onabort = () => (db.close(), resolve(tx.error?.name ?? 'aborted'));
          };
        }),
      probeBytes,
    );
  }

  /** Space is freed: the origin's quota is what the browser would normally give it. */
  async free(): Promise<void> {
    await this.cdp.send('Storage.overrideQuotaForOrigin', { origin: this.origin });
  }
}
