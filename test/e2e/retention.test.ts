/**
 * Retention end to end: under a policy pack that keeps closed records for 0 years, a closed
 * incident is due for deletion at once. The DSL deletes it from the retention screen; the
 * deletion is logged (and outlives the record), the endpoint erases the record's envelopes,
 * and the console no longer holds or shows them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { CaseworkPages } from './pages/casework.ts';
import { DslPages } from './pages/dsl.ts';
import { TabletPages } from './pages/tablet.ts';
import { seriousViolations } from './support/axe.ts';
import { launchChromium } from './support/browser.ts';
import { startEndpoint, type RunningEndpoint } from './support/endpoint.ts';

const PASSPHRASE = 'correct horse battery staple 42';
const WHAT = 'A pupil shared a classmate’s photo without asking.';

let endpoint: RunningEndpoint;
let browser: Browser;

beforeAll(async () => {
  endpoint = await startEndpoint();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
});

/** The ids of the envelopes this console's copy of the log holds. */
function inboxIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const ids: string[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      if (db.objectStoreNames.contains('inbox')) {
        const rows = await new Promise<{ id: string }[]>((res, rej) => {
          const r = db.transaction('inbox').objectStore('inbox').getAll();
          r.onsuccess = () => res(r.result as { id: string }[]);
          r.onerror = () => rej(r.error);
        });
        ids.push(...rows.map((r) => r.id));
      }
      db.close();
    }
    return ids;
  });
}

describe('retention', () => {
  it('deletes a record due under the school’s rules, logs the deletion and erases it at the endpoint', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dsl = new DslPages(page);
    await dsl.setUpAndUnlock(endpoint, 'Whiston School', PASSPHRASE);
    await dsl.uploadPolicy(
      JSON.stringify({
        ...defaultPack,
        version: '1.0.1-retention-test',
        retention: defaultPack.retention.map((r) =>
          r.scope === 'default' ? { ...r, years: 0 } : r,
        ),
      }),
    );

    const link = await dsl.createEnrollmentLink();
    const tabletContext = await browser.newContext();
    const tabletPage = await tabletContext.newPage();
    const tablet = new TabletPages(tabletPage);
    await tablet.enrollAs(endpoint.url, link, 'Class tablet', 'Sam Teacher', '482916');
    await tablet.recordIncident(WHAT);
    await tabletPage.getByText(/Delivered to the safeguarding leads/).waitFor({ timeout: 30_000 });
    await tabletContext.close();

    // The DSL closes it: kept for 0 years from closing, it is due today.
    const work = new CaseworkPages(page);
    await page.reload();
    await dsl.unlock(PASSPHRASE);
    await work.openTriage();
    await work.openIncident(/^ST-\w{6}/);
    const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.match(
      /ST-\w{6}/,
    )![0];
    await work.close('Spoken to; photo deleted by the pupil.');
    await page
      .getByText('✓ Everything recorded on this console has been sent.')
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByText(/^Retention: may be deleted from /).count()).toBe(1);
    const before = await inboxIds(page);

    await page.getByRole('link', { name: 'Retention', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Retention' }).waitFor();
    const due = page.getByRole('list', { name: 'Due for deletion' });
    const deleteButton = due.getByRole('button', { name: `Delete… ${reference}` });
    await deleteButton.waitFor({ timeout: 20_000 });
    await deleteButton.click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Delete ${reference} permanently` }).click();
    await page
      .getByText(
        `${reference} deleted: the deletion is logged and the endpoint erased 2 envelopes.`,
      )
      .waitFor({ timeout: 30_000 });

    // The deletion is in the log; the record is gone from the console and from its storage.
    const logRow = page.getByRole('table', { name: /Records deleted/ }).locator('tbody > tr');
    await expect.poll(() => logRow.count()).toBe(1);
    expect(await logRow.textContent()).toMatch(new RegExp(`${reference}.*Dana Lead.*✓ Erased`));
    expect(await page.getByText('No record is due for deletion today.').count()).toBe(1);
    const after = await inboxIds(page);
    expect(after.filter((id) => before.includes(id))).toHaveLength(before.length - 2);
    expect(after.length).toBe(before.length - 2 + 1); // the two erased; the deletion's own record
    expect(await seriousViolations(page)).toEqual([]);

    await work.openTriage();
    await expect
      .poll(() => work.count().textContent())
      .toBe('0 incidents. 0 need attention first.');
    await context.close();
  });
});
