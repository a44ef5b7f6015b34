/**
 * A DSL device's copy of the endpoint's log: sealed envelopes pulled by cursor, stored as
 * the canonical JSON the endpoint hashed, and opened only in memory after unlocking.
 * Pulling the same page twice (a retried request, two tabs) adds nothing twice.
 */
import { canonicalJson } from '../crypto/canonical-json.ts';
import type { PulledEnvelope } from '../sync/protocol.ts';
import type { SafetrailDb } from './db.ts';
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
    };
  });
  return guardWrite(() =>
    db.transaction('rw', db.inbox, async () => {
      let added = 0;
      for (const row of rows) {
        // Checked one by one inside the transaction, so duplicates within `items` are caught too.
        const clash =
          (await db.inbox.get(row.logIndex)) ?? (await db.inbox.where('id').equals(row.id).first());
        if (clash) continue;
        await db.inbox.add(row);
        added++;
      }
      return added;
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
