/**
 * Encrypted drafts. A draft row holds its per-draft key wrapped by the staff key and the
 * draft's content encrypted under that per-draft key; its ids and times are the only
 * readable fields. Sealing a draft into the outbox deletes it (see outbox-queue.ts);
 * deleting a draft deletes its evidence chunks with it.
 */
import type { SafetrailDb } from './db.ts';
import { guardRead, guardWrite } from './errors.ts';
import { sealedOnly, str } from './guards.ts';
import type { DraftRecord } from './records.ts';

/** A profile's drafts, most recently edited first. */
export async function listDrafts(db: SafetrailDb, profileId: string): Promise<DraftRecord[]> {
  const drafts = await guardRead(() => db.drafts.where('profileId').equals(profileId).toArray());
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
}

export async function getDraft(db: SafetrailDb, id: string): Promise<DraftRecord | undefined> {
  return guardRead(() => db.drafts.get(id));
}

export async function putDraft(db: SafetrailDb, draft: DraftRecord): Promise<void> {
  const row: DraftRecord = {
    id: str(draft.id, 'draft id'),
    profileId: str(draft.profileId, 'draft profileId'),
    createdAt: str(draft.createdAt, 'draft createdAt'),
    updatedAt: str(draft.updatedAt, 'draft updatedAt'),
    wrappedKey: sealedOnly(draft.wrappedKey, 'draft wrappedKey'),
    data: sealedOnly(draft.data, 'draft data'),
  };
  await guardWrite(() => db.drafts.put(row));
}

export async function deleteDraft(db: SafetrailDb, id: string): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.drafts, db.evidence, async () => {
      await db.evidence.where('draftId').equals(id).delete();
      await db.drafts.delete(id);
    }),
  );
}
