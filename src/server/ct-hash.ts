/**
 * The fingerprint of an envelope's ciphertext that the log indexes to spot a replay: the
 * same sealed content uploaded again under a new id (re-signed by the same device). It is
 * over the decoded bytes, not the text, so two spellings of one ciphertext in base64url
 * (differing only in unused trailing bits) are still the same. Synchronous node:crypto, so
 * the schema migration can fill it in for entries stored before it existed.
 */
import { createHash } from 'node:crypto';

export function ctHash(ct: string): string {
  return createHash('sha256').update(Buffer.from(ct, 'base64url')).digest('base64url');
}
