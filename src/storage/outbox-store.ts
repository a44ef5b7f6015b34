/**
 * The Dexie-backed OutboxStore the upload engine drives (interface and state machine in
 * src/sync/outbox.ts). Each method is one transaction. Rows in `quarantined` or `rejected`
 * are terminal: no method here changes or deletes them, and the only delete in this file
 * is acknowledge's, which needs a receipt for exactly the bytes the row holds.
 */
import type { OutboxItem, OutboxStore } from '../sync/outbox.ts';
import type { Receipt } from '../sync/receipt.ts';
import type { SafetrailDb } from './db.ts';
import { guardRead, guardWrite } from './errors.ts';
import type { OutboxRecord, TombstoneRecord } from './records.ts';

const isPending = (r: OutboxRecord | undefined): r is OutboxRecord =>
  r?.state === 'sealed' || r?.state === 'uploading';

const toItem = (r: OutboxRecord): OutboxItem => ({
  id: r.id,
  seq: r.seq,
  envelope: r.envelope,
  hash: r.hash,
  attempts: r.attempts,
  school: r.school,
});

export function createOutboxStore(db: SafetrailDb): OutboxStore {
  /** Applies `change` to each pending row among `ids`, in one transaction. */
  const updatePending = (ids: string[], change: (r: OutboxRecord) => Partial<OutboxRecord>) =>
    guardWrite(() =>
      db.transaction('rw', db.outbox, async () => {
        const rows = (await db.outbox.bulkGet(ids)).filter(isPending);
        if (rows.length) await db.outbox.bulkPut(rows.map((r) => ({ ...r, ...change(r) })));
      }),
    );

  return {
    async listDue(now, limit) {
      const rows = await guardRead(() =>
        db.outbox
          .orderBy('seq')
          .filter((r) => isPending(r) && r.nextAttemptAt <= now)
          .limit(limit)
          .toArray(),
      );
      return rows.map(toItem);
    },

    markUploading: (ids, now) =>
      updatePending(ids, (r) => ({
        state: 'uploading',
        attempts: r.attempts + 1,
        lastAttemptAt: now,
      })),

    async acknowledge(id: string, receipt: Receipt, now: number) {
      await guardWrite(() =>
        db.transaction('rw', db.outbox, db.tombstones, async () => {
          const row = await db.outbox.get(id);
          if (!isPending(row)) return;
          if (receipt.id !== id || receipt.envelopeHash !== row.hash) {
            // The engine verifies before calling; reaching this means a bug, and deleting
            // on a receipt for other bytes would lose the record, so refuse loudly.
            throw new Error(`Receipt does not match outbox item ${id}; the item was kept.`);
          }
          const received = Date.parse(receipt.receivedAt);
          const tombstone: TombstoneRecord = {
            id,
            seq: row.seq,
            kind: row.kind,
            reference: row.reference,
            createdAt: row.createdAt,
            deliveredAt: Number.isNaN(received)
              ? new Date(now).toISOString()
              : new Date(received).toISOString(),
            logIndex: receipt.logIndex,
            envelopeHash: receipt.envelopeHash,
            chainHead: receipt.chainHead,
          };
          await db.tombstones.put(tombstone);
          await db.outbox.delete(id);
        }),
      );
    },

    quarantine: (id, reason) =>
      updatePending([id], () => ({ state: 'quarantined', lastError: reason })),

    reject: (id, reason) => updatePending([id], () => ({ state: 'rejected', lastError: reason })),

    retryLater: (ids, error, nextAttemptAt) =>
      updatePending(ids, () => ({ state: 'sealed', lastError: error, nextAttemptAt })),

    countPending: () =>
      guardRead(() => db.outbox.where('state').anyOf('sealed', 'uploading').count()),
  };
}
