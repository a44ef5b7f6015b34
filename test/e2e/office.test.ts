/**
 * The school office's computer in a real browser: the DSL makes an office code; the office
 * enrolls with it and opens the office screen with no passphrase or PIN; a tablet enrolled
 * with the office's own code delivers an incident; the office sees the tablet's last
 * delivery and nothing waiting, and not a word of the record; it revokes the tablet; and
 * the endpoint refuses it the records even when it signs with its own key.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DslPages } from './pages/dsl.ts';
import { OfficePages } from './pages/office.ts';
import { TabletPages } from './pages/tablet.ts';
import { seriousViolations } from './support/axe.ts';
import { launchChromium } from './support/browser.ts';
import { startEndpoint, type RunningEndpoint } from './support/endpoint.ts';

const PASSPHRASE = 'correct horse battery staple 42';
const WHAT = 'Office-test marker: a pupil shared a stranger’s contact in the class chat.';
const WHERE = 'Room 12 by the window';

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

describe('the school office’s computer', () => {
  it('sees devices, never records, and revokes a lost tablet', async () => {
    const dsl = new DslPages(await (await browser.newContext()).newPage());
    await dsl.setUpAndUnlock(endpoint, 'Oakfield School', PASSPHRASE);
    const officeLink = await dsl.createOfficeLink();

    // The office enrolls with it and lands on its screen without unlocking anything.
    const officePage = await (await browser.newContext()).newPage();
    const office = new OfficePages(officePage);
    await office.enroll(endpoint.url, officeLink, 'School office PC');
    expect(new URL(officePage.url()).pathname).toBe('/office');
    expect(await officePage.getByText(/cannot read any record/).count()).toBe(1);
    expect(await office.secretFields().count()).toBe(0);
    await office.devices().waitFor();

    // A tablet enrolled with the office's own code delivers an incident.
    const tabletLink = await office.createTabletLink();
    const tabletPage = await (await browser.newContext()).newPage();
    const tablet = new TabletPages(tabletPage);
    await tablet.enrollAs(endpoint.url, tabletLink, 'Year 2 tablet', 'Sam Teacher', '482916');
    await tablet.recordIncident(WHAT, WHERE);
    await expect
      .poll(() => tabletPage.getByText(/Delivered to the safeguarding leads/).count(), {
        timeout: 30_000,
      })
      .toBe(1);

    // The office sees when it last delivered and that nothing waits: metadata only.
    await expect
      .poll(
        async () => {
          await officePage.reload();
          return (await office.device('Year 2 tablet').textContent()) ?? '';
        },
        { timeout: 30_000 },
      )
      .toMatch(/last delivered [0-9].*· 0 waiting to send/);
    const row = (await office.device('Year 2 tablet').textContent()) ?? '';
    expect(row).toMatch(/\(tablet\).*enrolled .* by School office PC/);
    expect(await office.device('School office PC').textContent()).toMatch(/\(school office\)/);
    const screen = (await officePage.locator('main').textContent()) ?? '';
    for (const text of [WHAT.slice(0, 20), WHERE, 'Sam Teacher'])
      expect(screen).not.toContain(text);
    // Only the tablet can be revoked from here: not the lead's device, not the office itself.
    expect(await office.revokeButtons().allTextContents()).toEqual(['Revoke']);
    expect(await seriousViolations(officePage)).toEqual([]);

    await office.revokeDevice('Year 2 tablet');
    await expect.poll(() => office.device('Year 2 tablet').textContent()).toMatch(/Revoked/);
    expect(await office.revokeButtons().count()).toBe(0);

    // Even signed with its own key, the office is refused the records.
    const pull = await office.tryToPullEnvelopes();
    expect(pull.status).toBe(403);
    expect(JSON.parse(pull.body)).toEqual({
      error: 'forbidden',
      message: 'Only a safeguarding lead’s device can do this.',
    });
    expect(pull.body).not.toContain(WHAT.slice(0, 20));

    // A console address on the office's computer says what it is not.
    await officePage.goto(`${endpoint.url}/console`);
    await officePage.getByText('This is not a safeguarding console').waitFor();
  });
});
