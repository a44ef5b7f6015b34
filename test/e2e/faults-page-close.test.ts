/**
 * Browser faults around a closing page, injected for real in Chromium and judged by what a
 * teacher sees and what the endpoint ends with: the page closed mid-autosave (the save held
 * behind another transaction, and straight after typing) and mid-upload (held at the
 * network by the worker and by the page itself; the endpoint stores it, the answer is
 * lost). At the end the safeguarding lead holds every incident exactly once and the
 * endpoint stored nothing twice. (Storage faults and updates: faults-storage.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { holdTransaction, UploadGate } from './pages/faults.ts';
import { expectDelivered, marker, record, SOON, useFaultSchool } from './support/fault-school.ts';

const school = useFaultSchool();

describe('browser faults: the page closes', () => {
  it('keeps a draft whole when the page closes mid-autosave, losing at most the change being saved', async () => {
    const m = marker('autosave');
    const { tablet } = school.main;
    await tablet.startIncident();
    const first = `A pupil was upset after a group chat. ${m}`;
    await tablet.field('What happened').fill(first);
    await tablet.field('Where it happened').fill('Library');
    await expect.poll(() => tablet.settledSaveStatus(), SOON).toMatch(/^Draft saved/);
    const draftPath = new URL(school.main.page.url()).pathname;

    // Closed while a save is under way: it waits behind another transaction on the drafts.
    await holdTransaction(school.main.page, 'drafts');
    const second = `${first} She showed me the messages.`;
    await tablet.field('What happened').fill(second);
    await expect.poll(() => tablet.saveStatus().textContent(), SOON).toBe('Saving…');
    await school.main.page.close({ runBeforeUnload: false });

    let again = await school.reopen(school.main, draftPath);
    await expect.poll(() => again.field('What happened').inputValue(), SOON).toContain(m);
    const afterFirst = await again.field('What happened').inputValue();
    expect([first, second]).toContain(afterFirst);
    expect(await again.field('Where it happened').inputValue()).toBe('Library');

    // Closed straight after typing, with the next save still to come.
    const more = ' The messages came from an older pupil.';
    await again.field('What happened').press('End');
    await again.field('What happened').pressSequentially(more);
    await school.main.page.close({ runBeforeUnload: false });

    again = await school.reopen(school.main, draftPath);
    await expect.poll(() => again.field('What happened').inputValue(), SOON).toContain(m);
    const recovered = await again.field('What happened').inputValue();
    expect(recovered.startsWith(afterFirst)).toBe(true);
    expect(`${afterFirst}${more}`.startsWith(recovered)).toBe(true);

    await again.submit();
    await school.main.page.getByText(/is sealed and queued/).waitFor();
    school.submitted.push(m);
    await expectDelivered(again, await again.sealedReference());
  });

  it('delivers exactly once when the page closes mid-upload: the worker finishes, or the answer is lost and it sends again', async () => {
    const gate = await UploadGate.install(school.main.context);
    const before = school.incidentsOnServer();

    // The worker's upload is held open, the page closes, then the upload goes on.
    const finishes = marker('sync-finishes');
    const finished = await record(school.main.tablet, `A stranger messaged a pupil. ${finishes}`);
    school.submitted.push(finishes);
    const first = await gate.next();
    await school.main.page.close({ runBeforeUnload: false });
    await first.continue();
    // No page is open, yet the endpoint receives it: the worker carried on alone.
    await expect.poll(() => school.incidentsOnServer(), { timeout: 20_000 }).toBe(before + 1);

    // The next upload reaches the endpoint, which stores it, but its answer is lost.
    let tablet = await school.reopen(school.main, '/capture');
    await expectDelivered(tablet, finished);
    const lost = marker('sync-answer-lost');
    const answerLost = await record(tablet, `A pupil's photo was shared. ${lost}`);
    school.submitted.push(lost);
    const second = await gate.next();
    expect((await second.fetch()).ok()).toBe(true);
    expect(school.incidentsOnServer()).toBe(before + 2);
    // The teacher still sees it waiting: the tablet has no receipt yet.
    await expect
      .poll(() => tablet.outboxStatus().textContent(), SOON)
      .toMatch(/^1 sealed record is queued/);
    await school.main.page.close({ runBeforeUnload: false });
    await second.abort('connectionreset');
    await gate.remove();

    tablet = await school.reopen(school.main, '/capture');
    await expectDelivered(tablet, answerLost);
    // Sent twice, stored once.
    expect(school.incidentsOnServer()).toBe(before + 2);
  });

  it('delivers exactly once when the page itself was uploading (no worker) and closed mid-upload', async () => {
    const t = await school.enrollTablet('Hall tablet (no worker)', { serviceWorkers: 'block' });
    const gate = await UploadGate.install(t.context);
    const before = school.incidentsOnServer();
    const m = marker('page-sync');
    const reference = await record(t.tablet, `A pupil was locked out of a game account. ${m}`);
    school.submitted.push(m);
    const upload = await gate.next();
    expect((await upload.fetch()).ok()).toBe(true);
    expect(school.incidentsOnServer()).toBe(before + 1);
    await t.page.close({ runBeforeUnload: false });
    await gate.remove();

    const tablet = await school.reopen(t, '/capture');
    await expectDelivered(tablet, reference);
    expect(school.incidentsOnServer()).toBe(before + 1);
    await t.context.close();
  });

  it('leaves the safeguarding lead with every incident exactly once, none lost', async () => {
    await school.expectLeadHoldsEachOnce();
  });
});
