/**
 * The printed form of one recovery share, designed to be typed back from paper by someone
 * who is not a technician, under stress, possibly years later:
 *
 *   SHARE 1 OF 3 · NEED 2 · KEY 7QX4
 *   0G4Z M1QA 8C2R TD3K
 *   ...
 *
 * The first line says which share this is, how many exist, how many are needed and which
 * recovery key they belong to (KEY: the first 20 bits of its key id, in the share
 * alphabet). Then groups of four Crockford base32 characters: three carry data, the fourth
 * checks that group (and its position), so a single typo or two swapped characters are
 * caught and the message can say which group to look at. A last group carries a checksum
 * over the whole share, first line included. Byte layout: docs/envelope.md.
 */
import { fromBase64Url, isBase64Url } from './bytes.ts';
import { bytesToSymbols, symbolOf, symbolsToBytes, symbolsToText } from './crockford.ts';
import { checkSymbol, crc15 } from './share-checks.ts';
import { MAX_SHARES } from './shamir.ts';

export { crc15 };

export interface ShareInput {
  index: number;
  total: number;
  threshold: number;
  /** The recovery key's id (reader-kid.ts); only its first 20 bits are printed. */
  kid: string;
  bytes: Uint8Array;
}

export interface DecodedShare {
  index: number;
  total: number;
  threshold: number;
  /** The KEY printed on the first line: compare with shareKeyTag(kid). */
  keyTag: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** A share that cannot be used, with a message a person can act on. */
export class ShareError extends Error {
  constructor(
    message: string,
    readonly share?: number,
    readonly group?: number,
  ) {
    super(message);
    this.name = 'ShareError';
  }
}

export const MAX_SHARE_BYTES = 64;
const GROUPS_PER_LINE = 4;
const EXAMPLE = '“SHARE 1 OF 3 · NEED 2 · KEY 7QX4”';
const SEPARATORS = /[\s·•∙\-‐–—.,:;]+/g;

/** The 4-character KEY printed on every share of the recovery key with this id. */
export function shareKeyTag(kid: string): string {
  if (!isBase64Url(kid, 16)) throw new ShareError('The recovery key id is malformed.');
  return symbolsToText(bytesToSymbols(fromBase64Url(kid).subarray(0, 3)).slice(0, 4));
}

function wholeShareCrc(meta: number[], tag: string, data: Uint8Array): number[] {
  const input = new Uint8Array([...meta, ...[...tag].map(symbolOf), ...data]);
  const crc = crc15(input);
  return [(crc >> 10) & 31, (crc >> 5) & 31, crc & 31];
}

/** The length byte that the first two data symbols begin with. */
function lengthOf(symbols: number[]): number {
  return ((symbols[0]! << 3) | (symbols[1]! >> 2)) & 0xff;
}

function dataSymbols(bytes: Uint8Array): number[] {
  const symbols = bytesToSymbols(new Uint8Array([bytes.length, ...bytes]));
  while (symbols.length % 3) symbols.push(0);
  return symbols;
}

/** How many groups a share of `byteLength` bytes prints as, checksum group included. */
export function shareGroupCount(byteLength: number): number {
  return dataSymbols(new Uint8Array(byteLength)).length / 3 + 1;
}

function checkInput(s: ShareInput): void {
  const int = (n: number, lo: number, hi: number) => Number.isSafeInteger(n) && n >= lo && n <= hi;
  if (!int(s.total, 2, MAX_SHARES) || !int(s.threshold, 2, s.total) || !int(s.index, 1, s.total))
    throw new ShareError('The share number, count or threshold is out of range.');
  if (s.bytes.length < 1 || s.bytes.length > MAX_SHARE_BYTES)
    throw new ShareError(`A printed share holds 1 to ${MAX_SHARE_BYTES} bytes.`);
}

/** One share as text to print: a first line, then lines of four groups of four. */
export function encodeShare(share: ShareInput): string {
  checkInput(share);
  const tag = shareKeyTag(share.kid);
  const symbols = [
    ...dataSymbols(share.bytes),
    ...wholeShareCrc([share.index, share.total, share.threshold], tag, share.bytes),
  ];
  const groups: string[] = [];
  for (let g = 0; g * 3 < symbols.length; g++) {
    const data = symbols.slice(g * 3, g * 3 + 3);
    groups.push(symbolsToText([...data, checkSymbol(data, g)]));
  }
  const lines = [`SHARE ${share.index} OF ${share.total} · NEED ${share.threshold} · KEY ${tag}`];
  for (let i = 0; i < groups.length; i += GROUPS_PER_LINE)
    lines.push(groups.slice(i, i + GROUPS_PER_LINE).join(' '));
  return lines.join('\n');
}

function listGroups(groups: number[]): string {
  if (groups.length === 1) return `a typo in group ${groups[0]}`;
  const last = groups[groups.length - 1];
  return `typos in groups ${groups.slice(0, -1).join(', ')} and ${last}`;
}

/** Where the groups were typed with spaces, the one whose length is wrong. */
function misfitGroup(upper: string): { group: number; length: number } | null {
  const tokens = upper.split(SEPARATORS).filter(Boolean);
  const key = tokens.indexOf('KEY');
  if (key < 0) return null;
  const bad = tokens.slice(key + 2).findIndex((t) => t.length !== 4);
  return bad < 0 ? null : { group: bad + 1, length: tokens[key + 2 + bad]!.length };
}

function parseHeader(compact: string) {
  const m = /^SHARE(\d{1,2})OF(\d{1,2})NEED(\d{1,2})KEY(.{4})(.*)$/s.exec(compact);
  if (!m) throw new ShareError(`The first line of a share should read like ${EXAMPLE}.`);
  const [index, total, threshold] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  if (total < 2 || total > MAX_SHARES || index < 1 || index > total)
    throw new ShareError(
      `The first line says “SHARE ${index} OF ${total}”, which cannot be right.`,
    );
  if (threshold < 2 || threshold > total)
    throw new ShareError(`Share ${index} says “NEED ${threshold}”, which cannot be right.`, index);
  const tag = [...m[4]!].map(symbolOf);
  if (tag.includes(-1))
    throw new ShareError(`The KEY on the first line of share ${index} is mistyped.`, index);
  return { index, total, threshold, keyTag: symbolsToText(tag), body: m[5]! };
}

/**
 * Reads a share typed from paper. Forgives case, spaces, line breaks and hyphens, reads O
 * as 0 and I or L as 1, and otherwise throws a ShareError that names the share and group.
 */
export function decodeShare(text: string): DecodedShare {
  const upper = text.toUpperCase();
  const { body, ...head } = parseHeader(upper.replace(SEPARATORS, ''));
  const n = head.index;
  const symbols = [...body].map(symbolOf);
  const badChar = symbols.indexOf(-1);
  if (badChar >= 0) {
    const group = Math.floor(badChar / 4) + 1;
    throw new ShareError(
      `Share ${n} has a character that shares never use (“${body[badChar]}”) in group ${group}.`,
      n,
      group,
    );
  }
  if (symbols.length % 4 !== 0 || symbols.length < 8) {
    const misfit = misfitGroup(upper);
    throw new ShareError(
      misfit
        ? `Share ${n}: group ${misfit.group} has ${misfit.length} characters instead of 4.`
        : `Share ${n} has ${symbols.length} characters after its first line, not a whole number of groups of four: a character is missing or extra.`,
      n,
      misfit?.group,
    );
  }
  const groups = Array.from({ length: symbols.length / 4 }, (_, g) =>
    symbols.slice(g * 4, g * 4 + 4),
  );
  const failing = groups.flatMap((s, g) => (checkSymbol(s.slice(0, 3), g) === s[3] ? [] : [g + 1]));
  // Read the length from group 1 first, so a missing group is named as such rather than as
  // a typo in every group after it (their positions all shift).
  if (!failing.includes(1)) {
    const length = lengthOf(groups[0]!);
    const expected = shareGroupCount(length);
    if (length >= 1 && length <= MAX_SHARE_BYTES && groups.length !== expected)
      throw new ShareError(
        `Share ${n} has ${groups.length} groups but should have ${expected}: a group is missing or was typed twice.`,
        n,
      );
  }
  if (failing.length) throw new ShareError(`Share ${n} has ${listGroups(failing)}.`, n, failing[0]);
  const data = groups.slice(0, -1).flatMap((s) => s.slice(0, 3));
  const decoded = symbolsToBytes(data, 1 + lengthOf(data));
  const bytes = decoded?.slice(1);
  const crc = groups[groups.length - 1]!.slice(0, 3);
  const expectedCrc = bytes && wholeShareCrc([n, head.total, head.threshold], head.keyTag, bytes);
  if (!bytes || bytes.length === 0 || expectedCrc?.some((s, i) => s !== crc[i])) {
    throw new ShareError(
      `Share ${n} does not check out as a whole, although each group does. Check its first line (share number, NEED and KEY) against the paper, and that no group was copied from another share.`,
      n,
    );
  }
  return { ...head, bytes: new Uint8Array(bytes) };
}
