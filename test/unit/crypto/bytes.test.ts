/**
 * base64url, the only text encoding of bytes on the wire: the table decoder against Node's
 * own, and the refusals that keep one value from having two spellings (a re-spelt
 * signature must not pass as a different upload of the same envelope).
 */
import { describe, expect, it } from 'vitest';
import { fromBase64Url, isBase64Url, randomBytes, toBase64Url } from '../../../src/crypto/bytes.ts';

describe('base64url', () => {
  it('decodes what it encodes, as Node does, for every length up to 100 bytes', () => {
    for (let length = 0; length <= 100; length++) {
      const bytes = randomBytes(length);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(isBase64Url(text, length)).toBe(true);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it.each([
    ['standard base64’s +', 'ab+d'],
    ['standard base64’s /', 'ab/d'],
    ['padding', 'YQ=='],
    ['a space', 'ab d'],
    ['a character outside ASCII', 'abé0'],
    ['a lone final character', 'abcde'],
    ['unused low bits set after two characters', 'YR'],
    ['unused low bits set after three characters', 'YWJ'],
  ])('refuses %s', (_what, text) => {
    expect(isBase64Url(text)).toBe(false);
    expect(() => fromBase64Url(text)).toThrow('Invalid base64url text');
  });

  it('checks the decoded length when one is asked for, and refuses what is not text', () => {
    expect(isBase64Url('YWI', 2)).toBe(true);
    expect(isBase64Url('YWI', 3)).toBe(false);
    expect(isBase64Url('', 0)).toBe(true);
    expect(isBase64Url(42)).toBe(false);
    expect(() => fromBase64Url(undefined as unknown as string)).toThrow();
  });
});
