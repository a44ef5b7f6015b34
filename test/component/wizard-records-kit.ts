/**
 * What the wizard-records tests share: DSL consoles with their own databases (Dexie on
 * fake-indexeddb) and reader keys, a tablet's sealed incident record made the way a tablet
 * makes it, a walk through the illegal-material flowchart sealed into a console's outbox,
 * and the outbox and pull shapes the tests read back.
 */
import { afterEach, beforeEach } from 'vitest';
import type { UnlockedDslKeys } from '../../src/crypto/dsl-keys.ts';
import { sealEnvelope, type Envelope } from '../../src/crypto/envelope.ts';
import { generateReaderKeyPair, type ReaderKeyPair } from '../../src/crypto/hpke.ts';
import { exportPublicJwk, generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { ulid } from '../../src/domain/ulid.ts';
import { answer, proceed, startWalk } from '../../src/policy/flowchart.ts';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { SafetrailDb } from '../../src/storage/db.ts';
import { saveDevice } from '../../src/storage/device-repo.ts';
import { createOutboxStore } from '../../src/storage/outbox-repo.ts';
import type { DeviceRecord } from '../../src/storage/records.ts';
import type { DeviceInfo } from '../../src/sync/protocol.ts';
import type { SignedRecipientSet } from '../../src/sync/recipient-set.ts';
import { sealInOrder } from '../../src/ui/wizard/sending.ts';
import {
  actionPayload,
  decisionPayload,
  type WalkContext,
} from '../../src/ui/wizard/walk-state.ts';

export const chart = defaultPack.flowcharts.find((f) => f.id === 'gracefield-illegal')!;

export interface Console {
  db: SafetrailDb;
  device: DeviceRecord;
  keys: UnlockedDslKeys;
  reader: ReaderKeyPair;
}

/** A DSL's console (its device record and reader key), with its own database. */
async function makeConsole(name: string): Promise<Console> {
  const db = new SafetrailDb(`wizard-${crypto.randomUUID()}`);
  const signing = await generateSigningKeyPair(false);
  const own = await generateReaderKeyPair();
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
      readers: [own].map((r) => ({
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

/** The console as the endpoint's device list names it. */
export const info = (c: Console): DeviceInfo =>
  ({ id: c.device.deviceId, name: c.device.name, publicKey: c.device.publicKey }) as DeviceInfo;

/** Registers the file's clean-up; the answer makes consoles, each deleted after its test. */
export function useConsoles(): (name: string) => Promise<Console> {
  let made: Console[] = [];
  beforeEach(() => void (made = []));
  afterEach(async () => {
    for (const c of made) await c.db.delete();
  });
  return async (name) => {
    const c = await makeConsole(name);
    made.push(c);
    return c;
  };
}

/** A tablet's sealed incident record, made the way a tablet makes it. */
export async function tabletRecord(readers: ReaderKeyPair[], incidentId: string) {
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
export async function walkAndSeal(c: Console, incidentId: string, walkId: string) {
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
  const checklist = [
    { step: police.steps[0]!, status: 'done', reason: '' },
    { step: police.steps[2]!, status: 'not-done', reason: 'The police took the device first.' },
  ] as const;
  for (const { step, status, reason } of checklist) {
    await sealInOrder(
      c.db,
      'action.recorded',
      actionPayload(
        ctx,
        { id: 'police', title: police.title },
        step,
        { status, by: 'Dana Lead', at: now, reason },
        now,
      ),
    );
  }
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

/** The envelopes waiting in a console's outbox. */
export const outboxEnvelopes = async (db: SafetrailDb) =>
  (await createOutboxStore(db).listDue(Number.POSITIVE_INFINITY, 100)).map(
    (i) => JSON.parse(i.envelope) as Envelope,
  );

/** Envelopes as a pull answers them, at log positions 1, 2, … */
export const pulled = (envelopes: Envelope[]) =>
  envelopes.map((envelope, i) => ({
    logIndex: i + 1,
    receivedAt: new Date().toISOString(),
    envelope,
  }));
