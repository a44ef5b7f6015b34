import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../../src/crypto/bytes.ts';
import {
  combineShares,
  gfMul,
  MAX_SHARES,
  ShamirError,
  splitSecret,
  type SecretShare,
} from '../../../src/crypto/shamir.ts';

/** Every subset of `items` with `size` members. */
function subsets<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), size - 1).map((s) => [item, ...s]));
}

describe('GF(2^8) multiplication (AES field, FIPS 197 section 4.2)', () => {
  it.each([
    [0x57, 0x83, 0xc1],
    [0x57, 0x13, 0xfe],
    [0x57, 0x02, 0xae],
    [0x00, 0xff, 0x00],
    [0x01, 0xab, 0xab],
  ])('%i × %i = %i', (a, b, product) => {
    expect(gfMul(a, b)).toBe(product);
    expect(gfMul(b, a)).toBe(product);
  });
});

describe('splitting and combining', () => {
  const cases: [threshold: number, total: number][] = [
    [2, 2],
    [2, 3],
    [3, 5],
    [4, 7],
    [MAX_SHARES, MAX_SHARES],
  ];

  it.each(cases)('%i-of-%i: every group of the threshold size rebuilds the secret', (k, n) => {
    const secret = randomBytes(32);
    const shares = splitSecret(secret, k, n);
    expect(shares.map((s) => s.index)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    for (const group of subsets(shares, k)) expect(combineShares(group)).toEqual(secret);
    // More shares than needed rebuild it too (the polynomial is the same).
    expect(combineShares(shares)).toEqual(secret);
  });

  it.each(cases.filter(([k]) => k > 2))(
    '%i-of-%i: one share fewer than the threshold rebuilds something else',
    (k, n) => {
      const secret = randomBytes(32);
      const shares = splitSecret(secret, k, n);
      for (const group of subsets(shares, k - 1)) expect(combineShares(group)).not.toEqual(secret);
    },
  );

  it('2-of-3: every pair rebuilds the 32-byte recovery key, and no single share is it', () => {
    const secret = randomBytes(32);
    const [a, b, c] = splitSecret(secret, 2, 3) as [SecretShare, SecretShare, SecretShare];
    for (const pair of [
      [a, b],
      [a, c],
      [b, c],
      [c, a],
    ])
      expect(combineShares(pair)).toEqual(secret);
    for (const one of [a, b, c]) expect(one.bytes).not.toEqual(secret);
  });

  it('splits any length of byte string, down to one byte', () => {
    for (const length of [1, 2, 16, 33, 100]) {
      const secret = randomBytes(length);
      const shares = splitSecret(secret, 2, 3);
      expect(combineShares([shares[2]!, shares[0]!])).toEqual(secret);
    }
  });

  it('draws fresh coefficients each time', () => {
    const secret = randomBytes(32);
    expect(splitSecret(secret, 2, 3)[0]!.bytes).not.toEqual(splitSecret(secret, 2, 3)[0]!.bytes);
  });

  it('a changed byte in one share changes the rebuilt secret', () => {
    const secret = randomBytes(32);
    const [a, b] = splitSecret(secret, 2, 3) as [SecretShare, SecretShare];
    const bad = { index: a.index, bytes: a.bytes.slice() };
    bad.bytes[7]! ^= 0x20;
    expect(combineShares([bad, b])).not.toEqual(secret);
  });
});

describe('refusals', () => {
  const secret = randomBytes(32);
  const [a, b] = splitSecret(secret, 2, 3) as [SecretShare, SecretShare];

  it.each<[string, () => unknown, RegExp]>([
    ['an empty secret', () => splitSecret(new Uint8Array(0), 2, 3), /no secret/],
    ['a threshold of 1', () => splitSecret(secret, 1, 3), /needed must be 2 to 3/],
    ['a threshold above the total', () => splitSecret(secret, 4, 3), /needed must be 2 to 3/],
    ['more than ten shares', () => splitSecret(secret, 2, 11), /2 to 10/],
    ['a fractional threshold', () => splitSecret(secret, 2.5, 3), /needed/],
    ['one share alone', () => combineShares([a]), /At least two shares/],
    ['no shares', () => combineShares([]), /At least two shares/],
    ['the same share twice', () => combineShares([a, a]), /Share 1 was given more than once/],
    [
      'two shares with the same number',
      () => combineShares([a, { index: 1, bytes: b.bytes }]),
      /Share 1 was given more than once/,
    ],
    [
      'shares of different lengths',
      () => combineShares([a, { index: 2, bytes: b.bytes.slice(0, 31) }]),
      /different lengths/,
    ],
    ['share number 0', () => combineShares([a, { index: 0, bytes: b.bytes }]), /not a valid/],
    ['share number 256', () => combineShares([a, { index: 256, bytes: b.bytes }]), /not a valid/],
  ])('refuses %s', (_name, run, message) => {
    expect(run).toThrow(ShamirError);
    expect(run).toThrow(message);
  });
});
