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
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw new Error('Canonical JSON allows only plain objects');
      }
      const entries = Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
      return `{${entries.join(',')}}`;
    }
    default:
      throw new Error(`Canonical JSON cannot encode a ${typeof value}`);
  }
}

export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return utf8(canonicalJson(value));
}
