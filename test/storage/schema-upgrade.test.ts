/**
 * A tablet that has run the spine (schema v1) upgrades to v2 in place: its queued and
 * delivered records and its drafts are kept, the new indexes cover them, and the new
 * tables for evidence and trip rosters exist. The v1 database is built with the raw
 * IndexedDB API, exactly as Dexie laid it out (Dexie stores version n as n * 10).
 */
import { describe, expect, it } from 'vitest';
import { SafetrailDb } from '../../src/storage/db.ts';
import { getDraft } from '../../src/storage/draft-repo.ts';
import { listRecent, outboxSummary } from '../../src/storage/outbox-repo.ts';
import { fakeEnvelope, outboxRecordFor } from '../unit/sync/fixtures.ts';
import { sealedBlob, uniqueName } from './support.ts';

function createV1(name: string, fill: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 10);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('device', { keyPath: 'key' });
      db.createObjectStore('profiles', { keyPath: 'id' });
      const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
      drafts.createIndex('profileId', 'profileId');
      drafts.createIndex('updatedAt', 'updatedAt');
      const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
      for (const i of ['state', 'seq', 'nextAttemptAt']) outbox.createIndex(i, i);
      db.createObjectStore('tombstones', { keyPath: 'id' }).createIndex(
        'deliveredAt',
        'deliveredAt',
      );
      db.createObjectStore('vault', { keyPath: 'key' });
      db.createObjectStore('inbox', { keyPath: 'logIndex' }).createIndex('id', 'id', {
        unique: true,
      });
      fill(req.transaction!);
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('schema v1 to v2', () => {
  it('keeps every queued record and draft, and adds the new tables', async () => {
    const name = uniqueName();
    const queued = await outboxRecordFor(fakeEnvelope({ seq: 2 }));
    const delivered = await outboxRecordFor(fakeEnvelope({ seq: 1 }));
    await createV1(name, (tx) => {
      tx.objectStore('outbox').put(queued);
      tx.objectStore('tombstones').put({
        id: delivered.id,
        seq: 1,
        kind: 'incident.created',
        reference: delivered.reference,
        createdAt: delivered.createdAt,
        deliveredAt: '2025-02-01T10:00:00.000Z',
        logIndex: 1,
        envelopeHash: delivered.hash,
        chainHead: 'h',
      });
      tx.objectStore('drafts').put({
        id: 'd1',
        profileId: 'p1',
        createdAt: 'x',
        updatedAt: 'x',
        wrappedKey: sealedBlob(),
        data: sealedBlob(),
      });
    });

    const db = new SafetrailDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(2);
      expect(await outboxSummary(db)).toMatchObject({ queued: 1, deliveredCount: 1 });
      expect((await listRecent(db, 10)).map((i) => [i.reference, i.status])).toEqual([
        [queued.reference, 'queued'],
        [delivered.reference, 'delivered'],
      ]);
      expect(await getDraft(db, 'd1')).toBeDefined();
      expect(await db.evidence.count()).toBe(0);
      expect(await db.rosters.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });
});
