/**
 * A DSL device's copy of the endpoint's log: sealed envelopes pulled by cursor, stored as
 * the canonical JSON the endpoint hashed, and opened only in memory after unlocking.
 * Pulling the same page twice (a retried request, two tabs) adds nothing twice. Envelopes a
 * DSL erased at the endpoint (retention) are removed here too, by following the school's
 * erasure log (erasure-cursor.ts keeps how far).
 */
import { canonicalJson } from '../crypto/canonical-json.ts';
import type { ErasureListResponse, PulledEnvelope } from '../sync/protocol.ts';
import type { SafetrailDb } from './db.ts';
import { advanceErasureCursor, erasureCursor } from './erasure-cursor.ts';
import { guardWrite } from './errors.ts';
import { check } from './guards.ts';
import type { InboxRecord } from './records.ts';

/**
 * Stores pulled envelopes, skipping any whose logIndex or id is already held. Returns how
 * many were new. The envelopes are kept byte for byte as canonical JSON; checking their
 * signatures and opening them is the reader's job.
 */
export async function addPulled(db: SafetrailDb, items: PulledEnvelope[]): Promise<number> {
  const rows: InboxRecord[] = items.map((p) => {
    check(
      Number.isSafeInteger(p.logIndex) && p.logIndex >= 1,
      'a pulled envelope without a valid log index',
    );
    check(typeof p.envelope?.id === 'string', 'a pulled envelope without an id');
    return {
      logIndex: p.logIndex,
      id: p.envelope.id,
      receivedAt: String(p.receivedAt),
      envelope: canonicalJson(p.envelope),
      ...(typeof p.prevHead === 'string' && typeof p.head === 'string'
        ? { prevHead: p.prevHead, head: p.head }
        : {}),
    };
  });
  if (rows.length === 0) return 0;
  return guardWrite(() =>
    db.transaction('rw', db.inbox, async () => {
      // What is already held, in two key-only queries for the whole page rather than two
      // reads per row (a pull of thousands stalled on the round trips); then one bulk write.
      // Duplicates within `items` are dropped too: the first stays, as adding row by row would.
      const logIndexes = rows.map((r) => r.logIndex);
      const [low, high] = [Math.min(...logIndexes), Math.max(...logIndexes)];
      const indexes = new Set<number>(
        await db.inbox.where(':id').between(low, high, true, true).primaryKeys(),
      );
      const ids = new Set<unknown>(
        await db.inbox
          .where('id')
          .anyOf(rows.map((r) => r.id))
          .keys(),
      );
      const fresh: InboxRecord[] = [];
      for (const row of rows) {
        if (indexes.has(row.logIndex) || ids.has(row.id)) continue;
        indexes.add(row.logIndex);
        ids.add(row.id);
        fresh.push(row);
      }
      if (fresh.length > 0) await db.inbox.bulkAdd(fresh);
      return fresh.length;
    }),
  );
}

/** Everything pulled so far, in log order. */
export async function listInbox(db: SafetrailDb): Promise<InboxRecord[]> {
  return db.inbox.orderBy('logIndex').toArray();
}

/** The `after` to send on the next pull: the highest log index held, or 0. */
export async function inboxCursor(db: SafetrailDb): Promise<number> {
  const last = await db.inbox.orderBy('logIndex').last();
  return last?.logIndex ?? 0;
}

/** Deletes the inbox rows holding these envelope ids; answers how many went. */
export async function removeErased(db: SafetrailDb, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return guardWrite(() => db.inbox.where('id').anyOf(ids).delete());
}

/**
 * Applies the endpoint's erasure log: pages through it after `from`, removes the envelopes
 * each erasure names, and advances the stored cursor. Pass as `from` the erasureCursor read
 * *before* pulling: an erasure made while that pull ran (whose envelope the pull may have
 * just stored) is then applied too, even if another tab has moved the cursor past it.
 * Answers how many inbox rows were removed.
 */
export async function applyErasures(
  db: SafetrailDb,
  list: (after: number) => Promise<ErasureListResponse>,
  from?: number,
): Promise<number> {
  let after = from ?? (await erasureCursor(db));
  let removed = 0;
  for (;;) {
    const page = await list(after);
    removed += await removeErased(
      db,
      page.erasures.flatMap((e) => e.ids),
    );
    after = page.erasures.at(-1)?.index ?? after;
    await advanceErasureCursor(db, after);
    if (page.next === null || page.erasures.length === 0) return removed;
  }
}

/** The pulled entries at these log indexes (those held), for checking their chain links. */
export async function inboxAt(db: SafetrailDb, indexes: number[]): Promise<InboxRecord[]> {
  const rows = await db.inbox.bulkGet(indexes);
  return rows.filter((r): r is InboxRecord => r !== undefined);
}
