/**
 * The envelope's wire format and every check that needs no key: types, structure
 * validation, the device-signature check and the hash receipts commit to. Kept apart from
 * sealing and opening (envelope.ts) so the endpoint, the outbox and the service worker do
 * not load HPKE.
 */
import { isEventKind, type EventKind } from '../domain/events.ts';
import { isUlid } from '../domain/ulid.ts';
import { isBase64Url } from './bytes.ts';
import { canonicalBytes } from './canonical-json.ts';
import { sha256B64 } from './hash.ts';
import { verifyObject, type PublicJwk } from './signing.ts';

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

const HEADER_KEYS = [
  'v',
  'id',
  'school',
  'device',
  'seq',
  'kind',
  'created',
  'recipientSet',
  'size',
] as const;

export function headerOf(e: EnvelopeHeader): EnvelopeHeader {
  return Object.fromEntries(HEADER_KEYS.map((k) => [k, e[k]])) as unknown as EnvelopeHeader;
}

export function unsigned(e: Envelope): Omit<Envelope, 'sig'> {
  const { sig: _sig, ...rest } = e;
  return rest;
}

/**
 * Checks the envelope's shape without any key. Returns a list of problems in plain words;
 * an empty list means it is well formed. The endpoint runs this on every upload.
 */
export function envelopeProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['the envelope must be a JSON object'];
  const e = value as Record<string, unknown>;
  const problems: string[] = [];
  const allowed = new Set<string>([...HEADER_KEYS, 'readers', 'iv', 'ct', 'mac', 'sig']);
  for (const key of Object.keys(e))
    if (!allowed.has(key)) problems.push(`unexpected field "${key}"`);
  if (e.v !== ENVELOPE_VERSION) problems.push(`"v" must be ${ENVELOPE_VERSION}`);
  if (!isUlid(e.id)) problems.push('"id" must be a ULID');
  for (const k of ['school', 'device'] as const) {
    if (typeof e[k] !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(e[k] as string))
      problems.push(`"${k}" must be an id`);
  }
  if (!Number.isSafeInteger(e.seq) || (e.seq as number) < 1)
    problems.push('"seq" must be a positive integer');
  if (!isEventKind(e.kind)) problems.push('"kind" is not a known event kind');
  if (typeof e.created !== 'string' || Number.isNaN(Date.parse(e.created)))
    problems.push('"created" must be an ISO date');
  if (!Number.isSafeInteger(e.recipientSet) || (e.recipientSet as number) < 1)
    problems.push('"recipientSet" must be a positive integer');
  if (!Number.isSafeInteger(e.size) || (e.size as number) < 512)
    problems.push('"size" must be a padded length');
  if (!Array.isArray(e.readers) || e.readers.length === 0 || e.readers.length > MAX_READERS) {
    problems.push(`"readers" must list 1 to ${MAX_READERS} readers`);
  } else {
    e.readers.forEach((r: unknown, i) => {
      const slot = r as Partial<ReaderSlot> | null;
      const ok =
        typeof slot === 'object' &&
        slot !== null &&
        Object.keys(slot).length === 3 &&
        isBase64Url(slot.kid, 16) &&
        isBase64Url(slot.enc, 65) &&
        isBase64Url(slot.key) &&
        (slot.key?.length ?? 0) <= 128;
      if (!ok) problems.push(`readers[${i}] is malformed`);
    });
  }
  if (!isBase64Url(e.iv, 12)) problems.push('"iv" must be 12 bytes of base64url');
  if (!isBase64Url(e.ct) || (e.ct as string).length > MAX_CIPHERTEXT_CHARS)
    problems.push('"ct" must be base64url within the size limit');
  // Canonical base64url of n characters is floor(3n / 4) bytes: no need to decode it here.
  else if (
    Number.isSafeInteger(e.size) &&
    Math.floor(((e.ct as string).length * 3) / 4) !== (e.size as number) + 16
  ) {
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
export async function verifyEnvelopeSignature(
  e: Envelope,
  devicePublicKey: CryptoKey | PublicJwk,
): Promise<boolean> {
  return verifyObject(devicePublicKey, e.sig, unsigned(e));
}

/** The hash that receipts and the endpoint's log commit to. */
export async function envelopeHash(e: Envelope): Promise<string> {
  return sha256B64(canonicalBytes(e));
}
