import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../src/crypto/bytes.ts';
import {
  envelopeHash,
  envelopeProblems,
  openEnvelope,
  sealEnvelope,
  verifyEnvelopeSignature,
  type Envelope,
} from '../../../src/crypto/envelope.ts';
import { generateReaderKeyPair, type ReaderKeyPair } from '../../../src/crypto/hpke.ts';
import {
  exportPublicJwk,
  generateSigningKeyPair,
  type PublicJwk,
} from '../../../src/crypto/signing.ts';
import { ulid } from '../../../src/domain/ulid.ts';

let device: CryptoKeyPair;
let devicePublic: PublicJwk;
let dsl: ReaderKeyPair;
let recovery: ReaderKeyPair;
let outsider: ReaderKeyPair;

const payload = { type: 'incident.created', text: 'MARKER-åß-😀 a child said "stop"' };

beforeAll(async () => {
  device = await generateSigningKeyPair(false);
  devicePublic = await exportPublicJwk(device.publicKey);
  [dsl, recovery, outsider] = await Promise.all([
    generateReaderKeyPair(),
    generateReaderKeyPair(),
    generateReaderKeyPair(),
  ]);
});

async function seal(): Promise<Envelope> {
  return sealEnvelope(
    {
      id: ulid(),
      school: 'sch1',
      device: 'dev1',
      seq: 1,
      kind: 'incident.created',
      created: new Date().toISOString(),
      recipientSet: 1,
    },
    payload,
    [dsl, recovery],
    device.privateKey,
  );
}

function flip(b64: string, index = 0): string {
  const bytes = fromBase64Url(b64);
  bytes[index] = bytes[index]! ^ 0x01;
  return toBase64Url(bytes);
}

describe('envelope round trip', () => {
  it('opens for every reader and yields the exact payload', async () => {
    const e = await seal();
    expect(envelopeProblems(e)).toEqual([]);
    for (const reader of [dsl, recovery]) {
      const opened = await openEnvelope(e, reader, devicePublic);
      expect(opened.payload).toEqual(payload);
      expect(opened.header.id).toBe(e.id);
    }
  });

  it('carries no plaintext and pads the size', async () => {
    const e = await seal();
    expect(JSON.stringify(e)).not.toContain('MARKER');
    expect(e.size % 512).toBe(0);
  });

  it('refuses a key that is not among the readers', async () => {
    await expect(openEnvelope(await seal(), outsider, devicePublic)).rejects.toThrow(
      /not sealed to your key/,
    );
  });

  it('survives a JSON round trip and hashes stably', async () => {
    const e = await seal();
    const copy = JSON.parse(JSON.stringify(e)) as Envelope;
    expect(await envelopeHash(copy)).toBe(await envelopeHash(e));
    expect((await openEnvelope(copy, dsl, devicePublic)).payload).toEqual(payload);
  });
});

type Tamper = [name: string, change: (e: Envelope) => Envelope];

const tampers: Tamper[] = [
  ['a flipped byte in the ciphertext', (e) => ({ ...e, ct: flip(e.ct, 20) })],
  ['a changed header field (seq)', (e) => ({ ...e, seq: e.seq + 1 })],
  ['a changed header field (kind)', (e) => ({ ...e, kind: 'incident.closed' })],
  ['a changed header field (device)', (e) => ({ ...e, device: 'dev2' })],
  [
    'a flipped byte in the reader list (wrapped key)',
    (e) => ({
      ...e,
      readers: e.readers.map((r, i) => (i === 0 ? { ...r, key: flip(r.key, 3) } : r)),
    }),
  ],
  [
    'a flipped byte in the reader list (enc)',
    (e) => ({
      ...e,
      readers: e.readers.map((r, i) => (i === 0 ? { ...r, enc: flip(r.enc, 10) } : r)),
    }),
  ],
  ['a reader removed', (e) => ({ ...e, readers: e.readers.slice(0, 1) })],
  ['reader slots swapped', (e) => ({ ...e, readers: [...e.readers].reverse() })],
  ['a flipped byte in the MAC', (e) => ({ ...e, mac: flip(e.mac, 5) })],
  ['a flipped byte in the signature', (e) => ({ ...e, sig: flip(e.sig, 7) })],
  ['a flipped byte in the IV', (e) => ({ ...e, iv: flip(e.iv, 0) })],
];

describe('tampered envelopes are rejected', () => {
  it.each(tampers)('%s', async (_name, change) => {
    const tampered = change(await seal());
    expect(await verifyEnvelopeSignature(tampered, devicePublic)).toBe(false);
    await expect(openEnvelope(tampered, dsl, devicePublic)).rejects.toThrow();
  });

  it('a signature from another device is rejected', async () => {
    const other = await generateSigningKeyPair(false);
    await expect(
      openEnvelope(await seal(), dsl, await exportPublicJwk(other.publicKey)),
    ).rejects.toThrow(/signature/);
  });

  it('checks every envelope against the key it is given, though keys are imported once', async () => {
    const other = await exportPublicJwk((await generateSigningKeyPair(false)).publicKey);
    const e = await seal();
    for (let i = 0; i < 2; i++) {
      await expect(openEnvelope(e, dsl, devicePublic)).resolves.toBeTruthy();
      await expect(openEnvelope(e, dsl, other)).rejects.toThrow(/signature/);
      // A point that is not on the curve cannot be imported: refused, and again next time.
      await expect(openEnvelope(e, dsl, { ...devicePublic, y: other.x })).rejects.toThrow(
        /signature/,
      );
    }
  });
});

describe('one spelling per signature', () => {
  it('refuses a signature re-spelt with different unused trailing bits', async () => {
    const e = await seal();
    const last = e.sig[e.sig.length - 1]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 64 bytes = 86 characters: the last one carries 2 data bits and 4 unused ones.
    const respelt = e.sig.slice(0, -1) + alphabet[alphabet.indexOf(last) | 0x01];
    expect(respelt).not.toBe(e.sig);
    expect(await verifyEnvelopeSignature({ ...e, sig: respelt }, devicePublic)).toBe(false);
    expect(envelopeProblems({ ...e, sig: respelt })).toContain('"sig" must be a 64-byte signature');
  });
});
