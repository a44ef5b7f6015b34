/**
 * One-time codes people type: the set-up code printed on the console and the enrollment
 * codes a DSL hands to a tablet. Twelve characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), shown as XXXX-XXXX-XXXX: about 59 bits, plenty for a code that expires
 * and works once. Only a code's SHA-256 is kept for enrollment codes, so a copy of the
 * database cannot enrol a device.
 */
import { timingSafeEqual } from 'node:crypto';
import { fromBase64Url, randomBytes } from '../crypto/bytes.ts';
import { sha256B64 } from '../crypto/hash.ts';

import { CODE_ALPHABET, CODE_LENGTH, formatCode, normaliseCode } from '../sync/one-time-code.ts';

export { CODE_ALPHABET, normaliseCode };

export function generateCode(): string {
  // Rejection sampling: only bytes below a multiple of the alphabet size, so every
  // character is equally likely.
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let chars = '';
  while (chars.length < CODE_LENGTH) {
    for (const b of randomBytes(16)) {
      if (b < limit && chars.length < CODE_LENGTH) chars += CODE_ALPHABET[b % CODE_ALPHABET.length];
    }
  }
  return formatCode(chars);
}

export function hashCode(normalised: string): Promise<string> {
  return sha256B64(`safetrail/v1/code|${normalised}`);
}

/** Compares two hashes without revealing, through timing, how much of them matched. */
export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(fromBase64Url(a));
  const y = Buffer.from(fromBase64Url(b));
  return x.length === y.length && timingSafeEqual(x, y);
}
