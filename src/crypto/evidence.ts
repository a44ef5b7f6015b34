/**
 * Encryption of evidence (photos, screenshots) at rest, in chunks under the draft's own key
 * (draft-seal.ts), so a large image is never one huge IndexedDB value and never plaintext.
 * Each chunk's associated data binds the draft id, the evidence id, the chunk's index and
 * the chunk count: a chunk cannot be moved to another draft or photo, reordered, or the
 * list cut short without decryption failing.
 */
import { aesGcmDecrypt, aesGcmEncrypt, DecryptError, type Sealed } from './aead.ts';
import { concatBytes, utf8 } from './bytes.ts';

/** Bytes of image per encrypted chunk at rest. */
export const EVIDENCE_CHUNK_BYTES = 256 * 1024;

const aad = (draftId: string, evidenceId: string, index: number, count: number) =>
  utf8(`safetrail/v1/evidence|${draftId}|${evidenceId}|${index}|${count}`);

export async function encryptEvidence(
  draftId: string,
  evidenceId: string,
  key: CryptoKey,
  bytes: Uint8Array,
): Promise<Sealed[]> {
  const count = Math.max(1, Math.ceil(bytes.length / EVIDENCE_CHUNK_BYTES));
  const chunks: Sealed[] = [];
  for (let i = 0; i < count; i++) {
    const part = bytes.slice(i * EVIDENCE_CHUNK_BYTES, (i + 1) * EVIDENCE_CHUNK_BYTES);
    chunks.push(await aesGcmEncrypt(key, part, aad(draftId, evidenceId, i, count)));
  }
  return chunks;
}

/** Throws DecryptError if any chunk is missing, moved, changed or under another key. */
export async function decryptEvidence(
  draftId: string,
  evidenceId: string,
  key: CryptoKey,
  chunks: Sealed[],
): Promise<Uint8Array<ArrayBuffer>> {
  if (chunks.length === 0) throw new DecryptError();
  const parts: Uint8Array[] = [];
  for (let i = 0; i < chunks.length; i++) {
    parts.push(await aesGcmDecrypt(key, chunks[i]!, aad(draftId, evidenceId, i, chunks.length)));
  }
  return concatBytes(...parts);
}
