/**
 * The outbox as the teacher's screens see it: queueing a freshly sealed envelope (and
 * destroying its draft in the same transaction), the counts for the sync badge, and the
 * merged "sent and waiting" list. The engine's view of the same table is outbox-store.ts,
 * re-exported here so callers need one import.
 *
 * Rows hold only the sealed envelope and metadata. queueSealed checks the envelope is
 * well-formed canonical JSON whose hash and header match the row, so nothing that is not
 * an envelope (for example a payload someone forgot to seal) can be queued.
 */
import { canonicalJson } from '../crypto/canonical-json.ts';
import { envelopeHash, envelopeProblems, type Envelope } from '../crypto/envelope-format.ts';
import { isEventKind } from '../domain/events.ts';
import type { SafetrailDb } from './db.ts';
import { guardWrite } from './errors.ts';
import { check, int, InvalidRecordError } from './guards.ts';
import type { OutboxRecord, TombstoneRecord } from './records.ts';

export { createOutboxStore } from './outbox-store.ts';

const REFERENCE = /^ST-[0-9A-Z]{6}$/;

async function checkedRow(r: OutboxRecord): Promise<OutboxRecord> {
  let env: Envelope;
  try {
    env = JSON.parse(r.envelope) as Envelope;
  } catch {
    throw new InvalidRecordError('an outbox item whose envelope is not JSON');
  }
  const problems = envelopeProblems(env);
  check(
    problems.length === 0,
    `an outbox item that is not a sealed envelope (${problems.join('; ')})`,
  );
  check(canonicalJson(env) === r.envelope, 'an outbox item whose envelope is not canonical JSON');
  check(
    env.id === r.id && env.school === r.school && env.seq === r.seq && env.kind === r.kind,
    'an outbox item whose row does not match its envelope header',
  );
  check(
    (await envelopeHash(env)) === r.hash,
    'an outbox item whose hash is not the hash of its envelope',
  );
  check(isEventKind(r.kind) && r.state === 'sealed', 'an outbox item that is not freshly sealed');
  check(REFERENCE.test(r.reference), 'an outbox item whose reference is not of the form ST-XXXXXX');
  check(
    int(r.attempts, 'attempts') >= 0 && int(r.nextAttemptAt, 'nextAttemptAt') >= 0,
    'an outbox item with bad retry counters',
  );
  return {
    id: r.id,
    seq: r.seq,
    kind: r.kind,
    school: r.school,
    createdAt: String(r.createdAt),
    state: 'sealed',
    envelope: r.envelope,
    hash: r.hash,
    attempts: r.attempts,
    lastAttemptAt: null,
    nextAttemptAt: r.nextAttemptAt,
    lastError: null,
    reference: r.reference,
  };
}

/**
 * Adds the sealed envelope to the outbox and deletes the draft it came from, in ONE
 * transaction: if the add fails (duplicate id, full disk) the draft survives, and the
 * draft is never gone while its envelope is not queued.
 */
export async function queueSealed(
  db: SafetrailDb,
  record: OutboxRecord,
  draftIdToDestroy?: string,
): Promise<void> {
  const row = await checkedRow(record);
  await guardWrite(() =>
    db.transaction('rw', db.outbox, db.drafts, async () => {
      await db.outbox.add(row);
      if (draftIdToDestroy !== undefined) await db.drafts.delete(draftIdToDestroy);
    }),
  );
}

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
