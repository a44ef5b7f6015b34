/**
 * Browser faults, injected for real in Chromium and judged by what a teacher sees and what
 * the endpoint ends with:
 * - the page closed mid-autosave (the save held behind another transaction, and straight
 *   after typing) and mid-upload (held at the network by the worker and by the page
 *   itself; the endpoint stores it, the answer is lost);
 * - IndexedDB connections force-closed by the browser (chrome://indexeddb-internals)
 *   while an autosave and the worker's receipt are queued on them: the app reopens and
 *   carries on, with no "Not saved" and no stalled upload;
 * - the disk full (the origin's quota through the DevTools protocol): a plain message,
 *   nothing lost, everything saved and sent once space is freed;
 * - a new service-worker build deployed to a tablet that then queues records offline: it
 *   waits, through an offline reload and a new draft, until the teacher accepts the
 *   prompt (still offline); the draft survives the reload, and back online the queue and
 *   the draft are sent once each.
 * At the end the safeguarding lead holds every incident exactly once and the endpoint
 * stored nothing twice.
 */
import Database from 'better-sqlite3';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DslPages } from './pages/dsl.ts';
import { activeBuild, recordStatuses, workerStates } from './pages/fault-watch.ts';
import { holdTransaction, IndexedDbInternals, StorageQuota, UploadGate } from './pages/faults.ts';
import { TabletPages } from './pages/tablet.ts';
import { launchChromium, waitForWorkerControl } from './support/browser.ts';
import { startEndpoint, type RunningEndpoint } from './support/endpoint.ts';

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const marker = (what: string) => `FAULT-${what}-${RUN}`;
const PASSPHRASE = 'correct horse battery staple 42';
const PIN = '482916';
const MiB = 1024 * 1024;

let deployDir: string;
let endpoint: RunningEndpoint;
let browser: Browser;
let dsl: DslPages;
let main: Tablet;
/** The marker of every incident submitted: each must reach the lead exactly once. */
const submitted: string[] = [];

interface Tablet {
  context: BrowserContext;
  page: Page;
  tablet: TabletPages;
}

/** Incidents the endpoint's log holds (the tablets' other events are not incidents). */
function incidentsOnServer(): number {
  const db = new Database(join(endpoint.dataDir, 'safetrail.sqlite'), {
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
async function enrollTablet(
  name: string,
  options: { serviceWorkers?: 'block'; quotaBytes?: number } = {},
): Promise<Tablet & { quota: StorageQuota | null }> {
  const link = await dsl.createEnrollmentLink();
  const context = await browser.newContext(
    options.serviceWorkers ? { serviceWorkers: options.serviceWorkers } : {},
  );
  const page = await context.newPage();
  const quota = options.quotaBytes
    ? await StorageQuota.limit(page, endpoint.url, options.quotaBytes)
    : null;
  const tablet = new TabletPages(page);
  await tablet.enrollAs(endpoint.url, link, name, 'Sam Teacher', PIN);
  if (!options.serviceWorkers) {
    await waitForWorkerControl(page);
  }
  return { context, page, tablet, quota };
}

/** Opens the app at `path` in a new page of the tablet's context and unlocks it. */
async function reopen(t: Tablet, path: string): Promise<TabletPages> {
  t.page = await t.context.newPage();
  t.tablet = new TabletPages(t.page);
  await t.page.goto(`${endpoint.url}${path}`);
  await t.tablet.unlock(PIN);
  return t.tablet;
}

const WAITING_NONE = /^Nothing is waiting to send/;
/** For what the app shows after a step; a slow save only says "Saving…" after a second. */
const SOON = { timeout: 10_000 };

/** Waits until the tablet lists each incident as delivered and nothing waits to send. */
async function expectDelivered(tablet: TabletPages, ...references: string[]) {
  for (const reference of references) {
    await expect
      .poll(() => tablet.sentItem(reference), { timeout: 30_000 })
      .toMatch(/Delivered to the safeguarding leads/);
  }
  await expect.poll(() => tablet.outboxStatus().textContent(), SOON).toMatch(WAITING_NONE);
}

/** Records a minimal incident and answers its reference. */
async function record(tablet: TabletPages, what: string): Promise<string> {
  await tablet.recordIncident(what);
  return tablet.sealedReference();
}

beforeAll(async () => {
  // The endpoint serves a copy of the build, so a test can deploy a new one.
  deployDir = mkdtempSync(join(tmpdir(), 'safetrail-deploy-'));
  cpSync('dist', deployDir, { recursive: true });
  endpoint = await startEndpoint({ distDir: deployDir });
  browser = await launchChromium();
  dsl = new DslPages(await (await browser.newContext()).newPage());
  await dsl.setUpAndUnlock(endpoint, 'Gracefield School', PASSPHRASE);
  main = await enrollTablet('Staffroom tablet');
});

afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
  if (deployDir) rmSync(deployDir, { recursive: true, force: true });
});

describe('browser faults', () => {
  it('keeps a draft whole when the page closes mid-autosave, losing at most the change being saved', async () => {
    const m = marker('autosave');
    const { tablet } = main;
    await tablet.startIncident();
    const first = `A pupil was upset after a group chat. ${m}`;
    await tablet.field('What happened').fill(first);
    await tablet.field('Where it happened').fill('Library');
    await expect.poll(() => tablet.settledSaveStatus(), SOON).toMatch(/^Draft saved/);
    const draftPath = new URL(main.page.url()).pathname;

    // Closed while a save is under way: it waits behind another transaction on the drafts.
    await holdTransaction(main.page, 'drafts');
    const second = `${first} She showed me the messages.`;
    await tablet.field('What happened').fill(second);
    await expect.poll(() => tablet.saveStatus().textContent(), SOON).toBe('Saving…');
    await main.page.close({ runBeforeUnload: false });

    let again = await reopen(main, draftPath);
    await expect.poll(() => again.field('What happened').inputValue(), SOON).toContain(m);
    const afterFirst = await again.field('What happened').inputValue();
    expect([first, second]).toContain(afterFirst);
    expect(await again.field('Where it happened').inputValue()).toBe('Library');

    // Closed straight after typing, with the next save still to come.
    const more = ' The messages came from an older pupil.';
    await again.field('What happened').press('End');
    await again.field('What happened').pressSequentially(more);
    await main.page.close({ runBeforeUnload: false });

    again = await reopen(main, draftPath);
    await expect.poll(() => again.field('What happened').inputValue(), SOON).toContain(m);
    const recovered = await again.field('What happened').inputValue();
    expect(recovered.startsWith(afterFirst)).toBe(true);
    expect(`${afterFirst}${more}`.startsWith(recovered)).toBe(true);

    await again.submit();
    await main.page.getByText(/is sealed and queued/).waitFor();
    submitted.push(m);
    await expectDelivered(again, await again.sealedReference());
  });

  it('delivers exactly once when the page closes mid-upload: the worker finishes, or the answer is lost and it sends again', async () => {
    const gate = await UploadGate.install(main.context);
    const before = incidentsOnServer();

    // The worker's upload is held open, the page closes, then the upload goes on.
    const finishes = marker('sync-finishes');
    const finished = await record(main.tablet, `A stranger messaged a pupil. ${finishes}`);
    submitted.push(finishes);
    const first = await gate.next();
    await main.page.close({ runBeforeUnload: false });
    await first.continue();
    // No page is open, yet the endpoint receives it: the worker carried on alone.
    await expect.poll(incidentsOnServer, { timeout: 20_000 }).toBe(before + 1);

    // The next upload reaches the endpoint, which stores it, but its answer is lost.
    let tablet = await reopen(main, '/capture');
    await expectDelivered(tablet, finished);
    const lost = marker('sync-answer-lost');
    const answerLost = await record(tablet, `A pupil's photo was shared. ${lost}`);
    submitted.push(lost);
    const second = await gate.next();
    expect((await second.fetch()).ok()).toBe(true);
    expect(incidentsOnServer()).toBe(before + 2);
    // The teacher still sees it waiting: the tablet has no receipt yet.
    await expect
      .poll(() => tablet.outboxStatus().textContent(), SOON)
      .toMatch(/^1 sealed record is queued/);
    await main.page.close({ runBeforeUnload: false });
    await second.abort('connectionreset');
    await gate.remove();

    tablet = await reopen(main, '/capture');
    await expectDelivered(tablet, answerLost);
    // Sent twice, stored once.
    expect(incidentsOnServer()).toBe(before + 2);
  });

  it('delivers exactly once when the page itself was uploading (no worker) and closed mid-upload', async () => {
    const t = await enrollTablet('Hall tablet (no worker)', { serviceWorkers: 'block' });
    const gate = await UploadGate.install(t.context);
    const before = incidentsOnServer();
    const m = marker('page-sync');
    const reference = await record(t.tablet, `A pupil was locked out of a game account. ${m}`);
    submitted.push(m);
    const upload = await gate.next();
    expect((await upload.fetch()).ok()).toBe(true);
    expect(incidentsOnServer()).toBe(before + 1);
    await t.page.close({ runBeforeUnload: false });
    await gate.remove();

    const tablet = await reopen(t, '/capture');
    await expectDelivered(tablet, reference);
    expect(incidentsOnServer()).toBe(before + 1);
    await t.context.close();
  });

  it('reopens IndexedDB and carries on when the browser closes it mid-autosave and mid-receipt', async () => {
    const internals = new IndexedDbInternals(main.context, endpoint.url);
    const m = marker('connection');
    const { tablet, page } = main;
    await tablet.startIncident();
    await tablet.field('What happened').fill(`A pupil was sent a threat. ${m}`);
    await tablet.field('Where it happened').fill('Corridor');
    await expect.poll(() => tablet.settledSaveStatus(), SOON).toMatch(/^Draft saved/);
    const draftPath = new URL(page.url()).pathname;

    // Mid-autosave: the save's read waits behind a held transaction when the browser
    // closes every connection of the origin.
    const statuses = await recordStatuses(page);
    const heldDrafts = await holdTransaction(page, 'drafts');
    const during = `A pupil was sent a threat. ${m} Written as the connection was lost.`;
    await tablet.field('What happened').fill(during);
    await expect.poll(() => tablet.saveStatus().textContent(), SOON).toBe('Saving…');
    await internals.waitForBlocked('drafts', 'ReadOnly');
    await internals.forceClose();
    expect(await heldDrafts.ended()).toMatch(/^aborted/);
    await expect
      .poll(() => tablet.settledSaveStatus(), { timeout: 15_000 })
      .toMatch(/^Draft saved/);
    expect((await statuses()).filter((s) => s.startsWith('Not saved'))).toEqual([]);

    // What was typed during the fault is what is stored.
    await page.close({ runBeforeUnload: false });
    const again = await reopen(main, draftPath);
    await expect.poll(() => again.field('What happened').inputValue(), SOON).toBe(during);

    // Mid-receipt: the endpoint has stored the upload and answered; the worker's write of
    // the receipt waits behind a held transaction when the browser closes the connections.
    const gate = await UploadGate.install(main.context);
    const before = incidentsOnServer();
    await again.submit();
    await main.page.getByText(/is sealed and queued/).waitFor();
    submitted.push(m);
    const reference = await again.sealedReference();
    const sendStatuses = await recordStatuses(main.page);
    const upload = await gate.next();
    const heldOutbox = await holdTransaction(main.page, 'outbox');
    await upload.continue();
    await internals.waitForBlocked('outbox', 'ReadWrite');
    await internals.forceClose();
    expect(await heldOutbox.ended()).toMatch(/^aborted/);
    await gate.remove();
    await expectDelivered(again, reference);
    // Delivered on that run: the teacher was never told the upload failed.
    expect((await sendStatuses()).filter((s) => s.includes('Last try'))).toEqual([]);
    expect(incidentsOnServer()).toBe(before + 1);
    await internals.close();
  });

  it('says plainly when the disk is full, loses nothing, and saves and sends everything once space is freed', async () => {
    const t = await enrollTablet('Trip tablet (small disk)', { quotaBytes: 8 * MiB });
    const { tablet, page, context } = t;
    const quota = t.quota!;
    const before = incidentsOnServer();

    // Before the disk fills: one record queued offline, one draft saved.
    await context.setOffline(true);
    const queued = marker('full-queued');
    const queuedReference = await record(tablet, `A pupil was filmed without consent. ${queued}`);
    submitted.push(queued);
    const drafted = marker('full-draft');
    await tablet.startIncident();
    const first = `A pupil shared a worrying video. ${drafted}`;
    await tablet.field('What happened').fill(first);
    await tablet.field('Where it happened').fill('Coach');
    await expect.poll(() => tablet.settledSaveStatus(), SOON).toMatch(/^Draft saved/);
    await tablet.saveAndClose();

    expect(await quota.fillUp(page, 16 * MiB)).toBe('QuotaExceededError');
    const full =
      /This device's storage is full: the last change was not saved, but nothing was lost\. Free some space \(or ask IT to\), then try again\./;

    // Sending cannot record its progress: it says why, and the record stays queued.
    await context.setOffline(false);
    await tablet.syncNow();
    await expect
      .poll(() => tablet.outboxStatus().textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^1 sealed record is queued.*Last try: ${full.source}`));
    expect(incidentsOnServer()).toBe(before);

    // A new record cannot be started, and says so.
    await page.getByRole('button', { name: 'New incident' }).click();
    await expect.poll(() => tablet.problem().textContent(), SOON).toMatch(full);

    // The draft opens; a change cannot be saved and says so, and stays on the screen.
    await tablet.continueDraft(/A pupil shared a worrying video/);
    const addition = ' It was sent by an adult the pupil does not know.';
    await tablet.field('What happened').press('End');
    await tablet.field('What happened').pressSequentially(addition);
    await expect
      .poll(() => tablet.saveStatus().textContent(), SOON)
      .toMatch(new RegExp(`^Not saved: ${full.source} Keep this page open; we will try again\\.$`));
    expect(await tablet.field('What happened').inputValue()).toBe(first + addition);

    // Submitting cannot seal it either: the draft is kept, and the screen says why.
    await tablet.submit();
    await expect.poll(() => tablet.problem().textContent(), SOON).toMatch(full);
    expect(await tablet.field('What happened').inputValue()).toBe(first + addition);

    // Space is freed: the change saves by itself, and both records go, once each.
    await quota.free();
    await expect
      .poll(() => tablet.settledSaveStatus(), { timeout: 15_000 })
      .toMatch(/^Draft saved/);
    await tablet.submit();
    await page.getByText(/is sealed and queued/).waitFor({ timeout: 20_000 });
    submitted.push(drafted);
    await expectDelivered(tablet, queuedReference, await tablet.sealedReference());
    expect(incidentsOnServer()).toBe(before + 2);
    await context.close();
  });

  it('lets a new service worker wait while records are queued, until the teacher accepts; then sends each once', async () => {
    // A tablet of its own: once DevTools has answered or aborted one of a worker's requests
    // (the upload gates above), Chromium reinstalls the worker on the next navigation after
    // an update, which a school's tablet never sees and which can stall the reload.
    const t = await enrollTablet('Library tablet');
    const { context, tablet, page } = t;
    const before = incidentsOnServer();

    // A new build is deployed. The teacher opens the app again: the browser fetches the
    // new worker, which installs and waits, and the page offers the update.
    appendFileSync(join(deployDir, 'sw.js'), '\n;self.__build = 2;\n');
    await page.reload();
    await tablet.unlock(PIN);
    await tablet.updatePrompt().waitFor({ timeout: 20_000 });
    const waiting = { active: 'activated', waiting: 'installed', controlledByActive: true };
    expect(await workerStates(page)).toEqual(waiting);

    // Out on a trip, with no signal: two records are queued while the update waits.
    await context.setOffline(true);
    const references: string[] = [];
    for (const m of [marker('update-queued-1'), marker('update-queued-2')]) {
      references.push(await record(tablet, `A pupil was asked for photos. ${m}`));
      submitted.push(m);
    }
    await expect
      .poll(() => tablet.outboxStatus().textContent(), SOON)
      .toMatch(/^2 sealed records are queued/);

    // The teacher opens the app again, offline: the update still waits, and offers itself.
    await page.reload();
    await tablet.unlock(PIN);
    await tablet.updatePrompt().waitFor({ timeout: 20_000 });
    expect(await workerStates(page)).toEqual(waiting);
    await expect
      .poll(() => tablet.outboxStatus().textContent(), SOON)
      .toMatch(/^2 sealed records are queued/);

    // Nothing changes without the teacher, who starts another record meanwhile.
    const drafted = marker('update-draft');
    await tablet.startIncident();
    const what = `A pupil saw a violent clip. ${drafted}`;
    await tablet.field('What happened').fill(what);
    await tablet.field('Where it happened').fill('ICT suite');
    await expect.poll(() => tablet.settledSaveStatus(), SOON).toMatch(/^Draft saved/);
    const draftPath = new URL(page.url()).pathname;
    expect(await workerStates(page)).toEqual(waiting);

    // Still offline, the teacher accepts: the page reloads under the new worker, on the
    // same draft, with the queue untouched.
    await tablet.acceptUpdate();
    await page.getByRole('heading', { name: 'Unlock' }).waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe(draftPath);
    await tablet.unlock(PIN);
    expect(await workerStates(page)).toEqual({
      active: 'activated',
      waiting: null,
      controlledByActive: true,
    });
    await expect.poll(() => activeBuild(context), SOON).toEqual([2]);
    await expect.poll(() => tablet.field('What happened').inputValue(), SOON).toBe(what);
    await tablet.submit();
    await page.getByText(/is sealed and queued/).waitFor();
    submitted.push(drafted);
    const sealed = await tablet.sealedReference();
    await expect
      .poll(() => tablet.outboxStatus().textContent(), SOON)
      .toMatch(/^3 sealed records are queued/);
    expect(incidentsOnServer()).toBe(before);

    // Back in signal, the teacher sends: the queue and the draft go, once each. (Pressed
    // rather than left to the page's "online" event, which Chromium can fire here before
    // the emulated network is back for the worker.)
    await context.setOffline(false);
    await tablet.syncNow();
    await expectDelivered(tablet, ...references, sealed);
    expect(incidentsOnServer()).toBe(before + 3);
    expect(await tablet.updatePrompt().count()).toBe(0);
    await context.close();
  });

  it('leaves the safeguarding lead with every incident exactly once, none lost', async () => {
    await dsl.checkForIncidents();
    await expect.poll(() => dsl.incidents().count(), { timeout: 30_000 }).toBe(submitted.length);
    for (const m of submitted) {
      expect(await dsl.incidents().filter({ hasText: m }).count(), m).toBe(1);
    }
    expect(incidentsOnServer()).toBe(submitted.length);
    // Words typed while a fault was under way arrived too.
    const text = (await dsl.incidents().allTextContents()).join('\n');
    expect(text).toContain('Written as the connection was lost.');
    expect(text).toContain('It was sent by an adult the pupil does not know.');
  });
});
