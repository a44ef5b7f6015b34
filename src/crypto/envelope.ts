/**
 * The sealed event envelope (format, byte by byte, and test vectors in docs/envelope.md).
 *
 * A random 32-byte secret is split by HKDF into a payload key and a MAC key. The padded
 * payload is encrypted with AES-256-GCM (AAD = the canonical header); the secret is wrapped
 * to every reader with HPKE (AAD = SHA-256 of the header); an HMAC binds header and reader
 * list for readers; the device's ECDSA signature over everything lets the endpoint (which
 * can read nothing) check who sent it and that no byte changed. The sealing device keeps
 * no copy of the secret, so it cannot reopen what it sealed. Opening shares one path with
 * key grants (envelope-core.ts), so a granted reader gets exactly the same checks.
 */
import { aesGcmEncrypt } from './aead.ts';
import { randomBytes, toBase64Url } from './bytes.ts';
import { canonicalBytes } from './canonical-json.ts';
import {
  envelopeKeys,
  envelopeMac,
  openWithSecret,
  signedBy,
  slotAad,
  unwrapSecret,
  type OpenedEnvelope,
} from './envelope-core.ts';
import {
  EnvelopeError,
  headerOf,
  MAX_READERS,
  type Envelope,
  type EnvelopeHeader,
  type ReaderPublic,
  type ReaderSlot,
} from './envelope-format.ts';
import { wrapToReader } from './hpke.ts';
import { pad } from './padding.ts';
import { signObject, type PublicJwk } from './signing.ts';
import type { EventKind } from '../domain/events.ts';

export * from './envelope-format.ts';
export type { OpenedEnvelope };

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
  const wrapAad = await slotAad(header);
  const secret = randomBytes(32);
  try {
    const keys = await envelopeKeys(secret);
    const slots: ReaderSlot[] = [];
    for (const r of readers)
      slots.push({ kid: r.kid, ...(await wrapToReader(r.publicKey, secret, wrapAad)) });
    const { iv, ct } = await aesGcmEncrypt(keys.payload, padded, canonicalBytes(header));
    const mac = toBase64Url(await envelopeMac(keys.mac, header, slots));
    const body = { ...header, readers: slots, iv, ct, mac };
    return { ...body, sig: await signObject(deviceKey, body) };
  } finally {
    secret.fill(0);
  }
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
  const env = await signedBy(e, devicePublicKey);
  const slot = env.readers.find((r) => r.kid === reader.kid);
  if (!slot) throw new EnvelopeError('This envelope was not sealed to your key.');
  return openWithSecret<T>(env, await unwrapSecret(env, slot, reader.privateKey));
}
