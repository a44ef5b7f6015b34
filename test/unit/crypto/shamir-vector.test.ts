import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openEnvelope } from '../../../src/crypto/envelope.ts';
import { importReaderPrivate } from '../../../src/crypto/hpke.ts';
import {
  decodeShare,
  encodeShare,
  recoverFromShares,
} from '../../../src/crypto/recovery-shares.ts';
import { combineShares, splitSecretWithCoefficients } from '../../../src/crypto/shamir.ts';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../vectors/${name}`, import.meta.url), 'utf8'));
const vector = load('shamir-v1.json');
const envelopeVector = load('envelope-v1.json');
const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

interface VectorCase {
  name: string;
  threshold: number;
  total: number;
  secretHex: string;
  coefficientsHex: string[];
  shares: { index: number; bytesHex: string }[];
}

describe('Shamir v1 test vector (docs/envelope.md, "Recovery shares")', () => {
  it.each((vector.cases as VectorCase[]).map((c) => [c.name, c] as const))(
    '%s: the recorded coefficients give the recorded shares, and they recombine',
    (_name, c) => {
      const shares = splitSecretWithCoefficients(
        bytes(c.secretHex),
        c.threshold,
        c.total,
        c.coefficientsHex.map(bytes),
      );
      expect(shares.map((s) => ({ index: s.index, bytesHex: hex(s.bytes) }))).toEqual(c.shares);
      const recorded = c.shares.map((s) => ({ index: s.index, bytes: bytes(s.bytesHex) }));
      expect(hex(combineShares(recorded.slice(-c.threshold)))).toBe(c.secretHex);
    },
  );

  it('the printed shares are exactly what encodeShare prints, and read back', () => {
    const recovery = vector.cases[0] as VectorCase;
    recovery.shares.forEach((s, i) => {
      const text = encodeShare({
        index: s.index,
        total: 3,
        threshold: 2,
        kid: vector.recovery.kid,
        bytes: bytes(s.bytesHex),
      });
      expect(text).toBe(vector.recovery.printed[i]);
      expect(hex(decodeShare(text).bytes)).toBe(s.bytesHex);
    });
  });

  it('any two printed shares rebuild the key, which opens the envelope-v1 record', async () => {
    const [a, b, c] = vector.recovery.printed as string[];
    for (const pair of [
      [a!, b!],
      [b!, c!],
      [c!, a!],
    ])
      expect(await recoverFromShares(pair, vector.recovery.kid)).toBe(vector.recovery.privateKey);
    const key = await recoverFromShares([c!, b!], vector.recovery.kid);
    const opened = await openEnvelope(
      envelopeVector.envelope,
      { kid: vector.recovery.kid, privateKey: await importReaderPrivate(key) },
      envelopeVector.devicePublicKey,
    );
    expect(opened.payload).toEqual(envelopeVector.payload);
  });
});
