/**
 * Sealing a record with its photos: one `incident.created` and, per photo, `evidence.added`
 * parts small enough for the endpoint, queued with the draft's destruction in one
 * transaction and counted as one incident. And the illegal-content guard below the screen:
 * neither storing nor sealing lets an image join an incident that may involve illegal
 * material, whatever the screen did.
 */
import { describe, expect, it } from 'vitest';
import { importAesKey } from '../../src/crypto/aead.ts';
import { concatBytes, fromBase64Url, randomBytes } from '../../src/crypto/bytes.ts';
import { openEnvelope, MAX_CIPHERTEXT_CHARS, type Envelope } from '../../src/crypto/envelope.ts';
import { sha256B64 } from '../../src/crypto/hash.ts';
import { generateReaderKeyPair } from '../../src/crypto/hpke.ts';
import { exportPublicJwk, generateSigningKeyPair } from '../../src/crypto/signing.ts';
import type { EvidenceAddedPayload } from '../../src/domain/evidence-payload.ts';
import { type PhotoRef } from '../../src/domain/evidence.ts';
import { IllegalContentGuardError } from '../../src/domain/illegal-content.ts';
import type { IncidentCreatedPayload, IncidentFields } from '../../src/domain/incident.ts';
import { saveDevice } from '../../src/storage/device-repo.ts';
import { getDraft } from '../../src/storage/draft-repo.ts';
import { listRecent, outboxSummary, waitingSince } from '../../src/storage/outbox-repo.ts';
import { createOutboxStore } from '../../src/storage/outbox-store.ts';
import type { SignedRecipientSet } from '../../src/sync/recipient-set.ts';
import { MAX_BODY_BYTES } from '../../src/sync/protocol.ts';
import { saveDraft, startDraft, type OpenDraft } from '../../src/ui/capture/drafts.ts';
import { storePhoto } from '../../src/ui/capture/photos.ts';
import { sealIncident } from '../../src/ui/capture/seal-incident.ts';
import { deviceRecord, useTestDb } from './support.ts';

const db = useTestDb();

async function setUp() {
  const keys = await generateSigningKeyPair(false);
  const reader = await generateReaderKeyPair();
  const device = await deviceRecord({
    signingKey: keys.privateKey,
    publicKey: await exportPublicJwk(keys.publicKey),
    recipientSet: {
      version: 1,
      readers: [{ kid: reader.kid, publicKey: reader.publicKey, name: 'Dana', role: 'dsl' }],
    } as unknown as SignedRecipientSet,
  });
  await saveDevice(db(), device);
  const staff = { profileId: 'p1', name: 'Sam Teacher', key: await importAesKey(randomBytes(32)) };
  const draft = await startDraft(db(), staff);
  const fields: IncidentFields = {
    ...draft.fields,
    what: 'Threats in a game chat',
    where: 'Science Museum',
  };
  return { device, staff, draft, fields, reader, devicePublicKey: keys.publicKey };
}

/** Random bytes of any size (getRandomValues gives at most 64 KiB at a time). */
function noise(size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let at = 0; at < size; at += 65_536) out.set(randomBytes(Math.min(65_536, size - at)), at);
  return out;
}

const image = (size: number) => {
  const bytes = noise(size);
  bytes.set([0xff, 0xd8, 0xff]);
  return { bytes, mediaType: 'image/jpeg' as const, width: 800, height: 600 };
};

async function attach(
  draft: OpenDraft,
  fields: IncidentFields,
  size: number,
): Promise<[IncidentFields, PhotoRef, Uint8Array]> {
  const img = image(size);
  const ref = await storePhoto(db(), draft, () => fields, img);
  return [{ ...fields, evidence: { ...fields.evidence, photos: [ref] } }, ref, img.bytes];
}

describe('sealing a record with photos', () => {
  it('sends each photo in parts well within the limits, linked to its incident', async () => {
    const s = await setUp();
    const [fields, ref, bytes] = await attach(s.draft, s.fields, 800_000);
    const reference = await sealIncident(db(), s.device, s.staff, s.draft, fields);

    const rows = await db().outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.kind)).toEqual([
      'incident.created',
      'evidence.added',
      'evidence.added',
      'evidence.added',
    ]);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set(rows.map((r) => r.reference))).toEqual(new Set([reference]));
    for (const r of rows) {
      const env = JSON.parse(r.envelope) as Envelope;
      expect(env.ct.length).toBeLessThan(MAX_CIPHERTEXT_CHARS / 2);
      expect(r.envelope.length * 4).toBeLessThan(MAX_BODY_BYTES);
    }
    // The draft and its encrypted photo are gone from the tablet.
    expect(await getDraft(db(), s.draft.id)).toBeUndefined();
    expect(await db().evidence.count()).toBe(0);

    // The DSL can open every part and rebuild exactly the photo the record lists.
    const open = async <T>(r: (typeof rows)[number]) =>
      (
        await openEnvelope<T>(
          JSON.parse(r.envelope),
          { kid: s.reader.kid, privateKey: s.reader.privateKey },
          s.devicePublicKey,
        )
      ).payload;
    const incident = await open<IncidentCreatedPayload>(rows[0]!);
    expect(incident.fields.evidence.photos).toEqual([ref]);
    const parts = await Promise.all(rows.slice(1).map((r) => open<EvidenceAddedPayload>(r)));
    expect(parts.map((p) => [p.incidentId, p.evidenceId, p.part, p.parts])).toEqual([
      [s.draft.id, ref.id, 0, 3],
      [s.draft.id, ref.id, 1, 3],
      [s.draft.id, ref.id, 2, 3],
    ]);
    const rebuilt = concatBytes(...parts.map((p) => fromBase64Url(p.data)));
    expect(rebuilt).toEqual(bytes);
    expect(await sha256B64(rebuilt)).toBe(ref.sha256);
  });

  it('counts and lists the incident once, delivered only when every part is', async () => {
    const s = await setUp();
    const [fields] = await attach(s.draft, s.fields, 500_000);
    const reference = await sealIncident(db(), s.device, s.staff, s.draft, fields);
    const rows = await db().outbox.orderBy('seq').toArray();
    expect(rows).toHaveLength(3);
    expect((await outboxSummary(db())).queued).toBe(1);
    expect(await waitingSince(db())).toBe(rows[0]!.createdAt);
    expect(await listRecent(db(), 10)).toMatchObject([{ reference, status: 'queued' }]);

    const store = createOutboxStore(db());
    const receipt = (id: string, hash: string, i: number) => ({
      v: 1 as const,
      school: 'sch1',
      id,
      envelopeHash: hash,
      logIndex: i,
      chainHead: `h${i}`,
      receivedAt: `2025-02-01T10:0${i}:00.000Z`,
      sig: 's',
    });
    await store.acknowledge(rows[0]!.id, receipt(rows[0]!.id, rows[0]!.hash, 1), 0);
    await store.acknowledge(rows[1]!.id, receipt(rows[1]!.id, rows[1]!.hash, 2), 0);
    expect(await listRecent(db(), 10)).toMatchObject([{ reference, status: 'queued' }]);
    expect(await outboxSummary(db())).toMatchObject({ queued: 1, deliveredCount: 0 });
    await store.acknowledge(rows[2]!.id, receipt(rows[2]!.id, rows[2]!.hash, 3), 0);
    expect(await listRecent(db(), 10)).toEqual([
      {
        id: rows[0]!.id,
        reference,
        createdAt: rows[0]!.createdAt,
        status: 'delivered',
        deliveredAt: '2025-02-01T10:03:00.000Z',
      },
    ]);
    expect(await outboxSummary(db())).toMatchObject({ queued: 0, deliveredCount: 1 });
    expect(await waitingSince(db())).toBeNull();
  });
});

describe('the illegal-content guard below the screen', () => {
  it.each([
    ['marked by the teacher', (f: IncidentFields) => ({ ...f, suspectedIllegal: true })],
    [
      'in a category the policy flags',
      (f: IncidentFields) => ({
        ...f,
        category: {
          id: 'iioc',
          label: 'Indecent images',
          area: 'content' as const,
          suspectedIllegal: true,
          dataBreach: false,
        },
      }),
    ],
  ])('refuses to seal an incident %s that still names a photo', async (_how, mark) => {
    const s = await setUp();
    const [fields] = await attach(s.draft, s.fields, 1_000);
    const marked = mark(fields);
    await expect(sealIncident(db(), s.device, s.staff, s.draft, marked)).rejects.toBeInstanceOf(
      IllegalContentGuardError,
    );
    expect(await db().outbox.count()).toBe(0);
    expect(await getDraft(db(), s.draft.id)).toBeDefined();
  });

  it('refuses to store a photo for a marked incident, by the screen’s or the saved record', async () => {
    const s = await setUp();
    const marked = { ...s.fields, suspectedIllegal: true };
    await expect(storePhoto(db(), s.draft, () => marked, image(1_000))).rejects.toBeInstanceOf(
      IllegalContentGuardError,
    );
    // Another tab marked and saved it; this screen's copy is stale.
    await saveDraft(db(), s.staff, s.draft, marked);
    await expect(storePhoto(db(), s.draft, () => s.fields, image(1_000))).rejects.toBeInstanceOf(
      IllegalContentGuardError,
    );
    expect(await db().evidence.count()).toBe(0);
  });

  it('refuses a photo whose incident is marked while it is being encrypted', async () => {
    const s = await setUp();
    let calls = 0;
    // Unmarked when the photo is chosen, marked by the time it is ready to store.
    const latest = () => (++calls > 1 ? { ...s.fields, suspectedIllegal: true } : s.fields);
    await expect(storePhoto(db(), s.draft, latest, image(300_000))).rejects.toBeInstanceOf(
      IllegalContentGuardError,
    );
    expect(await db().evidence.count()).toBe(0);
  });
});
