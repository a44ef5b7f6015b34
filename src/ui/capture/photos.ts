/**
 * Photos and screenshots kept with a draft: encrypted in chunks under the draft key
 * (crypto/evidence.ts), stored by evidence-repo.ts, and decrypted only in memory (for
 * thumbnails, see PhotoEvidence.tsx, and for sealing).
 *
 * Attaching checks the illegal-content guard three times: against the record on screen,
 * against the saved draft (another tab may have marked it), and again after the slow work,
 * so a photo chosen just before the incident was marked is still refused.
 */
import { decryptDraft } from '../../crypto/draft-seal.ts';
import { decryptEvidence, encryptEvidence } from '../../crypto/evidence.ts';
import { sha256B64 } from '../../crypto/hash.ts';
import type { PhotoRef, PhotoType } from '../../domain/evidence.ts';
import { assertMayAttachPhoto } from '../../domain/illegal-content.ts';
import { completeFields, type IncidentFields } from '../../domain/incident.ts';
import { ulid } from '../../domain/ulid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { getDraft } from '../../storage/draft-repo.ts';
import { deleteEvidence, getEvidence, putEvidence } from '../../storage/evidence-repo.ts';
import type { OpenDraft } from './drafts.ts';

export interface PreparedImage {
  bytes: Uint8Array<ArrayBuffer>;
  mediaType: PhotoType;
  width: number;
  height: number;
}

async function savedFields(db: SafetrailDb, draft: OpenDraft): Promise<IncidentFields> {
  const record = await getDraft(db, draft.id);
  if (!record) throw new Error('This draft has been submitted or discarded.');
  return completeFields(
    await decryptDraft<Partial<IncidentFields>>(draft.id, draft.key, record.data),
  );
}

/**
 * Encrypts and stores the image; returns its reference for the caller to add to the record
 * (and save). Throws IllegalContentGuardError if the incident may involve illegal material.
 */
export async function storePhoto(
  db: SafetrailDb,
  draft: OpenDraft,
  latest: () => IncidentFields,
  image: PreparedImage,
): Promise<PhotoRef> {
  assertMayAttachPhoto(latest());
  assertMayAttachPhoto(await savedFields(db, draft));
  const ref: PhotoRef = {
    id: ulid(),
    mediaType: image.mediaType,
    bytes: image.bytes.length,
    width: image.width,
    height: image.height,
    sha256: await sha256B64(image.bytes),
    addedAt: new Date().toISOString(),
  };
  const chunks = await encryptEvidence(draft.id, ref.id, draft.key, image.bytes);
  assertMayAttachPhoto(latest());
  await putEvidence(db, draft.id, ref.id, chunks);
  return ref;
}

/** The image's bytes, checked against the digest recorded when it was attached. */
export async function loadPhoto(
  db: SafetrailDb,
  draft: Pick<OpenDraft, 'id' | 'key'>,
  ref: PhotoRef,
): Promise<Uint8Array<ArrayBuffer>> {
  const chunks = await getEvidence(db, draft.id, ref.id);
  const bytes = await decryptEvidence(draft.id, ref.id, draft.key, chunks);
  if ((await sha256B64(bytes)) !== ref.sha256) {
    throw new Error('A stored photo does not match what was attached: it may be damaged.');
  }
  return bytes;
}

export const deletePhoto = (db: SafetrailDb, ref: PhotoRef) => deleteEvidence(db, ref.id);
