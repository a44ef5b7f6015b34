/**
 * The DSL console opening what it pulled: each incident with every part of the record, and
 * its photos rebuilt from parts that come from the same device and match the record.
 * Parts for an incident marked as possibly involving illegal material are never kept.
 */
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/crypto/bytes.ts';
import { sealEnvelope, type Envelope } from '../../src/crypto/envelope.ts';
import type { UnlockedDslKeys } from '../../src/crypto/dsl-keys.ts';
import { sha256B64 } from '../../src/crypto/hash.ts';
import { generateReaderKeyPair, type ReaderKeyPair } from '../../src/crypto/hpke.ts';
import { exportPublicJwk, generateSigningKeyPair } from '../../src/crypto/signing.ts';
import type { EventKind } from '../../src/domain/events.ts';
import { photoPayloads } from '../../src/domain/evidence-payload.ts';
import type { PhotoRef } from '../../src/domain/evidence.ts';
import { EMPTY_INCIDENT, type IncidentFields } from '../../src/domain/incident.ts';
import { ulid } from '../../src/domain/ulid.ts';
import { addPulled } from '../../src/storage/inbox-repo.ts';
import type { DeviceInfo } from '../../src/sync/protocol.ts';
import { openInbox, type OpenedIncident } from '../../src/ui/console/inbox.ts';
import { useTestDb } from './support.ts';

const db = useTestDb();

async function tabletDevice(id: string) {
  const keys = await generateSigningKeyPair(false);
  const info = {
    id,
    name: `Tablet ${id}`,
    role: 'tablet',
    publicKey: await exportPublicJwk(keys.publicKey),
  } as DeviceInfo;
  return { id, key: keys.privateKey, info, seq: 0 };
}
type Tablet = Awaited<ReturnType<typeof tabletDevice>>;

let logIndex = 0;
async function send(from: Tablet, reader: ReaderKeyPair, kind: EventKind, payload: unknown) {
  const envelope: Envelope = await sealEnvelope(
    {
      id: ulid(),
      school: 'sch1',
      device: from.id,
      seq: ++from.seq,
      kind,
      created: new Date().toISOString(),
      recipientSet: 1,
    },
    payload,
    [{ kid: reader.kid, publicKey: reader.publicKey }],
    from.key,
  );
  await addPulled(db(), [{ logIndex: ++logIndex, receivedAt: new Date().toISOString(), envelope }]);
}

async function photo(bytes: Uint8Array<ArrayBuffer>): Promise<PhotoRef> {
  return {
    id: ulid(),
    mediaType: 'image/png',
    bytes: bytes.length,
    width: 2,
    height: 2,
    sha256: await sha256B64(bytes),
    addedAt: new Date().toISOString(),
  };
}

const record = (what: string, change: Partial<IncidentFields> = {}): IncidentFields => ({
  ...EMPTY_INCIDENT,
  what,
  when: '2025-03-12T09:30',
  where: 'Museum',
  reportedBy: 'Sam',
  ...change,
});

async function incident(from: Tablet, reader: ReaderKeyPair, fields: IncidentFields) {
  const incidentId = ulid();
  await send(from, reader, 'incident.created', {
    type: 'incident.created',
    incidentId,
    fields,
    recordedAt: new Date().toISOString(),
    recordedBy: 'Sam',
  });
  return incidentId;
}

describe('opening the inbox', () => {
  it('joins each photo to its incident, and refuses parts that do not belong', async () => {
    const reader = await generateReaderKeyPair();
    const a = await tabletDevice('devA');
    const b = await tabletDevice('devB');
    const image = new Uint8Array(1000).map((_, i) => i % 256);
    const ref = await photo(image);
    const fields = record('With a photo', {
      evidence: { notes: '', webAddresses: '', devices: [], photos: [ref] },
    });
    const id = await incident(a, reader, fields);
    const [part] = photoPayloads(id, fields, ref, image, toBase64Url);
    await send(a, reader, 'evidence.added', part);
    // The same part again from another tablet, and one that claims different bytes.
    await send(b, reader, 'evidence.added', part);
    await send(a, reader, 'evidence.added', { ...part, sha256: 'not-the-digest' });
    // A part whose incident has not arrived yet.
    await send(a, reader, 'evidence.added', { ...part, incidentId: ulid() });

    const items = await openInbox(db(), { reader } as unknown as UnlockedDslKeys, [a.info, b.info]);
    const opened = items.filter((i): i is OpenedIncident => i.ok);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.fields.what).toBe('With a photo');
    expect(opened[0]!.photos).toEqual([{ ref, parts: [toBase64Url(image)] }]);
    const problems = items.filter((i) => !i.ok).map((i) => (i.ok ? '' : i.problem));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/sent by a different device: not shown/),
        expect.stringMatching(/does not match the record: not shown/),
        expect.stringMatching(/1 photo part has arrived before its incident record/),
      ]),
    );
  });

  it('keeps and shows no image part for an incident marked as possibly illegal', async () => {
    const reader = await generateReaderKeyPair();
    const a = await tabletDevice('devA');
    const image = new Uint8Array(10).fill(7);
    const ref = await photo(image);
    const plain = record('Was fine', {
      evidence: { notes: '', webAddresses: '', devices: [], photos: [ref] },
    });
    const id = await incident(a, reader, record('Possibly illegal', { suspectedIllegal: true }));
    // A device that ignored the guard: the console still does not keep or show it.
    const [part] = photoPayloads(id, plain, ref, image, toBase64Url);
    await send(a, reader, 'evidence.added', part);

    const [item] = await openInbox(db(), { reader } as unknown as UnlockedDslKeys, [a.info]);
    expect(item).toMatchObject({ ok: true, withheld: 1, photos: [] });
    expect(JSON.stringify(item)).not.toContain(toBase64Url(image));
  });

  it('reads a record from the spine’s four-field version', async () => {
    const reader = await generateReaderKeyPair();
    const a = await tabletDevice('devA');
    await send(a, reader, 'incident.created', {
      type: 'incident.created',
      incidentId: ulid(),
      fields: { what: 'Old', when: '2025-01-01T09:00', where: 'Hall', reportedBy: 'Sam' },
      recordedAt: new Date().toISOString(),
      recordedBy: 'Sam',
    });
    const [item] = await openInbox(db(), { reader } as unknown as UnlockedDslKeys, [a.info]);
    expect(item).toMatchObject({
      ok: true,
      fields: { what: 'Old', people: [], marking: 'OFFICIAL-SENSITIVE' },
      photos: [],
    });
  });
});
