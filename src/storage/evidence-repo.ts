/**
 * Evidence chunks: the encrypted pieces of a draft's photos and screenshots. Only
 * ciphertext and ids are stored. Chunks belong to a draft and go when it goes: discarding
 * a draft (draft-repo.ts), sealing it (outbox-queue.ts) or wiping its owner's profile
 * (profile-repo.ts) deletes them in the same transaction.
 */
import type { Sealed } from '../crypto/aead.ts';
import type { SafetrailDb } from './db.ts';
import { guardRead, guardWrite } from './errors.ts';
import { check, sealedOnly, str } from './guards.ts';
import type { EvidenceChunkRecord } from './records.ts';

/**
 * Stores one photo's chunks (replacing any held under the same evidence id), refusing if
 * the draft no longer exists: evidence is never added to a sealed or discarded draft.
 */
export async function putEvidence(
  db: SafetrailDb,
  draftId: string,
  evidenceId: string,
  chunks: Sealed[],
): Promise<void> {
  check(chunks.length > 0, 'evidence without any chunks');
  const rows: EvidenceChunkRecord[] = chunks.map((c, index) => ({
    evidenceId: str(evidenceId, 'evidence id'),
    index,
    draftId: str(draftId, 'evidence draftId'),
    data: sealedOnly(c, 'evidence chunk'),
  }));
  await guardWrite(() =>
    db.transaction('rw', db.drafts, db.evidence, async () => {
      if (!(await db.drafts.get(draftId))) {
        throw new Error('This draft has been submitted or discarded, so nothing can be added.');
      }
      await db.evidence
        .where('[evidenceId+index]')
        .between([evidenceId, 0], [evidenceId, Infinity])
        .delete();
      await db.evidence.bulkAdd(rows);
    }),
  );
}

/** A photo's chunks in order, as stored for the given draft (an empty list if none). */
export async function getEvidence(
  db: SafetrailDb,
  draftId: string,
  evidenceId: string,
): Promise<Sealed[]> {
  const rows = await guardRead(() =>
    db.evidence
      .where('[evidenceId+index]')
      .between([evidenceId, 0], [evidenceId, Infinity])
      .toArray(),
  );
  return rows.filter((r) => r.draftId === draftId).map((r) => r.data);
}

export async function deleteEvidence(db: SafetrailDb, evidenceId: string): Promise<void> {
  await guardWrite(() =>
    db.evidence
      .where('[evidenceId+index]')
      .between([evidenceId, 0], [evidenceId, Infinity])
      .delete(),
  );
}
