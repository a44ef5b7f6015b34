/**
 * The wizard's events for real: sealed into this console's outbox (Dexie on
 * fake-indexeddb), opened again from there before they are sent, opened from the pulled log
 * after, merged into the chronology with a tablet's record, and read by a second DSL who
 * joined later through a key grant: the same chronology on both. A walk resumes from them.
 */
import { describe, expect, it } from 'vitest';
import { sealEnvelope } from '../../src/crypto/envelope.ts';
import { grantCatalogue, type KeyGrantPayload } from '../../src/crypto/key-grant.ts';
import { buildChronology } from '../../src/domain/chronology.ts';
import { ulid } from '../../src/domain/ulid.ts';
import { currentNode } from '../../src/policy/flowchart.ts';
import { addPulled } from '../../src/storage/inbox-repo.ts';
import { openConsoleEvents } from '../../src/ui/wizard/opened-events.ts';
import { resumeWalk } from '../../src/ui/wizard/walk-state.ts';
import {
  chart,
  info,
  outboxEnvelopes,
  pulled,
  tabletRecord,
  useConsoles,
  walkAndSeal,
} from './wizard-records-kit.ts';

const newConsole = useConsoles();

describe('wizard events, sealed and read back', () => {
  it('reads its own events from the outbox while offline, and resumes the walk from them', async () => {
    const dsl = await newConsole('Dana');
    const walkId = ulid();
    await walkAndSeal(dsl, 'inc-1', walkId);

    const opened = await openConsoleEvents(dsl.db, dsl.keys, dsl.device, null);
    expect(opened.problems).toEqual([]);
    expect(opened.events.map((e) => [e.kind, e.pending, e.deviceName])).toEqual([
      ['step.answered', true, 'Dana’s console'],
      ['action.recorded', true, 'Dana’s console'],
      ['action.recorded', true, 'Dana’s console'],
      ['step.answered', true, 'Dana’s console'],
    ]);
    expect(opened.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);

    const [incident] = buildChronology(opened.events).incidents;
    const resumed = resumeWalk(chart, incident!.walks[0]);
    expect(resumed.problem).toBeUndefined();
    expect(currentNode(resumed.walk)?.id).toBe('staff');
    expect(Object.values(resumed.actions).map((a) => [a.stepId, a.status])).toEqual([
      ['inform-police', 'done'],
      ['save-evidence', 'not-done'],
    ]);
  });

  it('opens each event once when it is both pulled and still in the outbox', async () => {
    const dsl = await newConsole('Dana');
    await walkAndSeal(dsl, 'inc-1', ulid());
    const envelopes = await outboxEnvelopes(dsl.db);
    await addPulled(dsl.db, pulled(envelopes.slice(0, 2)));
    const opened = await openConsoleEvents(dsl.db, dsl.keys, dsl.device, [info(dsl)]);
    expect(opened.events.map((e) => e.pending)).toEqual([false, false, true, true]);
  });

  it('cannot check a tablet’s signature without the device list, and says so', async () => {
    const dsl = await newConsole('Dana');
    const tablet = await tabletRecord([dsl.reader], 'inc-1');
    await addPulled(dsl.db, pulled([tablet.envelope]));
    const offline = await openConsoleEvents(dsl.db, dsl.keys, dsl.device, null);
    expect(offline.problems[0]?.problem).toMatch(/device list/);
    const online = await openConsoleEvents(dsl.db, dsl.keys, dsl.device, [tablet.device]);
    expect(online.events.map((e) => [e.kind, e.deviceName])).toEqual([
      ['incident.created', 'Year 9 tablet'],
    ]);
  });

  it('shows a second DSL, who joined later, the same chronology through a key grant', async () => {
    const dana = await newConsole('Dana');
    const rob = await newConsole('Rob');
    const tablet = await tabletRecord([dana.reader], 'inc-1');
    await walkAndSeal(dana, 'inc-1', ulid());
    // Dana's log after upload and pull: the tablet's record and her own events.
    const log = [tablet.envelope, ...(await outboxEnvelopes(dana.db))];
    await addPulled(dana.db, pulled(log));

    // Approving Rob: grants for everything Dana can open, in a key.granted event to both.
    const { grants, refused } = await grantCatalogue(log, dana.keys.reader, {
      kid: rob.reader.kid,
      publicKey: rob.reader.publicKey,
    });
    expect(refused).toEqual([]);
    const grantPayload: KeyGrantPayload = {
      type: 'key.granted',
      to: { kid: rob.reader.kid, name: 'Rob' },
      grants,
      grantedBy: { kid: dana.reader.kid, name: 'Dana' },
    };
    const grantEnvelope = await sealEnvelope(
      {
        id: ulid(),
        school: 'sch1',
        device: dana.device.deviceId,
        seq: 99,
        kind: 'key.granted',
        created: new Date().toISOString(),
        recipientSet: 2,
      },
      grantPayload,
      [dana.reader, rob.reader].map((r) => ({ kid: r.kid, publicKey: r.publicKey })),
      dana.device.signingKey,
    );
    await addPulled(rob.db, pulled([...log, grantEnvelope]));

    const devices = [tablet.device, info(dana), info(rob)];
    const danaView = buildChronology(
      (await openConsoleEvents(dana.db, dana.keys, dana.device, devices)).events,
    );
    const robOpened = await openConsoleEvents(rob.db, rob.keys, rob.device, devices);
    expect(robOpened.problems).toEqual([]);
    const robView = buildChronology(robOpened.events);
    const strip = (v: typeof danaView) =>
      v.incidents.map((c) => ({
        ...c,
        entries: c.entries.map((e) => ({
          id: e.event.id,
          device: e.event.deviceName,
          body: e.body,
        })),
      }));
    expect(strip(robView)).toEqual(strip(danaView));
    expect(robView.incidents[0]!.entries.map((e) => e.body.type)).toEqual([
      'incident.created',
      'step.answered',
      'action.recorded',
      'action.recorded',
      'step.answered',
    ]);
  });
});
