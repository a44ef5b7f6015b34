/**
 * HPKE (RFC 9180) base mode with DHKEM(P-256, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM,
 * used only to wrap an envelope's one-time content key to each reader. Reader public keys
 * travel as the 65-byte uncompressed point in base64url; a reader's key id (kid) is derived
 * from that point, so a reader list cannot name a key that does not match.
 */
import { Aes256Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64Url, toBase64Url, utf8 } from './bytes.ts';
import { readerKid } from './reader-kid.ts';

export { readerKid };

const suite = new CipherSuite({
  kem: new DhkemP256HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});

const INFO = utf8('safetrail/v1/content-key');

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

export async function wrapToReader(
  readerPublicKey: string,
  contentKey: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
): Promise<{ enc: string; key: string }> {
  const recipientPublicKey = await suite.kem.deserializePublicKey(fromBase64Url(readerPublicKey));
  const { enc, ct } = await suite.seal({ recipientPublicKey, info: INFO }, contentKey, aad);
  return { enc: toBase64Url(enc), key: toBase64Url(ct) };
}

export async function unwrapForReader(
  privateKey: CryptoKey,
  wrapped: { enc: string; key: string },
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const pt = await suite.open(
    { recipientKey: privateKey, enc: fromBase64Url(wrapped.enc), info: INFO },
    fromBase64Url(wrapped.key),
    aad,
  );
  return new Uint8Array(pt);
}
