import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../src/crypto/bytes.ts';
import {
  exportReaderPrivate,
  generateReaderKeyPair,
  importReaderPrivate,
  type ReaderKeyPair,
} from '../../../src/crypto/hpke.ts';
import { readerPublicCandidates } from '../../../src/crypto/reader-public.ts';
import {
  decodeShare,
  encodeShare,
  isReaderKeyFor,
  recoverFromShares,
  ShareError,
  shareKeyTag,
  splitRecoveryKey,
} from '../../../src/crypto/recovery-shares.ts';
import { splitSecret } from '../../../src/crypto/shamir.ts';

let recovery: ReaderKeyPair;
let recoveryKey: string;
let shares: string[];
let other: ReaderKeyPair;

beforeAll(async () => {
  recovery = await generateReaderKeyPair();
  other = await generateReaderKeyPair();
  recoveryKey = await exportReaderPrivate(recovery.privateKey);
  shares = await splitRecoveryKey(recoveryKey, recovery.kid);
});

async function refusal(texts: string[], kid = recovery.kid): Promise<ShareError> {
  try {
    await recoverFromShares(texts, kid);
  } catch (e) {
    if (e instanceof ShareError) return e;
    throw e;
  }
  throw new Error('recoverFromShares accepted it');
}

describe('splitting the recovery key 2-of-3 and recovering it', () => {
  it('prints three shares, each naming the recovery key', () => {
    expect(shares).toHaveLength(3);
    shares.forEach((s, i) =>
      expect(s.split('\n')[0]).toBe(
        `SHARE ${i + 1} OF 3 · NEED 2 · KEY ${shareKeyTag(recovery.kid)}`,
      ),
    );
  });

  it.each([
    [0, 1],
    [0, 2],
    [1, 2],
    [2, 0],
  ])('shares %i and %i rebuild the key', async (a, b) => {
    expect(await recoverFromShares([shares[a]!, shares[b]!], recovery.kid)).toBe(recoveryKey);
  });

  it('all three together rebuild it, and blank boxes are ignored', async () => {
    expect(await recoverFromShares(['', ...shares, '  \n'], recovery.kid)).toBe(recoveryKey);
  });

  it('one extra share from an older printing does not block recovery', async () => {
    const older = await splitRecoveryKey(recoveryKey, recovery.kid);
    expect(await recoverFromShares([older[2]!, shares[0]!, shares[1]!], recovery.kid)).toBe(
      recoveryKey,
    );
  });

  it('the rebuilt key imports and is the recovery reader key', async () => {
    const rebuilt = await recoverFromShares([shares[2]!, shares[1]!], recovery.kid);
    const candidates = await readerPublicCandidates(await importReaderPrivate(rebuilt));
    expect(candidates).toEqual([recovery.publicKey]);
  });

  it('supports other splits, such as 3-of-5', async () => {
    const five = await splitRecoveryKey(recoveryKey, recovery.kid, 3, 5);
    expect(await recoverFromShares([five[4]!, five[0]!, five[2]!], recovery.kid)).toBe(recoveryKey);
    expect((await refusal([five[4]!, five[0]!])).message).toBe(
      '3 shares are needed; only 2 were entered.',
    );
  });

  it('refuses to split a key that does not match its id', async () => {
    await expect(splitRecoveryKey(recoveryKey, other.kid)).rejects.toThrow(/does not match/);
  });
});

describe('refusals say what is wrong', () => {
  const cases: [string, () => string[], RegExp, string?][] = [
    ['no shares', () => ['', ' '], /Enter the recovery shares first/],
    ['one share alone', () => [shares[0]!], /^2 shares are needed; only one was entered\.$/],
    ['the same share twice', () => [shares[1]!, shares[1]!], /Share 2 was entered twice/],
    [
      'a typo in the second share',
      () => [
        shares[0]!,
        shares[1]!.replace(/\n(.)/, (_m, c: string) => `\n${c === 'Z' ? 'Y' : 'Z'}`),
      ],
      /^Share 2 has a typo in group 1\.$/,
    ],
    [
      'an unreadable first line in the second box',
      () => [shares[0]!, shares[1]!.replace('SHARE', 'SHAER')],
      /^The second share you entered: the first line of a share should read like/,
    ],
  ];
  it.each(cases)('%s', async (_name, texts, message) => {
    expect((await refusal(texts())).message).toMatch(message);
  });

  it('a share of another recovery key', async () => {
    const foreign = await splitRecoveryKey(await exportReaderPrivate(other.privateKey), other.kid);
    expect((await refusal([shares[0]!, foreign[1]!])).message).toBe(
      `Share 2 belongs to a different recovery key (KEY ${shareKeyTag(other.kid)}); this school’s recovery key is KEY ${shareKeyTag(recovery.kid)}.`,
    );
  });

  it('shares of the right key checked against the wrong kid', async () => {
    expect((await refusal(shares.slice(0, 2), other.kid)).message).toMatch(
      /belongs to a different recovery key/,
    );
  });

  it('two different shares claiming the same number', async () => {
    const older = await splitRecoveryKey(recoveryKey, recovery.kid);
    expect((await refusal([shares[0]!, older[0]!])).message).toMatch(
      /Two different shares both say they are share 1/,
    );
  });

  it('shares from two printings of the same key: no key, a plain refusal', async () => {
    const older = await splitRecoveryKey(recoveryKey, recovery.kid);
    expect((await refusal([shares[0]!, older[1]!])).message).toMatch(
      /These shares do not rebuild the recovery key \(KEY .{4}\)/,
    );
  });

  it('shares from splits with different thresholds', async () => {
    const five = await splitRecoveryKey(recoveryKey, recovery.kid, 3, 5);
    expect((await refusal([shares[0]!, five[1]!])).message).toMatch(/not from the same set/);
  });

  it('a corrupted share that passes the printed checks is still refused', async () => {
    // Re-encode share 2 with one byte changed: every printed check is recomputed, so only
    // the comparison with the recovery key id can notice.
    const decoded = decodeShare(shares[1]!);
    const bytes = decoded.bytes.slice();
    bytes[3] = bytes[3]! ^ 0x40;
    const forged = encodeShare({ ...decoded, kid: recovery.kid, bytes });
    expect((await refusal([shares[0]!, forged])).message).toMatch(
      /do not rebuild the recovery key/,
    );
  });
});

describe('checking a key against a kid', () => {
  it('refuses what is not a P-256 private key for that kid', async () => {
    const raw = fromBase64Url(recoveryKey);
    expect(await isReaderKeyFor(raw, recovery.kid)).toBe(true);
    expect(await isReaderKeyFor(raw, other.kid)).toBe(false);
    expect(await isReaderKeyFor(new Uint8Array(32), recovery.kid)).toBe(false);
    expect(await isReaderKeyFor(new Uint8Array(32).fill(0xff), recovery.kid)).toBe(false);
    expect(await isReaderKeyFor(raw.slice(0, 31), recovery.kid)).toBe(false);
  });

  it('the ECDH route (for browsers that will not export the key) finds the same public key', async () => {
    const ecdh = { name: 'ECDH', namedCurve: 'P-256' } as const;
    const pair = (await crypto.subtle.generateKey(ecdh, false, ['deriveBits'])) as CryptoKeyPair;
    const publicKey = toBase64Url(await crypto.subtle.exportKey('raw', pair.publicKey));
    const candidates = await readerPublicCandidates(pair.privateKey);
    expect(candidates).toHaveLength(2);
    expect(candidates).toContain(publicKey);
  });

  it('one share alone is not the key', async () => {
    const [one] = splitSecret(fromBase64Url(recoveryKey), 2, 3);
    expect(await isReaderKeyFor(one!.bytes, recovery.kid)).toBe(false);
  });
});
