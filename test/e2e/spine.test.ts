/**
 * The whole spine in a real browser: a DSL sets up the school, enrolls a tablet; the tablet
 * records an incident offline (surviving reloads), seals and queues it, delivers it when
 * the network returns and deletes its copy; the DSL reads it. Along the way it proves the
 * marker text never reaches IndexedDB, the endpoint's files or its log in plaintext.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DslPages } from './pages/dsl.ts';
import { TabletPages } from './pages/tablet.ts';
import { launchChromium, waitForWorkerControl } from './support/browser.ts';
import { readAllFiles, startEndpoint, type RunningEndpoint } from './support/endpoint.ts';

const MARKER = `MARKER-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const PASSPHRASE = 'correct horse battery staple 42';
const PIN = '482916';

let endpoint: RunningEndpoint;
let browser: Browser;
let dslContext: BrowserContext;
let tabletContext: BrowserContext;

function envelopesOnServer(): number {
  const db = new Database(join(endpoint.dataDir, 'safetrail.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM log').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  endpoint = await startEndpoint();
  browser = await launchChromium();
  dslContext = await browser.newContext();
  tabletContext = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
});

describe('the spine: capture offline, seal, sync, delete after receipt, read', () => {
  it('walks the whole path with a DSL and a tablet', async () => {
    const dslPage = await dslContext.newPage();
    const dsl = new DslPages(dslPage);

    // 1. School set-up, then the console unlocks only with the passphrase.
    const recoveryKey = await dsl.setUpSchool(
      endpoint.url,
      endpoint.setupCode,
      'Gracefield School',
      'Dana Lead',
      PASSPHRASE,
    );
    expect(recoveryKey.replace(/\s/g, '')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await dslPage.getByLabel('Your passphrase').fill('not the passphrase at all');
    await dslPage.getByRole('button', { name: 'Unlock' }).click();
    await expect
      .poll(() => dslPage.getByText('That passphrase is not right.').count(), { timeout: 20_000 })
      .toBe(1);
    await dsl.unlock(PASSPHRASE);

    // 2. Enrollment with a one-time code carrying the school key's fingerprint.
    const link = await dsl.createEnrollmentLink();
    expect(link).toMatch(/\/enroll\?code=[2-9A-Z-]+&fp=[A-Za-z0-9_-]{43}$/);
    const tabletPage = await tabletContext.newPage();
    const tablet = new TabletPages(tabletPage);
    await tablet.enrollAs(endpoint.url, link, 'Year 4 trip tablet', 'Sam Teacher', PIN);
    await waitForWorkerControl(tabletPage);

    // The same code cannot enroll a second device.
    const otherPage = await (await browser.newContext()).newPage();
    await new TabletPages(otherPage).enroll(endpoint.url, link, 'Second tablet');
    await expect
      .poll(() => otherPage.getByRole('alert').textContent(), { timeout: 20_000 })
      .toMatch(/already been used/i);
    await otherPage.context().close();

    // 3. Offline: the shell comes from the service worker; a draft survives a reload.
    await tabletContext.setOffline(true);
    await tabletPage.reload();
    await tablet.unlock(PIN);
    await tablet.startIncident();
    await tablet
      .field('What happened')
      .fill(`A pupil was sent unkind messages on a game chat. ${MARKER}`);
    await tablet.field('Where it happened').fill('Science Museum trip, gallery 3');
    await expect
      .poll(() => tablet.settledSaveStatus(), { timeout: 10_000 })
      .toMatch(/^Draft saved/);
    await tabletPage.reload();
    await tablet.unlock(PIN);
    // Reloaded on the draft's own address: after the PIN, the same draft is open again.
    await expect.poll(() => tablet.field('What happened').inputValue()).toContain(MARKER);
    expect(await tablet.field('Where it happened').inputValue()).toBe(
      'Science Museum trip, gallery 3',
    );
    // And it is listed among the teacher's drafts, resumable from there.
    await tabletPage.getByRole('link', { name: 'Save and close' }).click();
    await tabletPage
      .getByRole('link', { name: /Continue draft: A pupil was sent unkind messages/ })
      .click();
    await expect.poll(() => tablet.field('What happened').inputValue()).toContain(MARKER);

    // 4. Submit offline: sealed and queued, and the draft is gone.
    await tablet.submit();
    await tabletPage.getByText(/is sealed and queued/).waitFor();
    await expect
      .poll(() => tablet.outboxStatus().textContent())
      .toMatch(/1 sealed record is queued/);
    await expect(tabletPage.getByText(/No drafts/).count()).resolves.toBe(1);

    // Offline really cuts the worker's uploads: asking it to sync delivers nothing.
    await tablet.syncNow();
    await expect
      .poll(() => tablet.outboxStatus().textContent(), { timeout: 15_000 })
      .toMatch(/Last try: .*(reach|connection)/i);
    expect(envelopesOnServer()).toBe(0);

    const offlineDump = await tablet.dumpIndexedDb();
    expect(offlineDump).toContain('/outbox:');
    expect(offlineDump).not.toContain(MARKER);

    // 5-6. Back online: delivered, receipt verified, local copy deleted, exactly one envelope.
    await tabletContext.setOffline(false);
    await tabletPage.getByText(/Delivered to the safeguarding leads/).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => tablet.outboxStatus().textContent())
      .toMatch(/Nothing is waiting to send/);
    expect(envelopesOnServer()).toBe(1);
    const onlineDump = await tablet.dumpIndexedDb();
    expect(onlineDump).toMatch(/\/outbox: \[\]/);
    expect(onlineDump).toMatch(/\/tombstones: \[\{/);
    expect(onlineDump).not.toContain(MARKER);

    // 7. The DSL pulls, opens and reads the record.
    await dsl.checkForIncidents();
    await expect.poll(() => dsl.incidents().count(), { timeout: 20_000 }).toBe(1);
    const text = await dsl.incidents().first().textContent();
    expect(text).toContain(MARKER);
    expect(text).toContain('Science Museum trip, gallery 3');
    expect(text).toContain('Signature and seal verified');
    expect(text).toContain('Year 4 trip tablet');

    // No plaintext on the endpoint's disk or in its log.
    expect(readAllFiles(endpoint.dataDir).includes(Buffer.from(MARKER))).toBe(false);
    expect(endpoint.output()).not.toContain(MARKER);
    expect(endpoint.output()).toMatch(/listening on/);
  });
});
