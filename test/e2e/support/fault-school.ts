/**
 * The school the browser-fault tests share: a real endpoint serving a copy of the build (so
 * a test can deploy a new one), Chromium, a DSL set up, and what the tests need around a
 * fault: tablets of their own, the endpoint's incident count, and the closing check that
 * the lead holds every submitted incident exactly once.
 */
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DslPages } from '../pages/dsl.ts';
import { StorageQuota } from '../pages/faults.ts';
import { TabletPages } from '../pages/tablet.ts';
import { launchChromium, waitForWorkerControl } from './browser.ts';
import { startEndpoint, type RunningEndpoint } from './endpoint.ts';

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** A word unique to this run, put in an incident so the lead's copy can be found. */
export const marker = (what: string) => `FAULT-${what}-${RUN}`;
export const PIN = '482916';
export const MiB = 1024 * 1024;
/** For what the app shows after a step; a slow save only says "Saving…" after a second. */
export const SOON = { timeout: 10_000 };
const PASSPHRASE = 'correct horse battery staple 42';
const WAITING_NONE = /^Nothing is waiting to send/;

export interface Tablet {
  context: BrowserContext;
  page: Page;
  tablet: TabletPages;
}

/** Waits until the tablet lists each incident as delivered and nothing waits to send. */
export async function expectDelivered(tablet: TabletPages, ...references: string[]) {
  for (const reference of references) {
    await expect
      .poll(() => tablet.sentItem(reference), { timeout: 30_000 })
      .toMatch(/Delivered to the safeguarding leads/);
  }
  await expect.poll(() => tablet.outboxStatus().textContent(), SOON).toMatch(WAITING_NONE);
}

/** Records a minimal incident and answers its reference. */
export async function record(tablet: TabletPages, what: string): Promise<string> {
  await tablet.recordIncident(what);
  return tablet.sealedReference();
}

export class FaultSchool {
  /** The marker of every incident submitted: each must reach the lead exactly once. */
  readonly submitted: string[] = [];
  /** The tablet most tests use (others enroll their own). */
  main!: Tablet;
  deployDir!: string;
  endpoint!: RunningEndpoint;
  dsl!: DslPages;
  private browser!: Browser;

  async start(): Promise<void> {
    this.deployDir = mkdtempSync(join(tmpdir(), 'safetrail-deploy-'));
    cpSync('dist', this.deployDir, { recursive: true });
    this.endpoint = await startEndpoint({ distDir: this.deployDir });
    this.browser = await launchChromium();
    this.dsl = new DslPages(await (await this.browser.newContext()).newPage());
    await this.dsl.setUpAndUnlock(this.endpoint, 'Gracefield School', PASSPHRASE);
    this.main = await this.enrollTablet('Staffroom tablet');
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.endpoint?.stop();
    if (this.deployDir) rmSync(this.deployDir, { recursive: true, force: true });
  }

  /** Incidents the endpoint's log holds (the tablets' other events are not incidents). */
  incidentsOnServer(): number {
    const db = new Database(join(this.endpoint.dataDir, 'safetrail.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      const row = db
        .prepare("SELECT COUNT(*) AS n FROM log WHERE kind = 'incident.created'")
        .get() as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  }

  /** Enrolls a new tablet in its own browser context, with a profile for Sam Teacher. */
  async enrollTablet(
    name: string,
    options: { serviceWorkers?: 'block'; quotaBytes?: number } = {},
  ): Promise<Tablet & { quota: StorageQuota | null }> {
    const link = await this.dsl.createEnrollmentLink();
    const context = await this.browser.newContext(
      options.serviceWorkers ? { serviceWorkers: options.serviceWorkers } : {},
    );
    const page = await context.newPage();
    const quota = options.quotaBytes
      ? await StorageQuota.limit(page, this.endpoint.url, options.quotaBytes)
      : null;
    const tablet = new TabletPages(page);
    await tablet.enrollAs(this.endpoint.url, link, name, 'Sam Teacher', PIN);
    if (!options.serviceWorkers) {
      await waitForWorkerControl(page);
    }
    return { context, page, tablet, quota };
  }

  /** Opens the app at `path` in a new page of the tablet's context and unlocks it. */
  async reopen(t: Tablet, path: string): Promise<TabletPages> {
    t.page = await t.context.newPage();
    t.tablet = new TabletPages(t.page);
    await t.page.goto(`${this.endpoint.url}${path}`);
    await t.tablet.unlock(PIN);
    return t.tablet;
  }

  /**
   * The lead holds every incident submitted exactly once, and the endpoint stored none
   * twice. Answers the text of the lead's incident list.
   */
  async expectLeadHoldsEachOnce(): Promise<string> {
    await this.dsl.checkForIncidents();
    await expect
      .poll(() => this.dsl.incidents().count(), { timeout: 30_000 })
      .toBe(this.submitted.length);
    for (const m of this.submitted) {
      expect(await this.dsl.incidents().filter({ hasText: m }).count(), m).toBe(1);
    }
    expect(this.incidentsOnServer()).toBe(this.submitted.length);
    return (await this.dsl.incidents().allTextContents()).join('\n');
  }
}

/** One fault school for the test file: started before its tests, stopped after them. */
export function useFaultSchool(): FaultSchool {
  const school = new FaultSchool();
  beforeAll(() => school.start());
  afterAll(() => school.stop());
  return school;
}
