/**
 * The steps that sealing, opening and key grants share, kept in one place so there is a
 * single opening path: whether a reader's secret comes from their own slot or from a key
 * grant made later, the envelope gets the same shape and signature checks, the same MAC
 * check over header and reader list, and the same decryption. Internal to src/crypto:
 * callers use envelope.ts and key-grant.ts.
 */
import { aesGcmDecrypt, importAesKey } from './aead.ts';
import { bytesEqual, fromBase64Url, fromUtf8 } from './bytes.ts';
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
import type { PublicJwk } from './signing.ts';

export interface OpenedEnvelope<T = unknown> {
  header: EnvelopeHeader;
  payload: T;
}

export interface EnvelopeKeys {
  payload: CryptoKey;
  mac: Uint8Array<ArrayBuffer>;
}

/** The payload key and MAC key, each its own HKDF output of the one-time secret. */
export async function envelopeKeys(secret: Uint8Array<ArrayBuffer>): Promise<EnvelopeKeys> {
  return {
    payload: await importAesKey(await hkdf(secret, 'safetrail/v1/payload')),
    mac: await hkdf(secret, 'safetrail/v1/mac'),
  };
}

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

/** Shape and the sending device's signature: the first two checks of every opening. */
export async function signedBy(
  e: unknown,
  devicePublicKey: CryptoKey | PublicJwk,
): Promise<Envelope> {
  const env = wellFormed(e);
  if (!(await verifyEnvelopeSignature(env, devicePublicKey))) {
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

/** Derives the keys from `secret` and checks the MAC in constant time. */
export async function checkedKeys(
  env: Envelope,
  secret: Uint8Array<ArrayBuffer>,
): Promise<EnvelopeKeys> {
  const keys = await envelopeKeys(secret);
  if (
    !bytesEqual(await envelopeMac(keys.mac, headerOf(env), env.readers), fromBase64Url(env.mac))
  ) {
    throw new EnvelopeError('The envelope’s header or reader list was changed after sealing.');
  }
  return keys;
}

/** The common tail of every opening: MAC check, decryption, unpadding. Zeroes `secret`. */
export async function openWithSecret<T>(
  env: Envelope,
  secret: Uint8Array<ArrayBuffer>,
): Promise<OpenedEnvelope<T>> {
  let keys: EnvelopeKeys;
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
