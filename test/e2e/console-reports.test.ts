/**
 * The console end to end, reports: with three incidents home and one worked to closed, the
 * e-safety incident log shows the right rows in the paper log's columns; its CSV and PDF
 * exports and an encrypted export bundle carry them (the bundle opens again with its
 * passphrase); the governor summary shows the right figures and no names or free text; the
 * retention screen says no period is set. axe-core checks every screen.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CaseworkPages } from './pages/casework.ts';
import { seriousViolations } from './support/axe.ts';
import {
  consoleWithIncidents,
  OUTCOME,
  recordTheWork,
  useConsoleSchool,
  WHAT,
} from './support/console-school.ts';
import { pdfText } from './support/pdf-text.ts';

const school = useConsoleSchool();

describe('the console: reports', () => {
  it('logs, exports and summarises what the DSL recorded', async () => {
    const { context, page } = await consoleWithIncidents(school);

    // The DSL works the bullying incident to closed, as in console-casework.test.ts.
    const work = new CaseworkPages(page);
    await work.openTriage();
    await expect.poll(() => work.count().textContent(), { timeout: 30_000 }).toMatch(/^3 /);
    await work.openIncident(/· Cyberbullying/);
    await recordTheWork(work);
    await work.close(OUTCOME);
    await page
      .getByText('✓ Everything recorded on this console has been sent.')
      .waitFor({ timeout: 30_000 });

    // The e-safety incident log, in the paper log's columns, filtered by date.
    await page.getByRole('link', { name: 'Incident log', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'E-safety incident log' }).waitFor();
    await work.idle();
    const log = page.getByTestId('incident-log');
    await expect.poll(() => log.locator('tbody > tr').count(), { timeout: 20_000 }).toBe(3);
    expect(await log.locator('thead th').allTextContents()).toEqual([
      'Date',
      'Time',
      'Incident',
      'Action Taken',
      'Incident Reported By',
      'Signature',
    ]);
    const bullyingRow = await log.locator('tbody > tr').nth(0).locator('td').allTextContents();
    expect(bullyingRow.slice(0, 2)).toEqual(['05/10/2026', '09:15']);
    expect(bullyingRow[2]).toContain(WHAT.bullying);
    expect(bullyingRow[3]).toMatch(
      /Phoned Amy’s parents \(by Dana Lead.*Decision: No referral.*Closed: Apology given/,
    );
    expect(bullyingRow[4]).toBe('Mrs Class');
    expect(bullyingRow[5]).toMatch(/^Sam Teacher · Year 6 tablet · key [\w-]{4} /);
    const dates = page.getByRole('group', { name: 'Dates to show' });
    await dates.getByLabel('From').fill('2026-10-10');
    await expect.poll(() => log.locator('tbody > tr').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show all dates' }).click();
    await expect.poll(() => log.locator('tbody > tr').count()).toBe(3);

    // CSV: the same rows, quoted, and a cell that would be a formula neutralised.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Date,Time,Incident,Action Taken,Incident Reported By,Signature');
    expect(csv).toContain('Unkind messages, then ""jokes"", in the class chat.');
    expect(csv).toContain(",'=2+5 (office manager),");
    expect(csv).not.toMatch(/,=2\+5/);
    expect(csv.match(/^\d\d\/\d\d\/2026,/gm)).toHaveLength(3);

    // Printed (or saved as PDF): A4 landscape, the rows and no app chrome.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').first().isVisible()).toBe(false);
    expect(await log.locator('tbody > tr').count()).toBe(3);
    expect(await log.isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(Number(box![1])).toBeGreaterThan(Number(box![2]));
    // Its text: the three rows, with what was done, in the paper log's columns.
    const printed = (await pdfText(pdf)).join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'Date',
      'Action Taken',
      'Incident Reported By',
      'Signature',
      '05/10/2026',
      '12/10/2026',
      '02/11/2026',
      'Phoned Amy’s parents',
      'Mrs Class',
      'Coach to the museum',
      'OFFICIAL-SENSITIVE',
    ]) {
      expect(printed).toContain(expected);
    }

    // An encrypted export bundle, opened again with its passphrase.
    await page.getByLabel('Export passphrase', { exact: true }).fill('move these records safely');
    await page.getByLabel('Export passphrase again').fill('move these records safely');
    const [bundleDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download encrypted export' }).click(),
    ]);
    const bundlePath = (await bundleDownload.path())!;
    const bundle = await readFile(bundlePath, 'utf8');
    expect(bundle).not.toContain('Amy');
    expect(bundle).not.toContain('Unkind');
    await page.getByLabel('Export file', { exact: true }).setInputFiles(bundlePath);
    await page.getByLabel('Passphrase for the export file').fill('move these records safely');
    await page.getByRole('button', { name: 'Open export' }).click();
    const opened = page.getByRole('table', {
      name: /^Incidents in the export from /,
    });
    await expect.poll(() => opened.locator('tbody > tr').count(), { timeout: 20_000 }).toBe(3);

    // The governor summary: the right counts, and no names or free text.
    await page.getByRole('link', { name: 'Governor summary', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Governor summary' }).waitFor();
    await expect
      .poll(() => page.getByTestId('figure-total').textContent(), { timeout: 20_000 })
      .toBe('3');
    expect(await page.getByTestId('figure-open').textContent()).toBe('2');
    expect(await page.getByTestId('figure-closed').textContent()).toBe('1');
    expect(await page.getByTestId('figure-awaiting').textContent()).toBe('2');
    const byCategory = (await page.getByTestId('chart-category').textContent()) ?? '';
    expect(byCategory).toContain('Cyberbullying or online harassment');
    const summaryText = (await page.locator('main').textContent()) ?? '';
    for (const secret of [
      'Amy',
      'Sam Teacher',
      'Pat Teacher',
      'Dana Lead',
      'Unkind',
      'coach',
      'Apology',
    ]) {
      expect(summaryText).not.toContain(secret);
    }
    expect(await seriousViolations(page)).toEqual([]);

    // Retention: no period is set in the default pack, and the screen says so.
    await page.getByRole('link', { name: 'Retention', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Retention' }).waitFor();
    await page.getByText('No record is due for deletion today.').waitFor();
    await page.getByRole('heading', { name: 'Periods the school has not set' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
