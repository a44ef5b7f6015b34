/**
 * AES-256-GCM with a fresh random 96-bit IV per message. Used for payloads (under a
 * one-time content key) and for wrapping secrets at rest (under PIN/passphrase-derived keys).
 */
import { fromBase64Url, randomBytes, toBase64Url } from './bytes.ts';

export interface Sealed {
  iv: string;
  ct: string;
}

const subtle = () => globalThis.crypto.subtle;

export async function importAesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function aesGcmEncrypt(
  key: CryptoKey,
  plaintext: Uint8Array<ArrayBuffer>,
  aad?: Uint8Array<ArrayBuffer>,
): Promise<Sealed> {
  const iv = randomBytes(12);
  const ct = await subtle().encrypt(
    aad ? { name: 'AES-GCM', iv, additionalData: aad } : { name: 'AES-GCM', iv },
    key,
    plaintext,
  );
  return { iv: toBase64Url(iv), ct: toBase64Url(ct) };
}

/** Throws a DecryptError when the key is wrong or any byte was changed. */
export async function aesGcmDecrypt(
  key: CryptoKey,
  sealed: Sealed,
  aad?: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const iv = fromBase64Url(sealed.iv);
    const pt = await subtle().decrypt(
      aad ? { name: 'AES-GCM', iv, additionalData: aad } : { name: 'AES-GCM', iv },
      key,
      fromBase64Url(sealed.ct),
    );
    return new Uint8Array(pt);
  } catch {
    throw new DecryptError();
  }
}

export class DecryptError extends Error {
  constructor() {
    super('The data could not be decrypted: the key is wrong or the data was changed.');
    this.name = 'DecryptError';
  }
}
