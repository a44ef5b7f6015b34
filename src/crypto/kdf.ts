/**
 * Turns a PIN or passphrase into an AES-GCM wrapping key with PBKDF2-SHA256. The iteration
 * count follows OWASP's 2023 guidance for PBKDF2-SHA256 (600,000); it is stored beside each
 * wrapped secret so it can be raised later without locking anyone out.
 */
import { utf8 } from './bytes.ts';

export const PBKDF2_ITERATIONS = 600_000;

export async function deriveWrappingKey(
  secret: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', utf8(secret.normalize('NFKC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
