/**
 * Encryption of drafts at rest. Each draft has its own random key (so evidence chunks can
 * later share it), stored wrapped under the staff member's key; the draft body is encrypted
 * with the draft id as associated data, so ciphertexts cannot be swapped between drafts.
 */
import { aesGcmDecrypt, aesGcmEncrypt, type Sealed } from './aead.ts';
import { fromUtf8, randomBytes, utf8 } from './bytes.ts';

const subtle = () => globalThis.crypto.subtle;

export interface DraftKey {
  key: CryptoKey;
  wrappedKey: Sealed;
}

export async function createDraftKey(draftId: string, staffKey: CryptoKey): Promise<DraftKey> {
  const raw = randomBytes(32);
  const wrappedKey = await aesGcmEncrypt(staffKey, raw, utf8(`safetrail/v1/draft-key|${draftId}`));
  const key = await subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  raw.fill(0);
  return { key, wrappedKey };
}

export async function openDraftKey(
  draftId: string,
  staffKey: CryptoKey,
  wrappedKey: Sealed,
): Promise<CryptoKey> {
  const raw = await aesGcmDecrypt(staffKey, wrappedKey, utf8(`safetrail/v1/draft-key|${draftId}`));
  const key = await subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  raw.fill(0);
  return key;
}

export async function encryptDraft(
  draftId: string,
  key: CryptoKey,
  value: unknown,
): Promise<Sealed> {
  return aesGcmEncrypt(key, utf8(JSON.stringify(value)), utf8(`safetrail/v1/draft|${draftId}`));
}

export async function decryptDraft<T>(draftId: string, key: CryptoKey, sealed: Sealed): Promise<T> {
  return JSON.parse(
    fromUtf8(await aesGcmDecrypt(key, sealed, utf8(`safetrail/v1/draft|${draftId}`))),
  ) as T;
}
