/**
 * A trip tablet back in signal on a connection that fails its first try (the wifi joined
 * but not yet carrying anything). The record that failed all through the trip has a
 * backoff of minutes by then; the returning network's retries ignore it, so the record is
 * sent within seconds without anyone pressing "Sync now". The lead then holds it once.
 */
import { describe, expect, it } from 'vitest';
import { FlakyConnection } from './pages/faults.ts';
import { expectDelivered, marker, record, SOON, useFaultSchool } from './support/fault-school.ts';

const school = useFaultSchool();

/**
 * How long the returning connection carries nothing: long enough for the tries the network's
 * return itself sets off (the page's, and Chromium's Background Sync) to fail. The app's own
 * retry comes 2.5–5 s (or, after two failures, 5–10 s) later; if that fails too, the next
 * gets through.
 */
const FLAKY_MS = 3_000;

/**
 * Failed tries on the trip, on top of the one after sealing: the record's own next try is
 * then minutes away.
 */
const TRIES_ON_THE_TRIP = 4;

describe('back from a trip on a connection that fails its first try', () => {
  it('sends what failed on the trip within seconds, without Sync now', async () => {
    const t = await school.enrollTablet('Trip tablet');
    await t.context.setOffline(true);
    const m = marker('reconnect');
    const reference = await record(t.tablet, `A pupil was filmed on the coach. ${m}`);
    school.submitted.push(m);
    const syncNow = t.page.getByRole('button', { name: 'Sync now' });
    for (let i = 0; i < TRIES_ON_THE_TRIP; i++) {
      // Clicking waits for the button to say "Sync now" again, so each try has reported.
      await syncNow.click();
      await expect.poll(() => t.tablet.outboxStatus().textContent(), SOON).toMatch(/Last try:/);
    }
    await expect.poll(() => syncNow.isEnabled(), SOON).toBe(true);

    // The connection carries nothing for its first seconds: the page's own try when the
    // network returns, and Chromium's Background Sync, both fail.
    let refused = 0;
    const flaky = await FlakyConnection.install(t.context, FLAKY_MS, () => refused++);
    await t.context.setOffline(false);
    await expect.poll(() => refused, SOON).toBeGreaterThan(0);
    await expectDelivered(t.tablet, reference);
    await flaky.remove();
    await t.context.close();
  });

  it('leaves the safeguarding lead with the incident exactly once', async () => {
    await school.expectLeadHoldsEachOnce();
  });
});
