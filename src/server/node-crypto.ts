/**
 * The endpoint's hashes and signatures on node:crypto directly, in exactly the formats of
 * src/crypto (SHA-256 of UTF-8 text as base64url; ECDSA P-256 with SHA-256, signatures as
 * the 64 bytes r‖s in base64url), so devices check them with WebCrypto as before.
 *
 * Why not WebCrypto here too: in Node it is the same OpenSSL underneath, but every call
 * also pays for WebIDL argument checks, copies and a job object on the main thread. An
 * upload of 100 envelopes takes a signature check, a hash and a receipt signature for each,
 * and through WebCrypto that cost about 18 ms of the main thread, against about 8 ms this
 * way (bench: endpoint ingest rate). Signing and checking still run on the thread pool
 * (node:crypto's callback form); hashing is synchronous, since a thread-pool round trip
 * per hash costs more than hashing a few kilobytes.
 */
import {
  type KeyObject,
  type JsonWebKey as NodeJwk,
  createHash,
  createPrivateKey,
  createPublicKey,
  sign as signBytes,
  verify as verifyBytes,
} from 'node:crypto';
import { isBase64Url } from '../crypto/bytes.ts';
import type { PublicJwk } from '../crypto/signing.ts';

/** ECDSA signatures as WebCrypto makes them: r‖s, not DER. */
const P1363 = 'ieee-p1363' as const;

/** Signs UTF-8 text, answering the signature in base64url. The key stays inside. */
export type TextSigner = (text: string) => Promise<string>;

export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url');
}

export function publicKeyObject(jwk: PublicJwk): KeyObject {
  return createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
    format: 'jwk',
  });
}

/** False (never a throw) for a malformed or wrong signature, as crypto/signing.ts's verify. */
export function verifyText(key: KeyObject, signature: string, text: string): Promise<boolean> {
  if (!isBase64Url(signature, 64)) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      verifyBytes(
        'sha256',
        Buffer.from(text, 'utf8'),
        { key, dsaEncoding: P1363 },
        Buffer.from(signature, 'base64url'),
        (error, ok) => resolve(!error && ok),
      );
    } catch {
      resolve(false);
    }
  });
}

/** A signer for a private key held as a JWK (as the store keeps the receipt key). */
export function textSigner(jwk: JsonWebKey): TextSigner {
  const keyObject = createPrivateKey({ key: jwk as NodeJwk, format: 'jwk' });
  return (text) =>
    new Promise((resolve, reject) => {
      signBytes(
        'sha256',
        Buffer.from(text, 'utf8'),
        { key: keyObject, dsaEncoding: P1363 },
        (error, signature) => (error ? reject(error) : resolve(signature.toString('base64url'))),
      );
    });
}
