/**
 * The outbox as the teacher's screens see it: the counts for the sync badge and the merged
 * "sent and waiting" list. Queueing a sealed envelope is outbox-queue.ts (loaded only when
 * something is submitted); the engine's view of the table is outbox-store.ts, re-exported
 * here so callers need one import.
 */
import type { SafetrailDb } from './db.ts';
import type { OutboxRecord, TombstoneRecord } from './records.ts';

export { createOutboxStore } from './outbox-store.ts';

export interface OutboxSummary {
  /** Waiting to be delivered (sealed + uploading). */
  queued: number;
  quarantined: number;
  rejected: number;
  lastDeliveredAt: string | null;
  deliveredCount: number;
}

export async function outboxSummary(db: SafetrailDb): Promise<OutboxSummary> {
  return db.transaction('r', db.outbox, db.tombstones, async () => {
    const queued = await db.outbox.where('state').anyOf('sealed', 'uploading').count();
    const quarantined = await db.outbox.where('state').equals('quarantined').count();
    const rejected = await db.outbox.where('state').equals('rejected').count();
    const deliveredCount = await db.tombstones.count();
    const last = await db.tombstones.orderBy('deliveredAt').last();
    return {
      queued,
      quarantined,
      rejected,
      deliveredCount,
      lastDeliveredAt: last?.deliveredAt ?? null,
    };
  });
}

export interface RecentItem {
  id: string;
  reference: string;
  createdAt: string;
  status: 'queued' | 'delivered' | 'quarantined' | 'rejected';
  deliveredAt?: string;
  lastError?: string;
}

function fromOutbox(r: OutboxRecord): RecentItem {
  const status = r.state === 'quarantined' || r.state === 'rejected' ? r.state : 'queued';
  const item: RecentItem = { id: r.id, reference: r.reference, createdAt: r.createdAt, status };
  if (r.lastError) item.lastError = r.lastError;
  return item;
}

function fromTombstone(t: TombstoneRecord): RecentItem {
  return {
    id: t.id,
    reference: t.reference,
    createdAt: t.createdAt,
    status: 'delivered',
    deliveredAt: t.deliveredAt,
  };
}

const newestFirst = (a: RecentItem, b: RecentItem) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/**
 * The teacher's "sent and waiting" list: queued, delivered and problem items, newest
 * first, at most `limit`. Ids are ULIDs, so reading each table in reverse key order
 * touches only the newest `limit` rows of each instead of every stored envelope.
 */
export async function listRecent(db: SafetrailDb, limit: number): Promise<RecentItem[]> {
  if (limit <= 0) return [];
  return db.transaction('r', db.outbox, db.tombstones, async () => {
    const waiting = await db.outbox.reverse().limit(limit).toArray();
    const delivered = await db.tombstones.reverse().limit(limit).toArray();
    return [...waiting.map(fromOutbox), ...delivered.map(fromTombstone)]
      .sort(newestFirst)
      .slice(0, limit);
  });
}

/** Every quarantined or rejected item, newest first: these need a person, however old. */
export async function listProblems(db: SafetrailDb): Promise<RecentItem[]> {
  const rows = await db.outbox.where('state').anyOf('quarantined', 'rejected').toArray();
  return rows.map(fromOutbox).sort(newestFirst);
}
