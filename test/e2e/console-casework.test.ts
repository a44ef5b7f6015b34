/**
 * The console end to end, casework: two tablets record three incidents; the office view
 * shows their sync state without a word of any record; the DSL triages (urgent first,
 * filters) and works one incident to closed with actions, a decision and a note; the person
 * view lists one pupil's incidents in order; a second DSL reads the same chronology. axe-core
 * checks every screen. (The log, its exports and the summaries: console-reports.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { CaseworkPages } from './pages/casework.ts';
import { LeadPages, WizardPages } from './pages/wizard.ts';
import { seriousViolations } from './support/axe.ts';
import {
  consoleWithIncidents,
  OUTCOME,
  recordTheWork,
  useConsoleSchool,
  WHAT,
} from './support/console-school.ts';

const ROB_PASSPHRASE = 'another long passphrase for rob 7';
const school = useConsoleSchool();

describe('the console: casework', () => {
  it('brings three incidents home from two tablets, and the DSL works one to closed', async () => {
    const { context, page } = await consoleWithIncidents(school);

    // The office's view: each tablet's sync state, and not a word of any record.
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
    await recordTheWork(work);
    expect(await seriousViolations(page)).toEqual([]);
    await work.close(OUTCOME);
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
    const robContext = await school.browser.newContext({ viewport: { width: 1280, height: 900 } });
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

    await context.close();
  });
});
