/**
 * The wizard's events for real: sealed into this console's outbox (Dexie on
 * fake-indexeddb), opened again from there before they are sent, opened from the pulled log
 * after, merged into the chronology with a tablet's record, and read by a second DSL who
 * joined later through a key grant: the same chronology on both. A walk resumes from them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UnlockedDslKeys } from '../../src/crypto/dsl-keys.ts';
import { sealEnvelope, type Envelope } from '../../src/crypto/envelope.ts';
import { generateReaderKeyPair, type ReaderKeyPair } from '../../src/crypto/hpke.ts';
import { grantCatalogue, type KeyGrantPayload } from '../../src/crypto/key-grant.ts';
import { exportPublicJwk, generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { buildChronology } from '../../src/domain/chronology.ts';
import { ulid } from '../../src/domain/ulid.ts';
import { currentNode } from '../../src/policy/flowchart.ts';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { SafetrailDb } from '../../src/storage/db.ts';
import { saveDevice } from '../../src/storage/device-repo.ts';
import { addPulled } from '../../src/storage/inbox-repo.ts';
import { createOutboxStore } from '../../src/storage/outbox-repo.ts';
import type { DeviceRecord } from '../../src/storage/records.ts';
import type { DeviceInfo } from '../../src/sync/protocol.ts';
import type { SignedRecipientSet } from '../../src/sync/recipient-set.ts';
import { openAhead, openConsoleEvents } from '../../src/ui/wizard/opened-events.ts';
import { sealInOrder } from '../../src/ui/wizard/sending.ts';
import {
  actionPayload,
  decisionPayload,
  resumeWalk,
  type WalkContext,
} from '../../src/ui/wizard/walk-state.ts';
import { answer, proceed, startWalk } from '../../src/policy/flowchart.ts';

const chart = defaultPack.flowcharts.find((f) => f.id === 'gracefield-illegal')!;

interface Console {
  db: SafetrailDb;
  device: DeviceRecord;
  keys: UnlockedDslKeys;
  reader: ReaderKeyPair;
}

async function makeConsole(
  name: string,
  readers: ReaderKeyPair[],
  reader?: ReaderKeyPair,
): Promise<Console> {
  const db = new SafetrailDb(`wizard-${crypto.randomUUID()}`);
  const signing = await generateSigningKeyPair(false);
  const own = reader ?? (await generateReaderKeyPair());
  const device: DeviceRecord = {
    key: 'self',
    deviceId: `dev-${name}`,
    schoolId: 'sch1',
    schoolName: 'Gracefield School',
    endpoint: 'https://school.example',
    name: `${name}’s console`,
    role: 'dsl',
    signingKey: signing.privateKey,
    publicKey: await exportPublicJwk(signing.publicKey),
    pinnedFingerprint: 'fp',
    recipientSet: {
      version: 1,
      school: 'sch1',
      schoolName: 'Gracefield School',
      readers: [own, ...readers].map((r) => ({
        kid: r.kid,
        publicKey: r.publicKey,
        name,
        role: 'dsl',
      })),
    } as unknown as SignedRecipientSet,
    nextSeq: 1,
    enrolledAt: '2025-01-01T00:00:00.000Z',
  };
  await saveDevice(db, device);
  return {
    db,
    device,
    reader: own,
    keys: { schoolId: 'sch1', reader: { kid: own.kid, privateKey: own.privateKey } },
  };
}

const info = (c: Console): DeviceInfo =>
  ({ id: c.device.deviceId, name: c.device.name, publicKey: c.device.publicKey }) as DeviceInfo;

let consoles: Console[] = [];
beforeEach(() => void (consoles = []));
afterEach(async () => {
  for (const c of consoles) await c.db.delete();
});

/** A tablet's sealed incident record, made the way a tablet makes it. */
async function tabletRecord(readers: ReaderKeyPair[], incidentId: string) {
  const keys = await generateSigningKeyPair(false);
  const envelope = await sealEnvelope(
    {
      id: ulid(),
      school: 'sch1',
      device: 'tablet-1',
      seq: 1,
      kind: 'incident.created',
      created: new Date(Date.now() - 60_000).toISOString(),
      recipientSet: 1,
    },
    {
      type: 'incident.created',
      incidentId,
      recordedAt: new Date().toISOString(),
      recordedBy: 'Sam Teacher',
      fields: {
        what: 'Images shared in a group chat',
        where: 'Year 9 form room',
        category: {
          id: 'inappropriate-contact-grooming',
          label: 'Inappropriate contact or suspected grooming',
        },
      },
    },
    readers.map((r) => ({ kid: r.kid, publicKey: r.publicKey })),
    keys.privateKey,
  );
  const device = {
    id: 'tablet-1',
    name: 'Year 9 tablet',
    publicKey: await exportPublicJwk(keys.publicKey),
  } as DeviceInfo;
  return { envelope, device };
}

/** Walks illegal → yes → police checklist (one done, one not done) → continue. */
async function walkAndSeal(c: Console, incidentId: string, walkId: string) {
  const ctx: WalkContext = {
    walkId,
    incidentId,
    flowchart: chart,
    packVersion: '1.0.0',
    dslName: 'Dana Lead',
  };
  const now = new Date();
  let walk = startWalk(chart);
  const step1 = answer(walk, 'yes');
  if (!step1.ok) throw new Error(step1.error.message);
  walk = step1.walk;
  await sealInOrder(
    c.db,
    'step.answered',
    decisionPayload(
      ctx,
      walk,
      {
        prompt: 'Was illegal material or activity found or suspected?',
        label: 'Yes, found or suspected',
        requiresReason: false,
      },
      now,
    ),
  );
  const police = chart.nodes.police!;
  if (police.kind !== 'action') throw new Error('police is an action');
  await sealInOrder(
    c.db,
    'action.recorded',
    actionPayload(
      ctx,
      { id: 'police', title: police.title },
      police.steps[0]!,
      { status: 'done', by: 'Dana Lead', at: now, reason: '' },
      now,
    ),
  );
  await sealInOrder(
    c.db,
    'action.recorded',
    actionPayload(
      ctx,
      { id: 'police', title: police.title },
      police.steps[2]!,
      { status: 'not-done', by: 'Dana Lead', at: now, reason: 'The police took the device first.' },
      now,
    ),
  );
  const step2 = proceed(walk);
  if (!step2.ok) throw new Error(step2.error.message);
  await sealInOrder(
    c.db,
    'step.answered',
    decisionPayload(
      ctx,
      step2.walk,
      { prompt: police.title, label: 'Checklist recorded, moved on', requiresReason: false },
      now,
    ),
  );
}

const outboxEnvelopes = async (db: SafetrailDb) =>
  (await createOutboxStore(db).listDue(Number.POSITIVE_INFINITY, 100)).map(
    (i) => JSON.parse(i.envelope) as Envelope,
  );

const pulled = (envelopes: Envelope[]) =>
  envelopes.map((envelope, i) => ({
    logIndex: i + 1,
    receivedAt: new Date().toISOString(),
    envelope,
  }));

describe('wizard events, sealed and read back', () => {
  it('reads its own events from the outbox while offline, and resumes the walk from them', async () => {
    const dsl = await makeConsole('Dana', []);
    consoles.push(dsl);
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
    const dsl = await makeConsole('Dana', []);
    consoles.push(dsl);
    await walkAndSeal(dsl, 'inc-1', ulid());
    const envelopes = await outboxEnvelopes(dsl.db);
    await addPulled(dsl.db, pulled(envelopes.slice(0, 2)));
    const opened = await openConsoleEvents(dsl.db, dsl.keys, dsl.device, [info(dsl)]);
    expect(opened.events.map((e) => e.pending)).toEqual([false, false, true, true]);
  });

  it('cannot check a tablet’s signature without the device list, and says so', async () => {
    const dsl = await makeConsole('Dana', []);
    consoles.push(dsl);
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
    const dana = await makeConsole('Dana', []);
    const rob = await makeConsole('Rob', []);
    consoles.push(dana, rob);
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

  it('opens a pulled page ahead with the same checks, and leaves what fails to the full read', async () => {
    const dsl = await makeConsole('Dana', []);
    consoles.push(dsl);
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
    const dsl = await makeConsole('Dana', []);
    consoles.push(dsl);
    const tablet = await tabletRecord([dsl.reader], 'inc-1');
    const [item] = pulled([tablet.envelope]);
    await addPulled(dsl.db, [item!]);
    // The same envelope again in a later page (a duplicate the inbox did not store).
    await openAhead(dsl.keys, dsl.device, [tablet.device], [{ ...item!, logIndex: 7 }]);
    const opened = await openConsoleEvents(dsl.db, dsl.keys, dsl.device, [tablet.device]);
    expect(opened.events.map((e) => e.logIndex)).toEqual([1]);
  });
});
