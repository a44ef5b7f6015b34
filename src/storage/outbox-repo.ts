/**
 * The outbox as the teacher's screens see it: the counts for the sync badge, how long the
 * oldest record has waited, and the merged "sent and waiting" list. An incident with
 * photos is several envelopes (the record and its photo parts) sharing one ST-XXXXXX
 * reference; these views count and list incidents by that reference, so a teacher sees one
 * line per incident, delivered only when every part is. Queueing a sealed envelope is
 * outbox-queue.ts (loaded only when something is submitted); the engine's view of the
 * table is outbox-store.ts, re-exported here so callers need one import.
 */
import type { Collection } from 'dexie';
import type { SafetrailDb } from './db.ts';
import { guardRead } from './errors.ts';
import type { OutboxRecord, OutboxState, TombstoneRecord } from './records.ts';

export { createOutboxStore } from './outbox-store.ts';

export interface OutboxSummary {
  /** Incidents waiting to be delivered (sealed + uploading). */
  queued: number;
  quarantined: number;
  rejected: number;
  lastDeliveredAt: string | null;
  /** Incidents all of whose envelopes have been delivered. */
  deliveredCount: number;
}

export async function outboxSummary(db: SafetrailDb): Promise<OutboxSummary> {
  return guardRead(() => summaryOf(db));
}

function summaryOf(db: SafetrailDb): Promise<OutboxSummary> {
  return db.transaction('r', db.outbox, db.tombstones, async () => {
    // Keys only: the index holds [state, reference], so no envelope is read.
    const pairs = (await db.outbox.orderBy('[state+reference]').uniqueKeys()) as unknown as [
      OutboxState,
      string,
    ][];
    const refs = (...states: OutboxState[]) =>
      new Set(pairs.filter(([s]) => states.includes(s)).map(([, r]) => r));
    const waiting = refs('sealed', 'uploading', 'quarantined', 'rejected');
    const delivered = (await db.tombstones.orderBy('reference').uniqueKeys()).filter(
      (r) => !waiting.has(r as string),
    );
    const last = await db.tombstones.orderBy('deliveredAt').last();
    return {
      queued: refs('sealed', 'uploading').size,
      quarantined: refs('quarantined').size,
      rejected: refs('rejected').size,
      deliveredCount: delivered.length,
      lastDeliveredAt: last?.deliveredAt ?? null,
    };
  });
}

/** When the oldest envelope still waiting to be delivered was sealed, or null if none. */
export async function waitingSince(db: SafetrailDb): Promise<string | null> {
  const oldest = await guardRead(() =>
    db.outbox
      .orderBy('seq')
      .filter((r) => r.state === 'sealed' || r.state === 'uploading')
      .first(),
  );
  return oldest?.createdAt ?? null;
}

export interface RecentItem {
  id: string;
  reference: string;
  createdAt: string;
  status: 'queued' | 'delivered' | 'quarantined' | 'rejected';
  deliveredAt?: string;
  lastError?: string;
}

/** The row that stands for its group: the incident itself, else the earliest envelope. */
const lead = <T extends { id: string; kind: string }>(rows: T[]): T =>
  rows.find((r) => r.kind === 'incident.created') ??
  [...rows].sort((a, b) => a.id.localeCompare(b.id))[0]!;

function fromOutbox(rows: OutboxRecord[]): RecentItem {
  // A part that needs a person outweighs parts still waiting.
  const worst =
    rows.find((r) => r.state === 'quarantined') ?? rows.find((r) => r.state === 'rejected');
  const first = lead(rows);
  const shown = worst ?? rows.find((r) => r.lastError) ?? first;
  const status = worst ? (worst.state as 'quarantined' | 'rejected') : 'queued';
  const item: RecentItem = {
    id: first.id,
    reference: first.reference,
    createdAt: first.createdAt,
    status,
  };
  if (shown.lastError) item.lastError = shown.lastError;
  return item;
}

function fromTombstones(rows: TombstoneRecord[]): RecentItem {
  const first = lead(rows);
  return {
    id: first.id,
    reference: first.reference,
    createdAt: first.createdAt,
    status: 'delivered',
    deliveredAt: rows
      .map((t) => t.deliveredAt)
      .sort()
      .at(-1)!,
  };
}

/** The rows of the newest `limit` references, reading newest first and stopping there. */
async function newestGroups<T extends { reference: string }>(
  rows: Collection<T, string>,
  limit: number,
): Promise<Map<string, T[]>> {
  const groups = new Map<string, T[]>();
  await rows
    .until((r) => !groups.has(r.reference) && groups.size >= limit)
    .each((r) => groups.set(r.reference, [...(groups.get(r.reference) ?? []), r]));
  return groups;
}

const newestFirst = (a: RecentItem, b: RecentItem) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/**
 * The teacher's "sent and waiting" list: queued, delivered and problem incidents, newest
 * first, at most `limit`. Ids are ULIDs, so reading each table in reverse key order
 * touches only the newest rows instead of every stored envelope.
 */
export async function listRecent(db: SafetrailDb, limit: number): Promise<RecentItem[]> {
  if (limit <= 0) return [];
  return guardRead(() => recentOf(db, limit));
}

function recentOf(db: SafetrailDb, limit: number): Promise<RecentItem[]> {
  return db.transaction('r', db.outbox, db.tombstones, async () => {
    const waiting = await newestGroups(db.outbox.reverse(), limit);
    const delivered = await newestGroups(db.tombstones.reverse(), limit);
    const items = [...waiting.values()].map(fromOutbox);
    for (const [reference, rows] of delivered) {
      // Partly delivered is still waiting: it is listed from the outbox.
      if (!waiting.has(reference)) items.push(fromTombstones(rows));
    }
    return items.sort(newestFirst).slice(0, limit);
  });
}

/** Every quarantined or rejected item, newest first: these need a person, however old. */
export async function listProblems(db: SafetrailDb): Promise<RecentItem[]> {
  const rows = await guardRead(() =>
    db.outbox.where('state').anyOf('quarantined', 'rejected').toArray(),
  );
  return rows.map((r) => fromOutbox([r])).sort(newestFirst);
}
