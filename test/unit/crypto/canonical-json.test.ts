/**
 * Canonical JSON, the bytes every hash, MAC and signature covers: sorted keys, no
 * whitespace, and a refusal for anything that does not round-trip exactly. A property test
 * holds it to the first implementation's output, so no stored hash or signature changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canonicalJsonWithAndWithout,
} from '../../../src/crypto/canonical-json.ts';

/** The reference: the first, plainer implementation, which every stored hash was made with. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${reference(record[k])}`);
  return `{${entries.join(',')}}`;
}

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'grapheme' }),
    fc.maxSafeInteger(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('tree')),
    fc.dictionary(fc.string(), tie('tree')),
  ),
}));

describe('canonical JSON', () => {
  it('gives the same text as ever, and parses back to the same value', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const text = canonicalJson(value);
        expect(text).toBe(reference(value));
        expect(JSON.parse(text)).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('gives an object’s text with and without one key as two separate calls would', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), tree), fc.string(), (record, key) => {
        const keyOf = Object.keys(record)[0] ?? key;
        const { [keyOf]: _dropped, ...rest } = record;
        expect(canonicalJsonWithAndWithout(record, keyOf)).toEqual({
          whole: reference(record),
          without: reference(rest),
        });
      }),
      { numRuns: 300 },
    );
    expect(() => canonicalJsonWithAndWithout([1], '0')).toThrow(/plain objects/);
    expect(() => canonicalJsonWithAndWithout(new Date(0), 'x')).toThrow(/plain objects/);
  });

  it.each([
    [
      { b: 1, a: [true, null, 'x'], c: { z: '', y: -2 } },
      '{"a":[true,null,"x"],"b":1,"c":{"y":-2,"z":""}}',
    ],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    [{ é: 'quote " and \\ and \n', e: '😀' }, '{"e":"😀","é":"quote \\" and \\\\ and \\n"}'],
    [Object.assign(Object.create(null), { k: 1 }), '{"k":1}'],
    [[], '[]'],
    [{}, '{}'],
  ])('encodes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it.each([
    ['a float', 1.5],
    ['an unsafe integer', 2 ** 53],
    ['NaN', Number.NaN],
    ['a class instance', new Date(0)],
    ['undefined in an array', [1, undefined]],
    ['a bigint', 1n],
    ['a function', () => 1],
  ])('refuses %s', (_what, value) => {
    expect(() => canonicalJson(value)).toThrow();
  });
});
