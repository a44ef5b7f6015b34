/**
 * A member of staff's key on a shared tablet. A random AES-256 key encrypts (wraps) that
 * person's draft keys; it is itself stored only wrapped under a key derived from their PIN
 * with PBKDF2, bound to their profile id so a wrapped key cannot be moved between profiles.
 * The unwrapped key is imported non-extractable and lives only in memory while unlocked.
 */
import { aesGcmDecrypt, aesGcmEncrypt, DecryptError, type Sealed } from './aead.ts';
import { randomBytes, toBase64Url, fromBase64Url, utf8 } from './bytes.ts';
import { deriveWrappingKey, PBKDF2_ITERATIONS } from './kdf.ts';

export interface WrappedStaffKey {
  salt: string;
  iterations: number;
  wrappedKey: Sealed;
}

export class WrongSecretError extends Error {
  constructor(message = 'That PIN is not right.') {
    super(message);
    this.name = 'WrongSecretError';
  }
}

const aadFor = (profileId: string) => utf8(`safetrail/v1/staff-key|${profileId}`);

async function importStaffKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function createStaffKey(
  profileId: string,
  pin: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<{ stored: WrappedStaffKey; key: CryptoKey }> {
  const salt = randomBytes(16);
  const raw = randomBytes(32);
  const wrapping = await deriveWrappingKey(pin, salt, iterations);
  const wrappedKey = await aesGcmEncrypt(wrapping, raw, aadFor(profileId));
  const key = await importStaffKey(raw);
  raw.fill(0);
  return { stored: { salt: toBase64Url(salt), iterations, wrappedKey }, key };
}

/** Throws WrongSecretError when the PIN does not open the key. */
export async function unlockStaffKey(
  profileId: string,
  pin: string,
  stored: WrappedStaffKey,
): Promise<CryptoKey> {
  const wrapping = await deriveWrappingKey(pin, fromBase64Url(stored.salt), stored.iterations);
  try {
    const raw = await aesGcmDecrypt(wrapping, stored.wrappedKey, aadFor(profileId));
    const key = await importStaffKey(raw);
    raw.fill(0);
    return key;
  } catch (e) {
    if (e instanceof DecryptError) throw new WrongSecretError();
    throw e;
  }
}
