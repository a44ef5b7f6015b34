/**
 * HPKE (RFC 9180) base mode with DHKEM(P-256, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM,
 * used to wrap small secrets to a reader: an envelope's one-time content secret (to every
 * reader, and later to a newly granted one) and, under a different `info` label, the school
 * signing key handed from one DSL to another. Distinct labels mean a wrapped secret of one
 * kind can never be opened as the other. Reader public keys travel as the 65-byte
 * uncompressed point in base64url; a reader's key id (kid) is derived from that point, so a
 * reader list cannot name a key that does not match.
 */
import { Aes256Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import { concatBytes, fromBase64Url, toBase64Url, utf8 } from './bytes.ts';
import { openBase } from './hpke-open.ts';
import { readerKid } from './reader-kid.ts';

export { readerKid };

const suite = new CipherSuite({
  kem: new DhkemP256HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});

/** The HPKE `info` for envelope content secrets (reader slots and key grants). */
export const CONTENT_KEY_INFO = 'safetrail/v1/content-key';

export interface ReaderKeyPair {
  kid: string;
  publicKey: string;
  privateKey: CryptoKey;
}

export async function generateReaderKeyPair(): Promise<ReaderKeyPair> {
  const pair = await suite.kem.generateKeyPair();
  const publicKey = toBase64Url(await suite.kem.serializePublicKey(pair.publicKey));
  return { kid: await readerKid(publicKey), publicKey, privateKey: pair.privateKey };
}

/** The raw 32-byte private scalar, for wrapping under a passphrase or printing on a recovery sheet. */
export async function exportReaderPrivate(privateKey: CryptoKey): Promise<string> {
  return toBase64Url(await suite.kem.serializePrivateKey(privateKey));
}

export async function importReaderPrivate(raw: string): Promise<CryptoKey> {
  return suite.kem.deserializePrivateKey(fromBase64Url(raw));
}

/** Seals `plaintext` to one reader's public key under an `info` label and associated data. */
export async function sealToReader(
  readerPublicKey: string,
  plaintext: Uint8Array<ArrayBuffer>,
  info: string,
  aad: Uint8Array<ArrayBuffer>,
): Promise<{ enc: string; ct: string }> {
  const recipientPublicKey = await suite.kem.deserializePublicKey(fromBase64Url(readerPublicKey));
  const sealed = await suite.seal({ recipientPublicKey, info: utf8(info) }, plaintext, aad);
  return { enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct) };
}

/**
 * Each reader private key's public point, worked out once (HPKE binds every unwrap to it).
 * Null when the browser will not export the key: only the point's x can be recovered then,
 * and guessing y would open what was sealed to the wrong point (which recovery-shares.ts
 * relies on being refused), so such keys keep @hpke/core's own derivation.
 */
const points = new WeakMap<CryptoKey, Promise<Uint8Array | null>>();
function publicPoint(privateKey: CryptoKey): Promise<Uint8Array | null> {
  let point = points.get(privateKey);
  if (!point) {
    point = (async () => {
      if (!privateKey.extractable) return null;
      try {
        const jwk = await globalThis.crypto.subtle.exportKey('jwk', privateKey);
        return concatBytes(new Uint8Array([4]), fromBase64Url(jwk.x!), fromBase64Url(jwk.y!));
      } catch {
        return null;
      }
    })();
    points.set(privateKey, point);
  }
  return point;
}

/** Opens what sealToReader sealed; throws if the key, label, aad or any byte differ. */
export async function openAsReader(
  privateKey: CryptoKey,
  sealed: { enc: string; ct: string },
  info: string,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const enc = fromBase64Url(sealed.enc);
  const ct = fromBase64Url(sealed.ct);
  const point = await publicPoint(privateKey);
  if (point) return openBase({ privateKey, publicPoint: point }, enc, ct, info, aad);
  const pt = await suite.open({ recipientKey: privateKey, enc, info: utf8(info) }, ct, aad);
  return new Uint8Array(pt);
}

/** Wraps an envelope's content secret to one reader (a reader slot or a grant slot). */
export async function wrapToReader(
  readerPublicKey: string,
  contentKey: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
): Promise<{ enc: string; key: string }> {
  const { enc, ct } = await sealToReader(readerPublicKey, contentKey, CONTENT_KEY_INFO, aad);
  return { enc, key: ct };
}

/** Unwraps a content secret from a reader slot or grant slot; throws if anything differs. */
export async function unwrapForReader(
  privateKey: CryptoKey,
  wrapped: { enc: string; key: string },
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return openAsReader(privateKey, { enc: wrapped.enc, ct: wrapped.key }, CONTENT_KEY_INFO, aad);
}
