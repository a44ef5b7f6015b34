/**
 * The sealed event envelope (format and test vectors in docs/envelope-format.md).
 *
 * A random 32-byte secret is split by HKDF into a payload key and a MAC key. The padded
 * payload is encrypted with AES-256-GCM (AAD = the canonical header); the secret is wrapped
 * to every reader with HPKE (AAD = SHA-256 of the header); an HMAC binds header and reader
 * list for readers; the device's ECDSA signature over everything lets the endpoint (which
 * can read nothing) check who sent it and that no byte changed. The sealing device keeps
 * no copy of the secret, so it cannot reopen what it sealed.
 */
import { aesGcmDecrypt, aesGcmEncrypt, importAesKey } from './aead.ts';
import { bytesEqual, fromBase64Url, fromUtf8, randomBytes, toBase64Url } from './bytes.ts';
import { canonicalBytes } from './canonical-json.ts';
import {
  EnvelopeError,
  envelopeProblems,
  headerOf,
  MAX_READERS,
  verifyEnvelopeSignature,
  type Envelope,
  type EnvelopeHeader,
  type ReaderPublic,
  type ReaderSlot,
} from './envelope-format.ts';
import { hkdf, hmacSha256, sha256 } from './hash.ts';
import { unwrapForReader, wrapToReader } from './hpke.ts';
import { pad, unpad } from './padding.ts';
import { signObject, type PublicJwk } from './signing.ts';
import type { EventKind } from '../domain/events.ts';

export * from './envelope-format.ts';

async function subKeys(secret: Uint8Array<ArrayBuffer>) {
  return {
    payload: await importAesKey(await hkdf(secret, 'safetrail/v1/payload')),
    mac: await hkdf(secret, 'safetrail/v1/mac'),
  };
}

async function macOf(
  macKey: Uint8Array<ArrayBuffer>,
  header: EnvelopeHeader,
  readers: ReaderSlot[],
) {
  return hmacSha256(macKey, canonicalBytes({ header, readers }));
}

export interface SealInput {
  id: string;
  school: string;
  device: string;
  seq: number;
  kind: EventKind;
  created: string;
  recipientSet: number;
}

export async function sealEnvelope(
  input: SealInput,
  payload: unknown,
  readers: ReaderPublic[],
  deviceKey: CryptoKey,
): Promise<Envelope> {
  if (readers.length === 0) throw new EnvelopeError('An envelope needs at least one reader.');
  if (readers.length > MAX_READERS) throw new EnvelopeError('Too many readers for one envelope.');
  const padded = pad(canonicalBytes(payload));
  const header: EnvelopeHeader = headerOf({ ...input, v: 1, size: padded.length });
  const headerBytes = canonicalBytes(header);
  const wrapAad = await sha256(headerBytes);
  const secret = randomBytes(32);
  const keys = await subKeys(secret);
  const slots: ReaderSlot[] = [];
  for (const r of readers)
    slots.push({ kid: r.kid, ...(await wrapToReader(r.publicKey, secret, wrapAad)) });
  const { iv, ct } = await aesGcmEncrypt(keys.payload, padded, headerBytes);
  const mac = toBase64Url(await macOf(keys.mac, header, slots));
  secret.fill(0);
  const body = { ...header, readers: slots, iv, ct, mac };
  return { ...body, sig: await signObject(deviceKey, body) };
}

export interface OpenedEnvelope<T = unknown> {
  header: EnvelopeHeader;
  payload: T;
}

/**
 * Opens an envelope as one reader: checks shape, the sender's signature, this reader's slot,
 * the MAC over header and reader list, then decrypts. Any failure throws EnvelopeError with
 * a reason; nothing partially opened is returned.
 */
export async function openEnvelope<T = unknown>(
  e: unknown,
  reader: { kid: string; privateKey: CryptoKey },
  devicePublicKey: CryptoKey | PublicJwk,
): Promise<OpenedEnvelope<T>> {
  const problems = envelopeProblems(e);
  if (problems.length) throw new EnvelopeError(`Malformed envelope: ${problems.join('; ')}`);
  const env = e as Envelope;
  if (!(await verifyEnvelopeSignature(env, devicePublicKey))) {
    throw new EnvelopeError('The sending device’s signature does not match this envelope.');
  }
  const slot = env.readers.find((r) => r.kid === reader.kid);
  if (!slot) throw new EnvelopeError('This envelope was not sealed to your key.');
  const header = headerOf(env);
  const headerBytes = canonicalBytes(header);
  let secret: Uint8Array<ArrayBuffer>;
  try {
    secret = await unwrapForReader(reader.privateKey, slot, await sha256(headerBytes));
  } catch {
    throw new EnvelopeError('Your key could not open this envelope.');
  }
  const keys = await subKeys(secret);
  secret.fill(0);
  if (!bytesEqual(await macOf(keys.mac, header, env.readers), fromBase64Url(env.mac))) {
    throw new EnvelopeError('The envelope’s header or reader list was changed after sealing.');
  }
  let padded: Uint8Array<ArrayBuffer>;
  try {
    padded = await aesGcmDecrypt(keys.payload, { iv: env.iv, ct: env.ct }, headerBytes);
  } catch {
    throw new EnvelopeError('The envelope’s contents were changed after sealing.');
  }
  return { header, payload: JSON.parse(fromUtf8(unpad(padded))) as T };
}
