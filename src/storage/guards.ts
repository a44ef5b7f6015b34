/**
 * Write-side guards. Every repository builds the row it stores field by field through these
 * helpers instead of handing the caller's object to IndexedDB, so an extra property that
 * TypeScript let through (say, a draft's plaintext left on the object) is dropped rather
 * than written to disk, and an "encrypted" blob must at least look like ciphertext.
 */
import type { Sealed } from '../crypto/aead.ts';
import { isBase64Url } from '../crypto/bytes.ts';

export class InvalidRecordError extends Error {
  constructor(what: string) {
    super(`Refusing to store ${what}.`);
    this.name = 'InvalidRecordError';
  }
}

export function check(ok: boolean, what: string): void {
  if (!ok) throw new InvalidRecordError(what);
}

export function str(value: unknown, what: string): string {
  check(typeof value === 'string', `${what}: not a string`);
  return value as string;
}

export function int(value: unknown, what: string): number {
  check(Number.isSafeInteger(value), `${what}: not an integer`);
  return value as number;
}

/** A copy of {iv, ct} holding only base64url text: a 12-byte IV and a non-empty ciphertext. */
export function sealedOnly(value: Sealed, what: string): Sealed {
  check(
    typeof value === 'object' &&
      value !== null &&
      isBase64Url(value.iv, 12) &&
      isBase64Url(value.ct) &&
      value.ct.length > 0,
    `${what}: not an encrypted {iv, ct} blob`,
  );
  return { iv: value.iv, ct: value.ct };
}

/** A salt is random bytes in base64url: anything else is not a salt. */
export function saltOnly(value: string, what: string): string {
  check(
    isBase64Url(value) && value.length >= 11,
    `${what}: salt must be at least 8 bytes of base64url`,
  );
  return value;
}

/** The device key must be a private key WebCrypto will never export. */
export function nonExtractableKey(
  value: CryptoKey,
  what: string,
  type: 'private' | 'secret' = 'private',
): CryptoKey {
  check(
    typeof CryptoKey !== 'undefined' &&
      value instanceof CryptoKey &&
      value.type === type &&
      !value.extractable,
    `${what}: not a non-extractable ${type} CryptoKey`,
  );
  return value;
}
