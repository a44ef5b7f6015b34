/**
 * Break-glass recovery shares: the school's recovery key (the HPKE reader key that every
 * record is also sealed to) split k-of-n, 2-of-3 by default, into shares printed for, say,
 * the head teacher, the DPO and the chair of governors. Any k of them rebuild the key; one
 * alone reveals nothing about it.
 *
 * A rebuilt key is only returned once it is proven to be the recovery key: its public key
 * is derived (reader-public.ts) and must hash to the recovery key id the school's signed
 * recipient set names, and a probe secret sealed to that public key must open with the
 * rebuilt private key. So a wrong share that slipped past every printed check, or shares
 * from two different splits, give a plain refusal, never a key that opens nothing.
 */
import { bytesEqual, fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes.ts';
import { importReaderPrivate, openAsReader, sealToReader } from './hpke.ts';
import { readerKid } from './reader-kid.ts';
import { readerPublicCandidates } from './reader-public.ts';
import { combineShares, splitSecret, type SecretShare } from './shamir.ts';
import {
  decodeShare,
  encodeShare,
  ShareError,
  shareKeyTag,
  type DecodedShare,
} from './share-text.ts';

export {
  decodeShare,
  encodeShare,
  shareKeyTag,
  ShareError,
  type DecodedShare,
  type ShareInput,
} from './share-text.ts';

const PROBE_INFO = 'safetrail/v1/recovery-check';

/**
 * True when `raw` (a 32-byte P-256 scalar) is the private half of the reader key `kid`,
 * shown by deriving its public key and by an HPKE round trip through that public key.
 */
export async function isReaderKeyFor(raw: Uint8Array<ArrayBuffer>, kid: string): Promise<boolean> {
  if (raw.length !== 32) return false;
  let privateKey: CryptoKey;
  try {
    privateKey = await importReaderPrivate(toBase64Url(raw));
  } catch {
    return false; // zero, or not below the curve order: not a key at all
  }
  for (const publicKey of await readerPublicCandidates(privateKey)) {
    if ((await readerKid(publicKey)) !== kid) continue;
    const probe = randomBytes(32);
    const aad = utf8(`${PROBE_INFO}|${kid}`);
    try {
      const sealed = await sealToReader(publicKey, probe, PROBE_INFO, aad);
      return bytesEqual(await openAsReader(privateKey, sealed, PROBE_INFO, aad), probe);
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Splits the recovery private key (exportReaderPrivate's base64url text) into printable
 * shares, after checking that it really is the key with id `kid`.
 */
export async function splitRecoveryKey(
  recoveryKey: string,
  kid: string,
  threshold = 2,
  total = 3,
): Promise<string[]> {
  const raw = fromBase64Url(recoveryKey);
  try {
    if (!(await isReaderKeyFor(raw, kid)))
      throw new ShareError('That recovery key does not match its key id; nothing was split.');
    return splitSecret(raw, threshold, total).map((s) =>
      encodeShare({ index: s.index, total, threshold, kid, bytes: s.bytes }),
    );
  } finally {
    raw.fill(0);
  }
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

function decodeEach(texts: string[]): DecodedShare[] {
  return texts.map((text, i) => {
    try {
      return decodeShare(text);
    } catch (e) {
      // Without a readable first line there is no share number: say which box it was.
      if (e instanceof ShareError && e.share === undefined)
        throw new ShareError(
          `The ${ORDINALS[i] ?? `${i + 1}th`} share you entered: ${e.message[0]!.toLowerCase()}${e.message.slice(1)}`,
        );
      throw e;
    }
  });
}

function checkTogether(shares: DecodedShare[], kid: string): void {
  const tag = shareKeyTag(kid);
  const first = shares[0]!;
  const seen = new Map<number, DecodedShare>();
  for (const s of shares) {
    if (s.keyTag !== tag)
      throw new ShareError(
        `Share ${s.index} belongs to a different recovery key (KEY ${s.keyTag}); this school’s recovery key is KEY ${tag}.`,
        s.index,
      );
    if (s.total !== first.total || s.threshold !== first.threshold)
      throw new ShareError(
        `Share ${s.index} says “OF ${s.total} · NEED ${s.threshold}” but share ${first.index} says “OF ${first.total} · NEED ${first.threshold}”: they are not from the same set of shares.`,
        s.index,
      );
    const twin = seen.get(s.index);
    if (twin)
      throw new ShareError(
        bytesEqual(twin.bytes, s.bytes)
          ? `Share ${s.index} was entered twice. Enter a different share instead.`
          : `Two different shares both say they are share ${s.index}. Check the share number on each.`,
        s.index,
      );
    seen.set(s.index, s);
  }
  if (shares.length < first.threshold)
    throw new ShareError(
      `${first.threshold} shares are needed; ${shares.length === 1 ? 'only one was' : `only ${shares.length} were`} entered.`,
    );
}

function* subsets<T>(items: T[], size: number, start = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - size; i++)
    for (const rest of subsets(items, size - 1, i + 1)) yield [items[i]!, ...rest];
}

/**
 * Rebuilds the recovery private key (base64url, as exportReaderPrivate gives it) from the
 * typed shares, checked against `expectedKid` (the recovery reader's kid in the school's
 * verified recipient set). With more shares than needed, each group of `threshold` is
 * tried, so one bad extra share does not block recovery. Throws ShareError otherwise.
 */
export async function recoverFromShares(texts: string[], expectedKid: string): Promise<string> {
  const entered = texts.filter((t) => t.trim() !== '');
  if (entered.length === 0) throw new ShareError('Enter the recovery shares first.');
  const shares = decodeEach(entered);
  checkTogether(shares, expectedKid);
  for (const group of subsets<SecretShare>(shares, shares[0]!.threshold)) {
    const secret = combineShares(group);
    try {
      if (await isReaderKeyFor(secret, expectedKid)) return toBase64Url(secret);
    } finally {
      secret.fill(0);
    }
  }
  throw new ShareError(
    `These shares do not rebuild the recovery key (KEY ${shareKeyTag(expectedKid)}). One of them may come from an older printing of the shares, or was changed in a way its checks cannot see.`,
  );
}
