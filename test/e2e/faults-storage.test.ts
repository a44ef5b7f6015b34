/**
 * Storage faults and an update, injected for real in Chromium and judged by what a teacher
 * sees and what the endpoint ends with:
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
 * stored nothing twice. (A closing page: faults-page-close.test.ts.)
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeBuild, recordStatuses, workerStates } from './pages/fault-watch.ts';
import { holdTransaction, IndexedDbInternals, UploadGate } from './pages/faults.ts';
import {
  expectDelivered,
  marker,
  MiB,
  PIN,
  record,
  SOON,
  useFaultSchool,
} from './support/fault-school.ts';

const school = useFaultSchool();

describe('browser faults: storage and updates', () => {
  it('reopens IndexedDB and carries on when the browser closes it mid-autosave and mid-receipt', async () => {
    const internals = new IndexedDbInternals(school.main.context, school.endpoint.url);
    const m = marker('connection');
    const { tablet, page } = school.main;
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
    const again = await school.reopen(school.main, draftPath);
    await expect.poll(() => again.field('What happened').inputValue(), SOON).toBe(during);

    // Mid-receipt: the endpoint has stored the upload and answered; the worker's write of
    // the receipt waits behind a held transaction when the browser closes the connections.
    const gate = await UploadGate.install(school.main.context);
    const before = school.incidentsOnServer();
    await again.submit();
    await school.main.page.getByText(/is sealed and queued/).waitFor();
    school.submitted.push(m);
    const reference = await again.sealedReference();
    const sendStatuses = await recordStatuses(school.main.page);
    const upload = await gate.next();
    const heldOutbox = await holdTransaction(school.main.page, 'outbox');
    await upload.continue();
    await internals.waitForBlocked('outbox', 'ReadWrite');
    await internals.forceClose();
    expect(await heldOutbox.ended()).toMatch(/^aborted/);
    await gate.remove();
    await expectDelivered(again, reference);
    // Delivered on that run: the teacher was never told the upload failed.
    expect((await sendStatuses()).filter((s) => s.includes('Last try'))).toEqual([]);
    expect(school.incidentsOnServer()).toBe(before + 1);
    await internals.close();
  });

  it('says plainly when the disk is full, loses nothing, and saves and sends everything once space is freed', async () => {
    const t = await school.enrollTablet('Trip tablet (small disk)', { quotaBytes: 8 * MiB });
    const { tablet, page, context } = t;
    const quota = t.quota!;
    const before = school.incidentsOnServer();

    // Before the disk fills: one record queued offline, one draft saved.
    await context.setOffline(true);
    const queued = marker('full-queued');
    const queuedReference = await record(tablet, `A pupil was filmed without consent. ${queued}`);
    school.submitted.push(queued);
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
    expect(school.incidentsOnServer()).toBe(before);

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
    school.submitted.push(drafted);
    await expectDelivered(tablet, queuedReference, await tablet.sealedReference());
    expect(school.incidentsOnServer()).toBe(before + 2);
    await context.close();
  });

  it('lets a new service worker wait while records are queued, until the teacher accepts; then sends each once', async () => {
    // A tablet of its own: once DevTools has answered or aborted one of a worker's requests
    // (the upload gates above), Chromium reinstalls the worker on the next navigation after
    // an update, which a school's tablet never sees and which can stall the reload.
    const t = await school.enrollTablet('Library tablet');
    const { context, tablet, page } = t;
    const before = school.incidentsOnServer();

    // A new build is deployed. The teacher opens the app again: the browser fetches the
    // new worker, which installs and waits, and the page offers the update.
    appendFileSync(join(school.deployDir, 'sw.js'), '\n;self.__build = 2;\n');
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
      school.submitted.push(m);
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
    school.submitted.push(drafted);
    const sealed = await tablet.sealedReference();
    await expect
      .poll(() => tablet.outboxStatus().textContent(), SOON)
      .toMatch(/^3 sealed records are queued/);
    expect(school.incidentsOnServer()).toBe(before);

    // Back in signal, the teacher sends: the queue and the draft go, once each. (Pressed
    // rather than left to the page's "online" event, which Chromium can fire here before
    // the emulated network is back for the worker.)
    await context.setOffline(false);
    await tablet.syncNow();
    await expectDelivered(tablet, ...references, sealed);
    expect(school.incidentsOnServer()).toBe(before + 3);
    expect(await tablet.updatePrompt().count()).toBe(0);
    await context.close();
  });

  it('leaves the safeguarding lead with every incident exactly once, none lost', async () => {
    const text = await school.expectLeadHoldsEachOnce();
    // Words typed while a fault was under way arrived too.
    expect(text).toContain('Written as the connection was lost.');
    expect(text).toContain('It was sent by an adult the pupil does not know.');
  });
});
