/**
 * Encryption of trip rosters at rest. A roster is personal data taken off site, so, like a
 * draft, it is readable only with the staff member's key (unlocked by their PIN). It is
 * encrypted directly under that key with the roster id as associated data, so a roster's
 * ciphertext cannot be passed off as another roster or as a draft.
 */
import { aesGcmDecrypt, aesGcmEncrypt, type Sealed } from './aead.ts';
import { fromUtf8, utf8 } from './bytes.ts';

const aad = (rosterId: string) => utf8(`safetrail/v1/roster|${rosterId}`);

export async function encryptRoster(
  rosterId: string,
  staffKey: CryptoKey,
  value: unknown,
): Promise<Sealed> {
  return aesGcmEncrypt(staffKey, utf8(JSON.stringify(value)), aad(rosterId));
}

export async function decryptRoster<T>(
  rosterId: string,
  staffKey: CryptoKey,
  sealed: Sealed,
): Promise<T> {
  return JSON.parse(fromUtf8(await aesGcmDecrypt(staffKey, sealed, aad(rosterId)))) as T;
}
