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
import { isEventKind, type EventKind } from '../domain/events.ts';
import { isUlid } from '../domain/ulid.ts';
import { aesGcmDecrypt, aesGcmEncrypt, importAesKey } from './aead.ts';
import { bytesEqual, fromBase64Url, fromUtf8, isBase64Url, randomBytes, toBase64Url } from './bytes.ts';
import { canonicalBytes } from './canonical-json.ts';
import { hkdf, hmacSha256, sha256, sha256B64 } from './hash.ts';
import { unwrapForReader, wrapToReader } from './hpke.ts';
import { pad, unpad } from './padding.ts';
import { signObject, verifyObject, type PublicJwk } from './signing.ts';

export const ENVELOPE_VERSION = 1;
export const MAX_READERS = 32;
/** Largest ciphertext in one envelope (base64url characters); attachments are chunked. */
export const MAX_CIPHERTEXT_CHARS = 1_400_000;

export interface EnvelopeHeader {
  v: 1;
  id: string;
  school: string;
  device: string;
  seq: number;
  kind: EventKind;
  created: string;
  recipientSet: number;
  size: number;
}

export interface ReaderSlot {
  kid: string;
  enc: string;
  key: string;
}

export interface Envelope extends EnvelopeHeader {
  readers: ReaderSlot[];
  iv: string;
  ct: string;
  mac: string;
  sig: string;
}

export interface ReaderPublic {
  kid: string;
  publicKey: string;
}

export class EnvelopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

const HEADER_KEYS = ['v', 'id', 'school', 'device', 'seq', 'kind', 'created', 'recipientSet', 'size'] as const;

export function headerOf(e: EnvelopeHeader): EnvelopeHeader {
  return Object.fromEntries(HEADER_KEYS.map((k) => [k, e[k]])) as unknown as EnvelopeHeader;
}

function unsigned(e: Envelope): Omit<Envelope, 'sig'> {
  const { sig: _sig, ...rest } = e;
  return rest;
}

async function subKeys(secret: Uint8Array<ArrayBuffer>) {
  return {
    payload: await importAesKey(await hkdf(secret, 'safetrail/v1/payload')),
    mac: await hkdf(secret, 'safetrail/v1/mac'),
  };
}

async function macOf(macKey: Uint8Array<ArrayBuffer>, header: EnvelopeHeader, readers: ReaderSlot[]) {
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
  for (const r of readers) slots.push({ kid: r.kid, ...(await wrapToReader(r.publicKey, secret, wrapAad)) });
  const { iv, ct } = await aesGcmEncrypt(keys.payload, padded, headerBytes);
  const mac = toBase64Url(await macOf(keys.mac, header, slots));
  secret.fill(0);
  const body = { ...header, readers: slots, iv, ct, mac };
  return { ...body, sig: await signObject(deviceKey, body) };
}

/**
 * Checks the envelope's shape without any key. Returns a list of problems in plain words;
 * an empty list means it is well formed. The endpoint runs this on every upload.
 */
export function envelopeProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['the envelope must be a JSON object'];
  const e = value as Record<string, unknown>;
  const problems: string[] = [];
  const allowed = new Set<string>([...HEADER_KEYS, 'readers', 'iv', 'ct', 'mac', 'sig']);
  for (const key of Object.keys(e)) if (!allowed.has(key)) problems.push(`unexpected field "${key}"`);
  if (e.v !== ENVELOPE_VERSION) problems.push(`"v" must be ${ENVELOPE_VERSION}`);
  if (!isUlid(e.id)) problems.push('"id" must be a ULID');
  for (const k of ['school', 'device'] as const) {
    if (typeof e[k] !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(e[k] as string)) problems.push(`"${k}" must be an id`);
  }
  if (!Number.isSafeInteger(e.seq) || (e.seq as number) < 1) problems.push('"seq" must be a positive integer');
  if (!isEventKind(e.kind)) problems.push('"kind" is not a known event kind');
  if (typeof e.created !== 'string' || Number.isNaN(Date.parse(e.created))) problems.push('"created" must be an ISO date');
  if (!Number.isSafeInteger(e.recipientSet) || (e.recipientSet as number) < 1) problems.push('"recipientSet" must be a positive integer');
  if (!Number.isSafeInteger(e.size) || (e.size as number) < 512) problems.push('"size" must be a padded length');
  if (!Array.isArray(e.readers) || e.readers.length === 0 || e.readers.length > MAX_READERS) {
    problems.push(`"readers" must list 1 to ${MAX_READERS} readers`);
  } else {
    e.readers.forEach((r: unknown, i) => {
      const slot = r as Partial<ReaderSlot> | null;
      const ok =
        typeof slot === 'object' && slot !== null && Object.keys(slot).length === 3 &&
        isBase64Url(slot.kid, 16) && isBase64Url(slot.enc, 65) && isBase64Url(slot.key) && (slot.key?.length ?? 0) <= 128;
      if (!ok) problems.push(`readers[${i}] is malformed`);
    });
  }
  if (!isBase64Url(e.iv, 12)) problems.push('"iv" must be 12 bytes of base64url');
  if (!isBase64Url(e.ct) || (e.ct as string).length > MAX_CIPHERTEXT_CHARS) problems.push('"ct" must be base64url within the size limit');
  else if (Number.isSafeInteger(e.size) && fromBase64Url(e.ct as string).length !== (e.size as number) + 16) {
    problems.push('"ct" length does not match "size"');
  }
  if (!isBase64Url(e.mac, 32)) problems.push('"mac" must be 32 bytes of base64url');
  if (!isBase64Url(e.sig, 64)) problems.push('"sig" must be a 64-byte signature');
  return problems;
}

export function isEnvelope(value: unknown): value is Envelope {
  return envelopeProblems(value).length === 0;
}

/** The device signature check: all the endpoint can (and must) verify. */
export async function verifyEnvelopeSignature(e: Envelope, devicePublicKey: CryptoKey | PublicJwk): Promise<boolean> {
  return verifyObject(devicePublicKey, e.sig, unsigned(e));
}

/** The hash that receipts and the endpoint's log commit to. */
export async function envelopeHash(e: Envelope): Promise<string> {
  return sha256B64(canonicalBytes(e));
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
