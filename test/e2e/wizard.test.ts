/**
 * The DSL's guided procedures on a phone, offline: a tablet records an incident; the DSL
 * pulls it, loses the network, and walks it through Gracefield's illegal-material flowchart
 * and the staff-as-victims flowchart, recording decisions (with reasons where the policy
 * requires them) and checklist steps (done, and not done with a reason). Back online, the
 * events upload; a second DSL, added afterwards, sees the same chronology. axe-core checks
 * each kind of wizard screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DslPages } from './pages/dsl.ts';
import { TabletPages } from './pages/tablet.ts';
import { LeadPages, WizardPages } from './pages/wizard.ts';
import { launchChromium, waitForWorkerControl } from './support/browser.ts';
import { startEndpoint, type RunningEndpoint } from './support/endpoint.ts';

const PASSPHRASE = 'correct horse battery staple 42';
const ROB_PASSPHRASE = 'another long passphrase for rob 7';
const PIN = '482916';
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const ILLEGAL = 'Decisions related to an illegal e-safety incident';
const STAFF = 'Managing an e-safety incident involving staff as victims';
const REASONS = {
  evidence: 'The phone went to the police unviewed, so nothing was saved here.',
  abuse: 'The platform used has no Report Abuse button.',
  serious: 'Removed the same day; not serious, and the member of staff is supported.',
};

let endpoint: RunningEndpoint;
let browser: Browser;
let dslContext: BrowserContext;
let robContext: BrowserContext;

/**
 * Window.confirm questions (approving a lead) are answered yes. DslPages may accept them
 * already (its handler, registered first, runs first): a second accept is then refused and
 * ignored here.
 */
function acceptDialogs(page: Page) {
  page.on('dialog', (d) => void d.accept().catch(() => {}));
}

beforeAll(async () => {
  endpoint = await startEndpoint();
  browser = await launchChromium();
  dslContext = await browser.newContext(PHONE);
  robContext = await browser.newContext(PHONE);
});

afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
});

describe('the DSL’s guided procedures', () => {
  it('walks an incident offline on a phone, and a second DSL reads the same chronology', async () => {
    // A DSL sets up the school; a tablet records an incident and delivers it.
    const page = await dslContext.newPage();
    const dsl = new DslPages(page);
    acceptDialogs(page);
    await dsl.setUpAndUnlock(endpoint, 'Gracefield School', PASSPHRASE);
    const enrollLink = await dsl.createEnrollmentLink();
    const tabletContext = await browser.newContext();
    const tabletPage = await tabletContext.newPage();
    const tablet = new TabletPages(tabletPage);
    await tablet.enrollAs(endpoint.url, enrollLink, 'Year 9 tablet', 'Sam Teacher', PIN);
    await tablet.startIncident();
    await tablet
      .field('What happened')
      .fill('A pupil was sent messages by an adult on a game chat.');
    await tablet.field('When it happened').fill('2025-03-03T10:15');
    await tablet.field('Where it happened').fill('Year 9 form room');
    await tablet.field('Who reported it').fill('The pupil');
    await tabletPage.getByLabel('Category').selectOption('inappropriate-contact-grooming');
    await tablet.submit();
    await tabletPage.getByText(/Delivered to the safeguarding leads/).waitFor({ timeout: 30_000 });
    await tabletContext.close();

    // The DSL pulls it, opens its chronology, then loses the network.
    const wizard = new WizardPages(page);
    await wizard.openIncidents();
    await wizard.openChronology(/^ST-\w{6} · Inappropriate contact or suspected grooming/);
    await waitForWorkerControl(page);
    await dslContext.setOffline(true);

    // 1. Gracefield's illegal-material flowchart, suggested by the incident's category.
    await wizard.guideMe(ILLEGAL);
    await wizard.expectStep('Was illegal material or activity found or suspected?');
    expect(await wizard.seriousViolations()).toEqual([]);
    // Deciding not to involve the police needs a reason: without one nothing is recorded.
    await wizard.answer(/^No, the incident did not involve any illegal activity/);
    await page.getByRole('button', { name: 'Record this decision' }).click();
    await page.getByText(/is a decision not to refer or act: say why/).waitFor();
    await page.getByRole('button', { name: 'Choose a different answer' }).click();
    await wizard.answer('Yes, found or suspected');

    await wizard.expectStep('Illegal material or activity found or suspected');
    const police = wizard.checklistItem(/Inform police/);
    expect(
      await police.getByRole('link', { name: /Call Police: non-emergency/ }).getAttribute('href'),
    ).toBe('tel:101');
    await wizard.done(/Inform police/);
    await wizard.done(/Confiscate any laptop/, 'Alex Head');
    const evidence = wizard.checklistItem(/Save ALL evidence/);
    await evidence.getByRole('button', { name: 'Not done', exact: true }).click();
    await evidence.getByRole('button', { name: 'Record as not done' }).click();
    await evidence.getByText(/Say why this step was not done/).waitFor();
    await evidence.getByLabel('Why was it not done?').fill(REASONS.evidence);
    await evidence.getByRole('button', { name: 'Record as not done' }).click();
    await evidence.getByTestId('step-record').waitFor();
    expect(await wizard.seriousViolations()).toEqual([]);
    await wizard.continue();

    await wizard.expectStep('Is a member of staff involved?');
    await wizard.answer('Yes, a member of staff');
    await wizard.expectStep('A member of staff is involved');
    await expect
      .poll(() => wizard.checklistItem(/LADO/).textContent())
      .toMatch(/number set by the school/);
    await wizard.done(/LADO/);
    await wizard.continue();
    await wizard.expectStep('Outcome');
    await page.getByText(/the LADO contacted/).waitFor();
    await wizard.showDiagram();
    expect(await page.locator('g.dnode.taken').count()).toBe(5);
    expect(await wizard.seriousViolations()).toEqual([]);
    expect(await wizard.sendStatus().textContent()).toMatch(
      /^\d+ records sealed on this device, waiting to send/,
    );

    // 2. Gracefield's staff-as-victims flowchart, for the same incident, still offline.
    await wizard.chooseAnotherProcedure();
    expect(await wizard.seriousViolations()).toEqual([]);
    await wizard.pickFlowchart(STAFF);
    await wizard.expectStep('All incidents should be reported to the Headteacher who will');
    await wizard.done(/Record in the school E-Safety Incident Log/);
    await wizard.done(/Keep any evidence/);
    await wizard.notDone(/Report Abuse/, REASONS.abuse);
    await wizard.continue();
    await wizard.expectStep('Who was the instigator?');
    await wizard.answer('Parents/carers as instigators');
    await wizard.expectStep(/^Parents\/carers as instigators/);
    await wizard.back();
    await wizard.expectStep('Who was the instigator?');
    await wizard.answer('Pupils as instigators');
    await wizard.expectStep(/^Pupils as instigators/);
    await wizard.done(/Identify the pupil involved/);
    await wizard.done(/Ask pupil to remove offensive material/);
    // Locked and unlocked, still offline: the walk resumes from its sealed events.
    await wizard.lockAndUnlock(PASSPHRASE);
    await wizard.expectStep(/^Pupils as instigators/);
    expect(
      await wizard
        .checklistItem(/Ask pupil to remove/)
        .getByTestId('step-record')
        .textContent(),
    ).toMatch(/Done by Dana Lead/);
    await wizard.continue();
    await wizard.expectStep('Is it a serious incident, or do you need further advice?');
    await wizard.answerWithReason(/^No/, REASONS.serious);
    await wizard.expectStep('Further contact to support staff');
    await wizard.done(/Schools E-Safety Adviser/);
    await wizard.continue();
    await wizard.expectStep('Outcome');
    const path = await wizard.decidedSoFar().textContent();
    expect(path).toContain('Who was the instigator? ✓ Pupils as instigators');
    expect(path).not.toContain('Parents/carers as instigators');
    expect(path).toContain(`Reason: ${REASONS.serious}`);

    // Back online: everything sealed offline is delivered.
    await dslContext.setOffline(false);
    await expect
      .poll(() => wizard.sendStatus().textContent(), { timeout: 30_000 })
      .toBe('✓ Everything recorded on this console has been sent.');
    await wizard.openChronologyFromEnd();
    const danaView = await wizard.chronology().allTextContents();
    const all = danaView.join('\n');
    for (const expected of [
      'Recorded by Sam Teacher: Inappropriate contact or suspected grooming, at Year 9 form room.',
      'Decided: Yes, found or suspected. By Dana Lead.',
      'Done by Alex Head',
      `✗ Not done: Save ALL evidence`,
      `Reason: ${REASONS.evidence}`,
      'Decided: Yes, a member of staff.',
      `Reason: ${REASONS.abuse}`,
      'Decided: Parents/carers as instigators.',
      'Decided: Pupils as instigators.',
      `Reason: ${REASONS.serious}`,
    ]) {
      expect(all).toContain(expected);
    }
    expect(all).not.toContain('Waiting to send');
    expect(danaView.every((e) => e.includes('✓ Signature verified'))).toBe(true);
    expect(await page.getByText('Changed later').count()).toBe(1); // the instigator, after Back
    expect(await wizard.seriousViolations()).toEqual([]);

    // 3. A second DSL joins, is approved, and reads the same chronology.
    await page.getByRole('link', { name: 'Console', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Safeguarding console' }).waitFor();
    const dana = new LeadPages(page);
    const joinLink = await dana.invite('Rob Deputy');
    const robPage = await robContext.newPage();
    const rob = new LeadPages(robPage);
    await rob.join(joinLink, 'Rob Deputy', ROB_PASSPHRASE);
    // Dana's console lists the new lead once it is opened again.
    await wizard.openIncidents();
    await page.getByRole('link', { name: 'Console', exact: true }).click();
    await dana.approve('Rob Deputy');
    await rob.checkAgain();
    const robWizard = new WizardPages(robPage);
    await robWizard.openIncidents();
    await robWizard.openChronology(/^ST-\w{6} · Inappropriate contact or suspected grooming/);
    await expect
      .poll(() => robWizard.chronology().count(), { timeout: 20_000 })
      .toBe(danaView.length);
    expect(await robWizard.chronology().allTextContents()).toEqual(danaView);

    // 4. A record changed in Rob's own storage is opened in the console's workers, which
    //    refuse it with the reason, as the page itself would; the rest still opens.
    const workers: string[] = [];
    robPage.on('worker', (w) => workers.push(w.url()));
    const changed = await changeStoredRecord(robPage, 'action.recorded');
    await robPage.reload();
    await new DslPages(robPage).unlock(ROB_PASSPHRASE);
    await robWizard.openIncidents();
    await robWizard.openChronology(/^ST-\w{6} · Inappropriate contact or suspected grooming/);
    await expect
      .poll(() => robWizard.chronology().count(), { timeout: 20_000 })
      .toBe(danaView.length - 1);
    const problems = robPage.locator('details.chrono-problems');
    expect(await problems.locator('summary').textContent()).toBe(
      '1 records could not be read here',
    );
    expect(await problems.locator('li').allTextContents()).toEqual([
      `${changed}: The sending device’s signature does not match this envelope.`,
    ]);
    expect(workers.filter((url) => /\/assets\/open-worker-[\w-]+\.js$/.test(url))).not.toEqual([]);
    expect(
      await robPage.evaluate(
        (mark) => performance.getEntriesByName(mark).length,
        'safetrail:open-on-page',
      ),
    ).toBe(0);
  });
});

/**
 * Changes one character of the ciphertext of the first pulled record of `kind` in this
 * console's IndexedDB inbox, as a person with the browser's storage tools could, keeping it
 * well formed. Answers the record's id.
 */
function changeStoredRecord(page: Page, kind: string): Promise<string> {
  return page.evaluate(
    (kind) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('safetrail');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('inbox', 'readwrite');
          const store = tx.objectStore('inbox');
          const all = store.getAll();
          all.onsuccess = () => {
            const rows = all.result as { id: string; envelope: string }[];
            const row = rows.find((r) => JSON.parse(r.envelope).kind === kind);
            if (!row) return reject(new Error(`no ${kind} record in the inbox`));
            const envelope = JSON.parse(row.envelope);
            const c = envelope.ct[10];
            envelope.ct =
              envelope.ct.slice(0, 10) + (c === 'A' ? 'B' : 'A') + envelope.ct.slice(11);
            store.put({ ...row, envelope: JSON.stringify(envelope) });
            tx.oncomplete = () => (open.result.close(), resolve(row.id));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    kind,
  );
}
