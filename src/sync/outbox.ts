/**
 * The outbox as the upload engine sees it: a queue of sealed envelopes with a small state
 * machine, behind an interface so the engine stays pure and testable. The real store is
 * Dexie-backed (src/storage/outbox-repo.ts); the in-memory one here serves unit tests.
 *
 *   sealed ──markUploading──► uploading ──acknowledge (verified receipt)──► deleted + tombstone
 *      ▲                          │  ├──quarantine (conflict)──► quarantined (kept forever)
 *      └────────retryLater────────┘  └──reject (endpoint refused)──► rejected (kept, shown)
 *
 * quarantined and rejected are terminal: no method moves or deletes them. An item left in
 * `uploading` by a crash is simply due again, because uploads are idempotent by id.
 */
import type { Receipt } from './receipt.ts';

export interface OutboxItem {
  id: string;
  seq: number;
  /** Canonical JSON of the sealed envelope, sent as-is. */
  envelope: string;
  /** envelopeHash of that envelope. */
  hash: string;
  attempts: number;
  school: string;
}

export interface OutboxStore {
  /** sealed|uploading items with nextAttemptAt <= now, in seq order. */
  listDue(now: number, limit: number): Promise<OutboxItem[]>;
  /** Moves items to `uploading` and counts the attempt. */
  markUploading(ids: string[], now: number): Promise<void>;
  /** Atomically deletes the row and writes a tombstone; a no-op if the row is already gone. */
  acknowledge(id: string, receipt: Receipt, now: number): Promise<void>;
  /** Kept forever, never deleted: the endpoint holds different bytes under this id. */
  quarantine(id: string, reason: string): Promise<void>;
  /** Kept and shown to the user, never deleted: the endpoint refused the envelope. */
  reject(id: string, reason: string): Promise<void>;
  /** Back to `sealed`, due again at nextAttemptAt. Missing rows are ignored. */
  retryLater(ids: string[], error: string, nextAttemptAt: number): Promise<void>;
  /** Items still to deliver (sealed + uploading). */
  countPending(): Promise<number>;
}

type MemoryState = 'sealed' | 'uploading' | 'quarantined' | 'rejected';

export interface MemoryOutboxRow extends OutboxItem {
  state: MemoryState;
  nextAttemptAt: number;
  lastError: string | null;
}

export interface MemoryOutboxStore extends OutboxStore {
  add(item: Omit<OutboxItem, 'attempts'> & { attempts?: number; nextAttemptAt?: number }): void;
  rows: Map<string, MemoryOutboxRow>;
  acknowledged: Map<string, Receipt>;
}

/** An in-memory OutboxStore with the same rules as the Dexie one, for pure engine tests. */
export function createMemoryOutboxStore(): MemoryOutboxStore {
  const rows = new Map<string, MemoryOutboxRow>();
  const acknowledged = new Map<string, Receipt>();
  const pending = (r: MemoryOutboxRow) => r.state === 'sealed' || r.state === 'uploading';
  const item = (r: MemoryOutboxRow): OutboxItem => ({
    id: r.id,
    seq: r.seq,
    envelope: r.envelope,
    hash: r.hash,
    attempts: r.attempts,
    school: r.school,
  });
  return {
    rows,
    acknowledged,
    add(i) {
      rows.set(i.id, {
        ...i,
        attempts: i.attempts ?? 0,
        state: 'sealed',
        nextAttemptAt: i.nextAttemptAt ?? 0,
        lastError: null,
      });
    },
    async listDue(now, limit) {
      return [...rows.values()]
        .filter((r) => pending(r) && r.nextAttemptAt <= now)
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit)
        .map(item);
    },
    async markUploading(ids) {
      for (const r of ids.map((id) => rows.get(id))) {
        if (r && pending(r)) Object.assign(r, { state: 'uploading', attempts: r.attempts + 1 });
      }
    },
    async acknowledge(id, receipt) {
      const r = rows.get(id);
      if (!r || !pending(r)) return;
      if (receipt.id !== id || receipt.envelopeHash !== r.hash) {
        throw new Error(`Receipt does not match outbox item ${id}; the item was kept.`);
      }
      rows.delete(id);
      acknowledged.set(id, receipt);
    },
    async quarantine(id, reason) {
      const r = rows.get(id);
      if (r && pending(r)) Object.assign(r, { state: 'quarantined', lastError: reason });
    },
    async reject(id, reason) {
      const r = rows.get(id);
      if (r && pending(r)) Object.assign(r, { state: 'rejected', lastError: reason });
    },
    async retryLater(ids, error, nextAttemptAt) {
      for (const r of ids.map((id) => rows.get(id))) {
        if (r && pending(r)) Object.assign(r, { state: 'sealed', lastError: error, nextAttemptAt });
      }
    },
    async countPending() {
      return [...rows.values()].filter(pending).length;
    },
  };
}
