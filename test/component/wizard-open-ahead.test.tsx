/**
 * A page of the pulled log opened ahead (while the next page downloads): the same checks as
 * the full read, what fails them left to that read to report, and an event opened ahead
 * never trusted at a log position other than the one the inbox holds.
 */
import { describe, expect, it } from 'vitest';
import { addPulled } from '../../src/storage/inbox-repo.ts';
import { openAhead, openConsoleEvents } from '../../src/ui/wizard/opened-events.ts';
import { pulled, tabletRecord, useConsoles } from './wizard-records-kit.ts';

const newConsole = useConsoles();

describe('a pulled page opened ahead', () => {
  it('opens a pulled page ahead with the same checks, and leaves what fails to the full read', async () => {
    const dsl = await newConsole('Dana');
    const good = await tabletRecord([dsl.reader], 'inc-1');
    // Signed by another key than the one the device list gives for tablet-1.
    const forged = await tabletRecord([dsl.reader], 'inc-2');
    // From a device the list does not name.
    const stranger = await tabletRecord([dsl.reader], 'inc-3');
    const page = pulled([good.envelope, forged.envelope, stranger.envelope]);
    const stored = [
      page[0]!,
      page[1]!,
      { ...page[2]!, envelope: { ...stranger.envelope, device: 'tablet-9' } },
    ];
    await addPulled(dsl.db, stored);
    await openAhead(dsl.keys, dsl.device, [good.device], stored);

    const totals: number[] = [];
    const opened = await openConsoleEvents(dsl.db, dsl.keys, dsl.device, [good.device], (p) =>
      totals.push(p.total),
    );
    // Only the two that could not be opened ahead are opened (and refused) again.
    expect(totals[0]).toBe(2);
    expect(opened.events.map((e) => [e.id, e.logIndex, e.deviceName])).toEqual([
      [good.envelope.id, 1, 'Year 9 tablet'],
    ]);
    const problems = new Map(opened.problems.map((p) => [p.id, p.problem]));
    expect(problems.size).toBe(2);
    expect(problems.get(forged.envelope.id)).toMatch(/signature does not match/);
    expect(problems.get(stranger.envelope.id)).toMatch(/device this console does not know/);
  });

  it('does not trust an event opened ahead at another log position than the one held', async () => {
    const dsl = await newConsole('Dana');
    const tablet = await tabletRecord([dsl.reader], 'inc-1');
    const [item] = pulled([tablet.envelope]);
    await addPulled(dsl.db, [item!]);
    // The same envelope again in a later page (a duplicate the inbox did not store).
    await openAhead(dsl.keys, dsl.device, [tablet.device], [{ ...item!, logIndex: 7 }]);
    const opened = await openConsoleEvents(dsl.db, dsl.keys, dsl.device, [tablet.device]);
    expect(opened.events.map((e) => e.logIndex)).toEqual([1]);
  });
});
