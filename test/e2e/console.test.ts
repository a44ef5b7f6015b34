/**
 * The console end to end: two tablets record three incidents; the office view shows their
 * sync state without a word of any record; the DSL triages (urgent first, filters), works one
 * incident to closed with actions, a decision and a note; a second DSL reads the same
 * chronology; the person view lists one pupil's incidents in order; the log, its CSV and
 * PDF exports and the governor summary show the right rows and figures. axe-core checks
 * every console screen.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapturePages } from './pages/capture.ts';
import { CaseworkPages } from './pages/casework.ts';
import { DslPages } from './pages/dsl.ts';
import { TabletPages } from './pages/tablet.ts';
import { LeadPages, WizardPages } from './pages/wizard.ts';
import { seriousViolations } from './support/axe.ts';
import { launchChromium } from './support/browser.ts';
import { pdfText } from './support/pdf-text.ts';
import { startEndpoint, type RunningEndpoint } from './support/endpoint.ts';

const PASSPHRASE = 'correct horse battery staple 42';
const ROB_PASSPHRASE = 'another long passphrase for rob 7';
const PIN = '482916';
const WHAT = {
  bullying: 'Unkind messages, then "jokes", in the class chat.',
  breach: '=HYPERLINK("http://evil.example","click") was pasted into a shared sheet of pupil data',
  gaming: 'Pupils played an 18-rated game on the coach.',
};

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

async function recordOn(
  page: Page,
  fill: { what: string; when: string; where: string; reportedBy: string; category: RegExp },
  people: [string, string, string][],
) {
  const tablet = new TabletPages(page);
  const capture = new CapturePages(page);
  await tablet.startIncident();
  await tablet.field('What happened').fill(fill.what);
  await tablet.field('When it happened').fill(fill.when);
  await tablet.field('Where it happened').fill(fill.where);
  await tablet.field('Who reported it').fill(fill.reportedBy);
  await capture.chooseCategory(fill.category);
  if (people.length > 0) {
    await capture.openSection(/^People involved/);
    for (const [name, kind, role] of people) await capture.addPerson(name, kind, role);
  }
  await capture.submit();
}

describe('the console', () => {
  it('brings three incidents home from two tablets, and the DSL works one to closed', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dsl = new DslPages(page);
    await dsl.setUpAndUnlock(endpoint, 'Belmont School', PASSPHRASE);

    // Two tablets, three incidents.
    for (const [name, teacher, incidents] of [
      [
        'Year 6 tablet',
        'Sam Teacher',
        [
          [
            {
              what: WHAT.bullying,
              when: '2026-10-05T09:15',
              where: 'Year 6 classroom',
              reportedBy: 'Mrs Class',
              category: /^Cyberbullying/,
            },
            [['Amy Pupil', 'Pupil', 'Victim (harmed or targeted)']],
          ],
          [
            {
              what: WHAT.breach,
              when: '2026-10-12T14:00',
              where: 'School office',
              reportedBy: '=2+5 (office manager)',
              category: /^Personal data sent, stored/,
            },
            [],
          ],
        ],
      ],
      [
        'Trip tablet',
        'Pat Teacher',
        [
          [
            {
              what: WHAT.gaming,
              when: '2026-11-02T16:30',
              where: 'Coach to the museum',
              reportedBy: 'Pat Teacher',
              category: /^Age-inappropriate games/,
            },
            [['Amy Pupil', 'Pupil', 'Witness']],
          ],
        ],
      ],
    ] as const) {
      const link = await dsl.createEnrollmentLink();
      const tabletContext = await browser.newContext();
      const tabletPage = await tabletContext.newPage();
      const tablet = new TabletPages(tabletPage);
      await tablet.enrollAs(endpoint.url, link, name, teacher, PIN);
      for (const [fill, people] of incidents) {
        await recordOn(tabletPage, fill, people as unknown as [string, string, string][]);
      }
      // Each record is delivered (and deleted from the tablet) before the tablet goes away.
      await expect
        .poll(() => tabletPage.getByText(/Delivered to the safeguarding leads/).count(), {
          timeout: 30_000,
        })
        .toBe(incidents.length);
      await tabletContext.close();
    }

    // The office's view: each tablet's sync state, and not a word of any record.
    await page.reload();
    await dsl.unlock(PASSPHRASE);
    const devices = page.getByRole('list', { name: 'Enrolled devices' });
    await devices.getByText('Trip tablet').waitFor();
    const deviceText = (await devices.textContent()) ?? '';
    expect(deviceText).toMatch(/Year 6 tablet/);
    expect(deviceText).toMatch(/last delivered [0-9]/);
    for (const what of Object.values(WHAT)) expect(deviceText).not.toContain(what.slice(0, 20));
    expect(deviceText).not.toContain('Amy Pupil');

    // Triage: the two urgent incidents (a child at risk; a data-breach clock) come first.
    const work = new CaseworkPages(page);
    await work.openTriage();
    await expect
      .poll(() => work.count().textContent(), { timeout: 30_000 })
      .toBe('3 incidents. 2 need attention first.');
    const urgent = await work.urgent().allTextContents();
    expect(urgent).toHaveLength(2);
    expect(urgent.join('\n')).toMatch(/Child at risk/);
    expect(urgent.join('\n')).toMatch(/Data-breach clock: 7[12] h \d+ min left to report/);
    expect(await work.others().allTextContents()).toEqual([
      expect.stringMatching(/Coach to the museum.*New/),
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    await work.filter('Person').fill('amy');
    await expect.poll(() => work.count().textContent()).toBe('2 of 3 incidents match.');
    await work.clearFilters();
    await work.select('Status').selectOption({ label: 'New' });
    await expect.poll(() => work.count().textContent()).toBe('3 of 3 incidents match.');
    await work.clearFilters();
    await work.filter('Search').fill('coach museum');
    await expect.poll(() => work.count().textContent()).toBe('1 of 3 incidents match.');
    await work.clearFilters();

    // The DSL works the bullying incident to closed.
    await work.openIncident(/· Cyberbullying/);
    expect(await page.getByText(/No DSL has acted on it yet/).count()).toBe(1);
    await work.recordAction('Phoned Amy’s parents', 'Dana Lead');
    await work.recordDecision(
      'No referral to children’s social care',
      'Low level; handled in school with the class.',
    );
    await work.addNote('Class teacher to watch the chat for two weeks.');
    expect(await seriousViolations(page)).toEqual([]);
    await work.close('Apology given; parents satisfied.');
    await expect.poll(() => work.status().textContent()).toBe('Closed');
    await page
      .getByText('✓ Everything recorded on this console has been sent.')
      .waitFor({ timeout: 30_000 });
    // Every entry's link in the endpoint's hash chain is re-derived by the console.
    await expect
      .poll(async () =>
        (await work.chronology().allTextContents()).every((e) => e.includes('chain verified')),
      )
      .toBe(true);
    const danaView = await work.chronology().allTextContents();
    const all = danaView.join('\n');
    for (const expected of [
      'Recorded by Sam Teacher: Cyberbullying or online harassment, at Year 6 classroom.',
      '✓ Phoned Amy’s parents',
      'Decided: No referral to children’s social care. By Dana Lead.',
      'Reason: Low level; handled in school with the class.',
      'Class teacher to watch the chat for two weeks.',
      'Outcome: Apology given; parents satisfied.',
    ]) {
      expect(all).toContain(expected);
    }
    expect(danaView.every((e) => /✓ Signature verified \(key [\w-]{4} [\w-]{4}/.test(e))).toBe(
      true,
    );
    expect(await seriousViolations(page)).toEqual([]);

    // The person view: Amy's two incidents, oldest first.
    await work.openPerson('Amy Pupil');
    const amy = await work.personIncidents().allTextContents();
    expect(amy).toHaveLength(2);
    expect(amy[0]).toMatch(/Cyberbullying.*Closed.*Their part: Victim/);
    expect(amy[1]).toMatch(/Their part: Witness/);
    expect(await seriousViolations(page)).toEqual([]);

    // A second DSL joins and reads the same chronology.
    await page.getByRole('link', { name: 'Console', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Safeguarding console' }).waitFor();
    const dana = new LeadPages(page);
    const joinLink = await dana.invite('Rob Deputy');
    const robContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const robPage = await robContext.newPage();
    const rob = new LeadPages(robPage);
    await rob.join(joinLink, 'Rob Deputy', ROB_PASSPHRASE);
    await new WizardPages(page).openIncidents();
    await page.getByRole('link', { name: 'Console', exact: true }).click();
    await dana.approve('Rob Deputy');
    await rob.checkAgain();
    const robWork = new CaseworkPages(robPage);
    await robWork.openTriage();
    await robWork.openIncident(/· Cyberbullying/);
    await expect
      .poll(() => robWork.chronology().count(), { timeout: 20_000 })
      .toBe(danaView.length);
    await expect.poll(() => robWork.chronology().allTextContents()).toEqual(danaView);
    await robContext.close();

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
