import { describe, expect, it } from 'vitest';
import { randomBytes, toBase64Url, utf8 } from '../../../src/crypto/bytes.ts';
import { CROCKFORD_ALPHABET } from '../../../src/crypto/crockford.ts';
import {
  crc15,
  decodeShare,
  encodeShare,
  shareGroupCount,
  ShareError,
  shareKeyTag,
} from '../../../src/crypto/share-text.ts';

const kid = toBase64Url(randomBytes(16));
const share = { index: 2, total: 3, threshold: 2, kid, bytes: randomBytes(32) };
const text = encodeShare(share);
const [header, ...lines] = text.split('\n');
const groups = lines.join(' ').split(' ');

/** The text with character `at` of group `g` (0-based) replaced by `char`. */
function withChar(g: number, at: number, char: string): string {
  const copy = [...groups];
  copy[g] = copy[g]!.slice(0, at) + char + copy[g]!.slice(at + 1);
  return `${header}\n${copy.join(' ')}`;
}

function errorOf(input: string): ShareError {
  try {
    decodeShare(input);
  } catch (e) {
    if (e instanceof ShareError) return e;
    throw e;
  }
  throw new Error('decodeShare accepted it');
}

describe('the printed form', () => {
  it('has a first line, then lines of four groups of four', () => {
    expect(header).toBe(`SHARE 2 OF 3 · NEED 2 · KEY ${shareKeyTag(kid)}`);
    expect(groups).toHaveLength(shareGroupCount(32));
    expect(groups).toHaveLength(19);
    expect(lines.slice(0, -1).every((l) => l.split(' ').length === 4)).toBe(true);
    expect(groups.every((g) => /^[0-9A-HJKMNP-TV-Z]{4}$/.test(g))).toBe(true);
  });

  it('CRC-15/CAN has the standard check value', () => {
    expect(crc15(utf8('123456789'))).toBe(0x059e);
  });

  it('round-trips byte strings of every printable length', () => {
    for (let length = 1; length <= 64; length++) {
      const bytes = randomBytes(length);
      const decoded = decodeShare(encodeShare({ ...share, bytes }));
      expect(decoded.bytes).toEqual(bytes);
    }
  });
});

describe('reading a share back forgives what people do', () => {
  const variants: [string, string][] = [
    ['as printed', text],
    ['lower case', text.toLowerCase()],
    ['all on one line', text.replace(/\n/g, ' ')],
    ['with no spaces at all', text.replace(/\s/g, '')],
    ['with hyphens between groups', `${header}\n${groups.join('-')}`],
    ['with extra blank lines and indentation', `\n  ${header}\n\n   ${groups.join('   ')}\n`],
    ['with a plain dot for the middle dot', text.replace(/·/g, '.')],
    ['with O for 0 and I or L for 1', text.replace(/0/g, 'O').replace(/1/g, 'l')],
  ];
  it.each(variants)('%s', (_name, input) => {
    const decoded = decodeShare(input);
    expect(decoded).toMatchObject({ index: 2, total: 3, threshold: 2, keyTag: shareKeyTag(kid) });
    expect(decoded.bytes).toEqual(share.bytes);
  });
});

describe('typos are caught and located', () => {
  it('every single-character substitution, in every group, names that group', () => {
    let tried = 0;
    groups.forEach((group, g) => {
      for (let at = 0; at < 4; at++) {
        for (const char of CROCKFORD_ALPHABET) {
          if (char === group[at]) continue;
          const e = errorOf(withChar(g, at, char));
          expect(e.message).toBe(`Share 2 has a typo in group ${g + 1}.`);
          expect(e.group).toBe(g + 1);
          tried++;
        }
      }
    });
    expect(tried).toBe(19 * 4 * 31);
  });

  it('every swap of two different characters within a group is caught', () => {
    groups.forEach((group, g) => {
      for (let i = 0; i < 4; i++)
        for (let j = i + 1; j < 4; j++) {
          if (group[i] === group[j]) continue;
          const swapped = [...group];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          const copy = [...groups];
          copy[g] = swapped.join('');
          expect(errorOf(`${header}\n${copy.join(' ')}`).group).toBe(g + 1);
        }
    });
  });

  it('lists several mistyped groups', () => {
    const copy = [...groups];
    const other = (c: string) => (c === 'Z' ? 'Y' : 'Z');
    copy[1] = other(copy[1]![0]!) + copy[1]!.slice(1);
    copy[4] = copy[4]!.slice(0, 3) + other(copy[4]![3]!);
    copy[11] = copy[11]!.slice(0, 2) + other(copy[11]![2]!) + copy[11]!.slice(3);
    expect(errorOf(`${header}\n${copy.join(' ')}`).message).toBe(
      'Share 2 has typos in groups 2, 5 and 12.',
    );
  });

  it('two neighbouring groups swapped are both reported', () => {
    const copy = [...groups];
    [copy[5], copy[6]] = [copy[6]!, copy[5]!];
    expect(errorOf(`${header}\n${copy.join(' ')}`).message).toMatch(/groups 6 and 7/);
  });

  const structural: [string, string, RegExp][] = [
    [
      'a character that shares never use',
      withChar(7, 2, 'U'),
      /Share 2 has a character that shares never use \(“U”\) in group 8\./,
    ],
    ['a dropped character', withChar(3, 1, ''), /Share 2: group 4 has 3 characters instead of 4\./],
    ['an extra character', withChar(3, 1, 'AB'), /group 4 has 5 characters/],
    [
      'a dropped character, typed without spaces',
      withChar(3, 1, '').replace(/ /g, ''),
      /not a whole number of groups of four/,
    ],
    [
      'a missing group',
      `${header}\n${groups.filter((_, g) => g !== 9).join(' ')}`,
      /has 18 groups but should have 19: a group is missing/,
    ],
    [
      'a group typed twice',
      `${header}\n${[...groups.slice(0, 10), groups[9], ...groups.slice(10)].join(' ')}`,
      /has 20 groups but should have 19/,
    ],
    ['no groups at all', header!, /not a whole number of groups/],
    ['a garbled first line', text.replace('SHARE', 'SHRAE'), /first line of a share should read/],
    ['share 4 of 3', text.replace('SHARE 2', 'SHARE 4'), /cannot be right/],
    ['need 4 of 3', text.replace('NEED 2', 'NEED 4'), /NEED 4.*cannot be right/],
    ['need 1', text.replace('NEED 2', 'NEED 1'), /NEED 1.*cannot be right/],
    [
      'a different share number on the first line',
      text.replace('SHARE 2', 'SHARE 1'),
      /Share 1 does not check out as a whole/,
    ],
    [
      'a different count on the first line',
      text.replace('OF 3', 'OF 4'),
      /does not check out as a whole/,
    ],
    [
      'a different KEY on the first line',
      text.replace(/KEY (.)/, (_m, c: string) => `KEY ${c === 'Z' ? 'Y' : 'Z'}`),
      /does not check out as a whole/,
    ],
  ];
  it.each(structural)('%s', (_name, input, message) => {
    expect(errorOf(input).message).toMatch(message);
  });

  it('a group taken from another share (same place) is caught by the whole-share check', () => {
    // Every bit flipped, so group 9 of the other share certainly differs from this one's.
    const other = encodeShare({ ...share, index: 3, bytes: share.bytes.map((b) => b ^ 0xff) });
    const otherGroups = other.split('\n').slice(1).join(' ').split(' ');
    const copy = [...groups];
    copy[8] = otherGroups[8]!;
    expect(errorOf(`${header}\n${copy.join(' ')}`).message).toMatch(
      /does not check out as a whole/,
    );
  });
});

describe('encoding refuses what cannot be printed', () => {
  it.each<[string, Partial<typeof share>]>([
    ['share 0', { index: 0 }],
    ['share 4 of 3', { index: 4 }],
    ['11 shares', { total: 11, index: 1 }],
    ['threshold 1', { threshold: 1 }],
    ['no bytes', { bytes: new Uint8Array(0) }],
    ['65 bytes', { bytes: new Uint8Array(65) }],
    ['a malformed kid', { kid: 'not-a-kid' }],
  ])('%s', (_name, change) => {
    expect(() => encodeShare({ ...share, ...change })).toThrow(ShareError);
  });
});
