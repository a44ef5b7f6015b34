/**
 * HPKE (RFC 9180) single-shot open in base mode for DHKEM(P-256, HKDF-SHA256), HKDF-SHA256
 * and AES-GCM, straight on WebCrypto. A console opens thousands of envelopes in a session,
 * each with one HPKE unwrap; @hpke/core makes about twenty WebCrypto calls for one (it
 * derives the recipient's public key again each time, hashes the constant psk id and info,
 * and derives the exporter secret, which opening never uses). Here the recipient's public
 * point and everything that depends only on the suite and `info` are worked out once, and
 * each open is seven calls: the same RFC steps and checks, so a wrapped key opens here
 * exactly when it opens with @hpke/core (test/unit/crypto/hpke-open.test.ts holds both to
 * the RFC's test vector and to each other). Sealing stays with @hpke/core (hpke.ts).
 */
import { concatBytes, utf8 } from './bytes.ts';

const subtle = () => globalThis.crypto.subtle;

/** RFC 9180 AEAD ids: AES-128-GCM is here only so the RFC's own test vector can be run. */
export type AeadId = 1 | 2;
const KEY_BYTES: Record<AeadId, number> = { 1: 16, 2: 32 };
const NONCE_BYTES = 12;
const SECRET_BYTES = 32;
const POINT_BYTES = 65;

const VERSION = utf8('HPKE-v1');
const i2osp2 = (n: number) => new Uint8Array([n >> 8, n & 0xff]);
const KEM_SUITE = concatBytes(utf8('KEM'), i2osp2(0x0010));
const hpkeSuite = (aead: AeadId) =>
  concatBytes(utf8('HPKE'), i2osp2(0x0010), i2osp2(0x0001), i2osp2(aead));

const labeledIkm = (suite: Uint8Array, label: string, ikm: Uint8Array) =>
  concatBytes(VERSION, suite, utf8(label), ikm);
const labeledInfo = (suite: Uint8Array, label: string, info: Uint8Array, length: number) =>
  concatBytes(i2osp2(length), VERSION, suite, utf8(label), info);
/** The fixed prefixes of the KEM's two labelled inputs, encoded once. */
const EAE_PRK = labeledIkm(KEM_SUITE, 'eae_prk', new Uint8Array(0));
const SHARED_SECRET = labeledInfo(KEM_SUITE, 'shared_secret', new Uint8Array(0), SECRET_BYTES);

/** LabeledExtract with an empty salt: HMAC keyed with a hash length of zeros (RFC 5869). */
async function extractUnsalted(suite: Uint8Array, label: string, ikm: Uint8Array) {
  const zeros = await subtle().importKey(
    'raw',
    new Uint8Array(32),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await subtle().sign('HMAC', zeros, labeledIkm(suite, label, ikm)));
}

interface Schedule {
  /** HKDF base key over LabeledExtract's ikm for "secret" with the empty psk of base mode. */
  secretIkm: CryptoKey;
  keyInfo: Uint8Array<ArrayBuffer>;
  nonceInfo: Uint8Array<ArrayBuffer>;
  keyBits: number;
}

/**
 * The key schedule's constant part for one `info` (RFC 9180 §5.1, base mode): psk and psk
 * id are empty, so the context and the "secret" extract's input depend only on `info`.
 */
async function schedule(aead: AeadId, info: string): Promise<Schedule> {
  const suite = hpkeSuite(aead);
  const [pskIdHash, infoHash, secretIkm] = await Promise.all([
    extractUnsalted(suite, 'psk_id_hash', new Uint8Array(0)),
    extractUnsalted(suite, 'info_hash', utf8(info)),
    subtle().importKey('raw', labeledIkm(suite, 'secret', new Uint8Array(0)), 'HKDF', false, [
      'deriveKey',
      'deriveBits',
    ]),
  ]);
  const context = concatBytes(new Uint8Array([0]), pskIdHash, infoHash);
  const keyBytes = KEY_BYTES[aead];
  return {
    secretIkm,
    keyInfo: labeledInfo(suite, 'key', context, keyBytes),
    nonceInfo: labeledInfo(suite, 'base_nonce', context, NONCE_BYTES),
    keyBits: keyBytes * 8,
  };
}

const schedules = new Map<string, Promise<Schedule>>();
function scheduleFor(aead: AeadId, info: string): Promise<Schedule> {
  const id = `${aead}:${info}`;
  let s = schedules.get(id);
  if (!s) {
    schedules.set(id, (s = schedule(aead, info)));
    s.catch(() => schedules.delete(id));
  }
  return s;
}

export interface Recipient {
  privateKey: CryptoKey;
  /** The recipient's public key as the 65-byte uncompressed point (pkRm). */
  publicPoint: Uint8Array;
}

/** Decap (RFC 9180 §4.1): the shared secret for `enc`, bound to enc and pkRm. */
async function decap(enc: Uint8Array<ArrayBuffer>, r: Recipient) {
  if (enc.length !== POINT_BYTES) throw new Error('HPKE enc is not a P-256 point');
  // importKey validates the point (on the curve, not the identity).
  const pkE = await subtle().importKey(
    'raw',
    enc,
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    [],
  );
  const dh = new Uint8Array(
    await subtle().deriveBits({ name: 'ECDH', public: pkE }, r.privateKey, 256),
  );
  const ikm = concatBytes(EAE_PRK, dh);
  dh.fill(0);
  const eae = await subtle().importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  ikm.fill(0);
  return new Uint8Array(
    await subtle().deriveBits(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: new Uint8Array(0),
        info: concatBytes(SHARED_SECRET, enc, r.publicPoint),
      },
      eae,
      SECRET_BYTES * 8,
    ),
  );
}

/**
 * Opens one single-shot HPKE ciphertext (sequence number 0, so the nonce is base_nonce).
 * Throws on any mismatch: another key, enc, info, aad or a changed byte.
 */
export async function openBase(
  recipient: Recipient,
  enc: Uint8Array<ArrayBuffer>,
  ct: Uint8Array<ArrayBuffer>,
  info: string,
  aad: Uint8Array<ArrayBuffer>,
  aead: AeadId = 2,
): Promise<Uint8Array<ArrayBuffer>> {
  const [shared, s] = await Promise.all([decap(enc, recipient), scheduleFor(aead, info)]);
  const hkdf = (info: Uint8Array<ArrayBuffer>) =>
    ({ name: 'HKDF', hash: 'SHA-256', salt: shared, info }) as const;
  const [key, nonce] = await Promise.all([
    subtle().deriveKey(
      hkdf(s.keyInfo),
      s.secretIkm,
      { name: 'AES-GCM', length: s.keyBits },
      false,
      ['decrypt'],
    ),
    subtle().deriveBits(hkdf(s.nonceInfo), s.secretIkm, NONCE_BYTES * 8),
  ]);
  shared.fill(0);
  const pt = await subtle().decrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad }, key, ct);
  return new Uint8Array(pt);
}
