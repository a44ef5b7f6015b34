/**
 * The school the console tests share: a real endpoint and Chromium for the file, and the
 * three incidents two tablets bring home (bullying and a data breach from the Year 6
 * tablet, an age-rated game from the trip tablet), recorded through the capture screens.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CapturePages } from '../pages/capture.ts';
import type { CaseworkPages } from '../pages/casework.ts';
import { DslPages } from '../pages/dsl.ts';
import { TabletPages } from '../pages/tablet.ts';
import { launchChromium } from './browser.ts';
import { startEndpoint, type RunningEndpoint } from './endpoint.ts';

const PASSPHRASE = 'correct horse battery staple 42';
const PIN = '482916';
export const WHAT = {
  bullying: 'Unkind messages, then "jokes", in the class chat.',
  breach: '=HYPERLINK("http://evil.example","click") was pasted into a shared sheet of pupil data',
  gaming: 'Pupils played an 18-rated game on the coach.',
};
/** How the DSL closes the bullying incident. */
export const OUTCOME = 'Apology given; parents satisfied.';

export interface ConsoleSchool {
  endpoint: RunningEndpoint;
  browser: Browser;
}

/** An endpoint and a browser for the test file: started before its tests, stopped after. */
export function useConsoleSchool(): ConsoleSchool {
  const school = {} as ConsoleSchool;
  beforeAll(async () => {
    school.endpoint = await startEndpoint();
    school.browser = await launchChromium();
  });
  afterAll(async () => {
    await school.browser?.close();
    await school.endpoint?.stop();
  });
  return school;
}

/**
 * The DSL's console page, with the school set up, once the three incidents have come home:
 * reloaded and unlocked again, as the DSL opens the console afterwards.
 */
export async function consoleWithIncidents(school: ConsoleSchool) {
  const context = await school.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const dsl = new DslPages(page);
  await dsl.setUpAndUnlock(school.endpoint, 'Belmont School', PASSPHRASE);
  await bringThreeIncidentsHome(school, dsl);
  await page.reload();
  await dsl.unlock(PASSPHRASE);
  return { context, page, dsl };
}

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

/** Two tablets enrolled by the DSL record three incidents, each delivered before it goes. */
async function bringThreeIncidentsHome({ endpoint, browser }: ConsoleSchool, dsl: DslPages) {
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
}

/** The DSL's work on the bullying incident before closing it: an action, a decision, a note. */
export async function recordTheWork(work: CaseworkPages) {
  await work.recordAction('Phoned Amy’s parents', 'Dana Lead');
  await work.recordDecision(
    'No referral to children’s social care',
    'Low level; handled in school with the class.',
  );
  await work.addNote('Class teacher to watch the chat for two weeks.');
}
