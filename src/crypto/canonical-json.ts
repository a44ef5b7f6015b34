/**
 * Canonical JSON: the exact bytes that are hashed, MAC'd and signed. Object keys are sorted,
 * there is no whitespace, and only values that round-trip exactly are allowed (strings,
 * booleans, null, safe integers, arrays, plain objects). Anything else throws, because a
 * signature over an ambiguous encoding is a signature over nothing.
 */
import { utf8 } from './bytes.ts';

export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | CanonicalValue[]
  | { [key: string]: CanonicalValue | undefined };

function assertPlainObject(value: object): void {
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value) || (proto !== Object.prototype && proto !== null))
    throw new Error('Canonical JSON allows only plain objects');
}

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) throw new Error('Canonical JSON allows only safe integers');
      return String(value);
    case 'object': {
      // Built up in one string rather than through map/filter/join arrays: every envelope a
      // console opens is serialised like this to check its signature.
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
        return out + ']';
      }
      assertPlainObject(value);
      const record = value as Record<string, unknown>;
      let out = '{';
      for (const k of Object.keys(record).sort()) {
        if (record[k] === undefined) continue;
        out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonicalJson(record[k]);
      }
      return out + '}';
    }
    default:
      throw new Error(`Canonical JSON cannot encode a ${typeof value}`);
  }
}

/**
 * The canonical JSON of a plain object, and of the same object without `key`, serialising
 * each member once: what a signed record and its signed part are (the endpoint needs both
 * for every envelope it takes, and the ciphertext is most of each).
 */
export function canonicalJsonWithAndWithout(
  value: object,
  key: string,
): { whole: string; without: string } {
  assertPlainObject(value);
  const record = value as Record<string, unknown>;
  let whole = '{';
  let without = '{';
  for (const k of Object.keys(record).sort()) {
    if (record[k] === undefined) continue;
    const member = JSON.stringify(k) + ':' + canonicalJson(record[k]);
    whole += (whole.length > 1 ? ',' : '') + member;
    if (k !== key) without += (without.length > 1 ? ',' : '') + member;
  }
  return { whole: whole + '}', without: without + '}' };
}

export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return utf8(canonicalJson(value));
}
