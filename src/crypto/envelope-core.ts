/**
 * The steps that sealing, opening and key grants share, kept in one place so there is a
 * single opening path: whether a reader's secret comes from their own slot or from a key
 * grant made later, the envelope gets the same shape and signature checks, the same MAC
 * check over header and reader list, and the same decryption. Internal to src/crypto:
 * callers use envelope.ts and key-grant.ts.
 */
import { aesGcmDecrypt, importAesKey } from './aead.ts';
import { fromBase64Url, fromUtf8, utf8 } from './bytes.ts';
import { canonicalBytes } from './canonical-json.ts';
import {
  EnvelopeError,
  envelopeProblems,
  headerOf,
  verifyEnvelopeSignature,
  type Envelope,
  type EnvelopeHeader,
  type ReaderSlot,
} from './envelope-format.ts';
import { hkdf, hmacSha256, sha256 } from './hash.ts';
import { unwrapForReader } from './hpke.ts';
import { unpad } from './padding.ts';
import { importPublicJwk, type PublicJwk } from './signing.ts';

export interface OpenedEnvelope<T = unknown> {
  header: EnvelopeHeader;
  payload: T;
}

export interface EnvelopeKeys {
  payload: CryptoKey;
  mac: Uint8Array<ArrayBuffer>;
}

const PAYLOAD_LABEL = 'safetrail/v1/payload';
const MAC_LABEL = 'safetrail/v1/mac';

/** The payload key and MAC key, each its own HKDF output of the one-time secret. */
export async function envelopeKeys(secret: Uint8Array<ArrayBuffer>): Promise<EnvelopeKeys> {
  return {
    payload: await importAesKey(await hkdf(secret, PAYLOAD_LABEL)),
    mac: await hkdf(secret, MAC_LABEL),
  };
}

/**
 * hkdf() in hash.ts, as parameters for deriveKey: the same salt, labels and lengths, made
 * once (WebCrypto copies what it is given, so every opening can share them).
 */
const HKDF_SALT = new Uint8Array(32);
const hkdfParams = (label: string): HkdfParams => ({
  name: 'HKDF',
  hash: 'SHA-256',
  salt: HKDF_SALT,
  info: utf8(label),
});
const PAYLOAD_KEY = hkdfParams(PAYLOAD_LABEL);
const MAC_KEY = hkdfParams(MAC_LABEL);

export async function envelopeMac(
  macKey: Uint8Array<ArrayBuffer>,
  header: EnvelopeHeader,
  readers: ReaderSlot[],
): Promise<Uint8Array<ArrayBuffer>> {
  return hmacSha256(macKey, canonicalBytes({ header, readers }));
}

/** The HPKE aad of every secret wrapped for this envelope: SHA-256 of the canonical header. */
export async function slotAad(header: EnvelopeHeader): Promise<Uint8Array<ArrayBuffer>> {
  return sha256(canonicalBytes(header));
}

/** Shape check only (no key): what grantSlot needs before it trusts any field. */
export function wellFormed(e: unknown): Envelope {
  const problems = envelopeProblems(e);
  if (problems.length) throw new EnvelopeError(`Malformed envelope: ${problems.join('; ')}`);
  return e as Envelope;
}

/**
 * Device public keys, each imported once. A console opening a year's records checks
 * thousands of signatures by the same few devices, and importing the key again (with its
 * curve-point check) for every envelope was a large share of that work. Public keys only,
 * keyed by every field that is imported, so a different key is always a different entry;
 * a key that fails to import is not kept, and fails again next time.
 */
const verifyingKeys = new Map<string, Promise<CryptoKey>>();
const MAX_VERIFYING_KEYS = 1000;

function verifyingKey(key: CryptoKey | PublicJwk): CryptoKey | Promise<CryptoKey> {
  if (!('kty' in key)) return key;
  const id = `${key.kty}.${key.crv}.${key.x}.${key.y}`;
  let imported = verifyingKeys.get(id);
  if (!imported) {
    if (verifyingKeys.size >= MAX_VERIFYING_KEYS) verifyingKeys.clear();
    imported = importPublicJwk(key);
    verifyingKeys.set(id, imported);
    imported.catch(() => verifyingKeys.delete(id));
  }
  return imported;
}

/** Shape and the sending device's signature: the first two checks of every opening. */
export async function signedBy(
  e: unknown,
  devicePublicKey: CryptoKey | PublicJwk,
): Promise<Envelope> {
  const env = wellFormed(e);
  // A key that cannot be imported verifies nothing: the same refusal as a wrong signature.
  const key = await Promise.resolve(verifyingKey(devicePublicKey)).catch(() => null);
  if (!key || !(await verifyEnvelopeSignature(env, key))) {
    throw new EnvelopeError('The sending device’s signature does not match this envelope.');
  }
  return env;
}

/**
 * Unwraps the content secret from a reader slot or a grant slot. Both are HPKE-sealed with
 * the same info and aad, so a slot made for another envelope (another header) fails here.
 */
export async function unwrapSecret(
  env: Envelope,
  slot: { enc: string; key: string },
  privateKey: CryptoKey,
  failure = 'Your key could not open this envelope.',
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await unwrapForReader(privateKey, slot, await slotAad(headerOf(env)));
  } catch {
    throw new EnvelopeError(failure);
  }
}

/**
 * Derives the opening keys from `secret` and checks the MAC in constant time. The same two
 * HKDF outputs as envelopeKeys, derived straight into a decrypt-only AES key and a
 * verify-only HMAC key, and the MAC checked by WebCrypto's HMAC verify (a constant-time
 * comparison): one import of the secret instead of four, which matters when a console
 * opens a year's records.
 */
export async function checkedKeys(
  env: Envelope,
  secret: Uint8Array<ArrayBuffer>,
): Promise<{ payload: CryptoKey }> {
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  const [payload, mac] = await Promise.all([
    subtle.deriveKey(PAYLOAD_KEY, base, { name: 'AES-GCM', length: 256 }, false, ['decrypt']),
    subtle.deriveKey(MAC_KEY, base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
      'verify',
    ]),
  ]);
  const signed = canonicalBytes({ header: headerOf(env), readers: env.readers });
  if (!(await subtle.verify('HMAC', mac, fromBase64Url(env.mac), signed))) {
    throw new EnvelopeError('The envelope’s header or reader list was changed after sealing.');
  }
  return { payload };
}

/** The common tail of every opening: MAC check, decryption, unpadding. Zeroes `secret`. */
export async function openWithSecret<T>(
  env: Envelope,
  secret: Uint8Array<ArrayBuffer>,
): Promise<OpenedEnvelope<T>> {
  let keys: { payload: CryptoKey };
  try {
    keys = await checkedKeys(env, secret);
  } finally {
    secret.fill(0);
  }
  const header = headerOf(env);
  let padded: Uint8Array<ArrayBuffer>;
  try {
    padded = await aesGcmDecrypt(keys.payload, { iv: env.iv, ct: env.ct }, canonicalBytes(header));
  } catch {
    throw new EnvelopeError('The envelope’s contents were changed after sealing.');
  }
  return { header, payload: JSON.parse(fromUtf8(unpad(padded))) as T };
}
