/**
 * Photos at rest: chunked, encrypted under the draft key with each chunk bound to its
 * draft, photo and place, never plaintext in any store, and deleted with their draft
 * (discarded, sealed, or its owner's profile wiped) in the same transaction.
 */
import { describe, expect, it } from 'vitest';
import { importAesKey, type Sealed } from '../../src/crypto/aead.ts';
import { randomBytes, toBase64Url, utf8 } from '../../src/crypto/bytes.ts';
import {
  decryptEvidence,
  encryptEvidence,
  EVIDENCE_CHUNK_BYTES,
} from '../../src/crypto/evidence.ts';
import { deleteDraft, getDraft, putDraft } from '../../src/storage/draft-repo.ts';
import { StorageFullError } from '../../src/storage/errors.ts';
import { deleteEvidence, getEvidence, putEvidence } from '../../src/storage/evidence-repo.ts';
import { InvalidRecordError } from '../../src/storage/guards.ts';
import { queueSealedMany } from '../../src/storage/outbox-queue.ts';
import { deleteProfile, saveProfile } from '../../src/storage/profile-repo.ts';
import { putRoster } from '../../src/storage/roster-repo.ts';
import type { DraftRecord } from '../../src/storage/records.ts';
import { fakeEnvelope, outboxRecordFor } from '../unit/sync/fixtures.ts';
import { salt, sealedBlob, useTestDb } from './support.ts';

const db = useTestDb();

/** The photos (evidence ids) stored for a draft. */
const photosOf = async (draftId: string) => [
  ...new Set(
    (await db().evidence.where('draftId').equals(draftId).toArray()).map((r) => r.evidenceId),
  ),
];
const MARKER = 'IMAGE-BYTES-MARKER-5kq';

const draft = (id: string, profileId = 'p1'): DraftRecord => ({
  id,
  profileId,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  wrappedKey: sealedBlob(),
  data: sealedBlob(),
});

/** Random bytes of any size (getRandomValues gives at most 64 KiB at a time). */
function noise(size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  for (let at = 0; at < size; at += 65_536) out.set(randomBytes(Math.min(65_536, size - at)), at);
  return out;
}

/** An "image" of `size` bytes with the marker written at the start of every chunk. */
function image(size: number): Uint8Array<ArrayBuffer> {
  const bytes = noise(size);
  for (let at = 0; at + MARKER.length <= size; at += EVIDENCE_CHUNK_BYTES) {
    bytes.set(utf8(MARKER), at);
  }
  return bytes;
}

async function dumpAll(): Promise<string> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db().tables) dump[table.name] = await table.toArray();
  return JSON.stringify(dump, (_k, v: unknown) => (v instanceof CryptoKey ? '[CryptoKey]' : v));
}

describe('evidence chunks at rest', () => {
  it('round-trips a multi-chunk photo and stores no byte of it in the clear', async () => {
    const key = await importAesKey(randomBytes(32));
    await putDraft(db(), draft('d1'));
    const photo = image(2 * EVIDENCE_CHUNK_BYTES + 1000);
    await putEvidence(db(), 'd1', 'e1', await encryptEvidence('d1', 'e1', key, photo));

    expect(await db().evidence.count()).toBe(3);
    const back = await decryptEvidence('d1', 'e1', key, await getEvidence(db(), 'd1', 'e1'));
    expect(back).toEqual(photo);
    const dump = await dumpAll();
    expect(dump).not.toContain(MARKER);
    expect(dump).not.toContain(toBase64Url(utf8(MARKER)).slice(0, 16));
    // Positive control: the scan finds the marker when it is there.
    expect(JSON.stringify({ x: new TextDecoder().decode(photo.slice(0, 30)) })).toContain(MARKER);
  });

  it.each([
    ['reordered', (c: Sealed[]) => [c[1]!, c[0]!, c[2]!]],
    ['cut short', (c: Sealed[]) => c.slice(0, 2)],
    ['from another photo', (c: Sealed[], other: Sealed[]) => [other[0]!, c[1]!, c[2]!]],
  ])('refuses chunks that were %s', async (_name, tamper) => {
    const key = await importAesKey(randomBytes(32));
    const chunks = await encryptEvidence('d1', 'e1', key, image(2 * EVIDENCE_CHUNK_BYTES + 10));
    const other = await encryptEvidence('d1', 'e2', key, image(EVIDENCE_CHUNK_BYTES));
    await expect(decryptEvidence('d1', 'e1', key, tamper(chunks, other))).rejects.toThrow(
      /could not be decrypted/,
    );
  });

  it('refuses chunks moved to another draft', async () => {
    const key = await importAesKey(randomBytes(32));
    const chunks = await encryptEvidence('d1', 'e1', key, image(100));
    await expect(decryptEvidence('d2', 'e1', key, chunks)).rejects.toThrow(
      /could not be decrypted/,
    );
    await putDraft(db(), draft('d1'));
    await putEvidence(db(), 'd1', 'e1', chunks);
    expect(await getEvidence(db(), 'd2', 'e1')).toEqual([]);
  });

  it('refuses anything that is not ciphertext, and evidence for a draft that is gone', async () => {
    await putDraft(db(), draft('d1'));
    await expect(
      putEvidence(db(), 'd1', 'e1', [{ iv: 'short', ct: MARKER } as Sealed]),
    ).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(putEvidence(db(), 'gone', 'e1', [sealedBlob()])).rejects.toThrow(
      /submitted or discarded/,
    );
    expect(await db().evidence.count()).toBe(0);
  });

  it('reports a full disk plainly and stores no partial photo', async () => {
    await putDraft(db(), draft('d1'));
    const original = db().evidence.bulkAdd.bind(db().evidence);
    db().evidence.bulkAdd = (() =>
      Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as never;
    const error = await putEvidence(db(), 'd1', 'e1', [sealedBlob(), sealedBlob()]).catch(
      (e: unknown) => e,
    );
    db().evidence.bulkAdd = original;
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await db().evidence.count()).toBe(0);
    expect(await getDraft(db(), 'd1')).toBeDefined();
  });

  it('deletes one photo, or all of a draft’s photos with the draft', async () => {
    await putDraft(db(), draft('d1'));
    await putDraft(db(), draft('d2'));
    await putEvidence(db(), 'd1', 'e1', [sealedBlob(), sealedBlob()]);
    await putEvidence(db(), 'd1', 'e2', [sealedBlob()]);
    await putEvidence(db(), 'd2', 'e3', [sealedBlob()]);
    await deleteEvidence(db(), 'e2');
    expect(await photosOf('d1')).toEqual(['e1']);
    await deleteDraft(db(), 'd1');
    expect(await getDraft(db(), 'd1')).toBeUndefined();
    expect(await photosOf('d1')).toEqual([]);
    expect(await photosOf('d2')).toEqual(['e3']);
  });

  it('goes with its draft when the draft is sealed, and stays if queueing fails', async () => {
    await putDraft(db(), draft('d1'));
    await putEvidence(db(), 'd1', 'e1', [sealedBlob()]);
    const first = await outboxRecordFor(fakeEnvelope({ seq: 1 }));
    const clash = await outboxRecordFor(fakeEnvelope({ seq: 2, id: first.id }));
    await expect(queueSealedMany(db(), [first, clash], 'd1')).rejects.toThrow();
    expect(await db().outbox.count()).toBe(0);
    expect(await getDraft(db(), 'd1')).toBeDefined();
    expect(await photosOf('d1')).toEqual(['e1']);

    const second = await outboxRecordFor(fakeEnvelope({ seq: 2 }));
    await queueSealedMany(db(), [first, second], 'd1');
    expect(await db().outbox.count()).toBe(2);
    expect(await getDraft(db(), 'd1')).toBeUndefined();
    expect(await db().evidence.count()).toBe(0);
  });

  it('goes, with the drafts and rosters, when a profile is wiped, and only that profile’s', async () => {
    for (const id of ['p1', 'p2']) {
      await saveProfile(db(), {
        id,
        name: id,
        salt: salt(),
        iterations: 1,
        wrappedKey: sealedBlob(),
        createdAt: 'x',
        failedAttempts: 0,
      });
      await putDraft(db(), draft(`d-${id}`, id));
      await putEvidence(db(), `d-${id}`, `e-${id}`, [sealedBlob()]);
      await putRoster(db(), {
        id: `r-${id}`,
        profileId: id,
        createdAt: 'x',
        endsOn: '2099-01-01',
        data: sealedBlob(),
      });
    }
    await deleteProfile(db(), 'p1');
    expect((await db().drafts.toArray()).map((d) => d.id)).toEqual(['d-p2']);
    expect((await db().evidence.toArray()).map((e) => e.evidenceId)).toEqual(['e-p2']);
    expect((await db().rosters.toArray()).map((r) => r.id)).toEqual(['r-p2']);
  });
});
