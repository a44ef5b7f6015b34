/**
 * Junk for the fuzz test, from a seeded generator so a failure can be replayed: random JSON
 * of every type and depth, broken JSON text, hostile strings (control characters, lone
 * surrogates, huge numbers, prototype keys), odd paths and queries, and the ways a sealed
 * envelope can be changed after its device signed it.
 */
import type { Envelope } from '../../src/crypto/envelope.ts';

export type Rng = () => number;

/** mulberry32: small, fast and seedable. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Rng, n: number) => Math.floor(r() * n);
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '💥'.repeat(50),
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE log; --",
  '__proto__',
  'constructor',
  'A'.repeat(5000),
  '%00%ff',
  '1e309',
  '-0',
  'NaN',
  'null',
];

export function junkString(r: Rng): string {
  if (r() < 0.4) return pick(r, HOSTILE);
  const n = int(r, r() < 0.9 ? 40 : 3000);
  let s = '';
  for (let i = 0; i < n; i++)
    s += String.fromCharCode(r() < 0.8 ? 32 + int(r, 95) : int(r, 0xffff));
  return s;
}

export function junkValue(r: Rng, depth = 0): unknown {
  const k = int(r, depth > 4 ? 6 : 9);
  switch (k) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return pick(r, [0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, 7]);
    case 3:
    case 4:
    case 5:
      return junkString(r);
    case 6:
      return Array.from({ length: int(r, 5) }, () => junkValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = int(r, 6); i > 0; i--)
        o[r() < 0.3 ? pick(r, HOSTILE) : junkString(r).slice(0, 12)] = junkValue(r, depth + 1);
      return o;
    }
  }
}

/** A body that is junk: broken JSON, JSON of the wrong shape, or deep nesting. */
export function junkBody(r: Rng): string {
  switch (int(r, 6)) {
    case 0:
      return junkString(r);
    case 1:
      return '{"envelopes":[' + '{'.repeat(int(r, 50));
    case 2:
      return '['.repeat(2000) + ']'.repeat(2000);
    case 3:
      return JSON.stringify(junkValue(r)).slice(0, int(r, 200) + 1);
    default:
      return JSON.stringify(junkValue(r)) ?? 'null';
  }
}

/** encodeURIComponent, but a lone surrogate (which it refuses) becomes %ED%A0%80 raw. */
export function encodeJunk(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

export function junkPathSegment(r: Rng): string {
  return pick(r, [
    encodeJunk(junkString(r).slice(0, 30)) || 'x',
    '%zz',
    '%',
    '..',
    '%2e%2e',
    '%2F',
    'A'.repeat(int(r, 3000)),
    '%F0%9F%92%A5',
    'self',
    '1',
    ';',
  ]);
}

/** One change to a sealed envelope that its device's signature does not cover. */
export function tamper(r: Rng, e: Envelope, other: Envelope): unknown {
  // Not the last character: its low bits are padding in base64url, so changing them can
  // leave the decoded bytes (and a signature over them) as they were.
  const flip = (s: string) => {
    const i = int(r, s.length - 1);
    return s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  };
  const c: Record<string, unknown> = structuredClone(e) as unknown as Record<string, unknown>;
  switch (int(r, 16)) {
    case 0:
      c.ct = flip(e.ct);
      break;
    case 1:
      c.ct = other.ct;
      break;
    case 2:
      c.iv = flip(e.iv);
      break;
    case 3:
      c.mac = flip(e.mac);
      break;
    case 4:
      c.sig = flip(e.sig);
      break;
    case 5:
      delete c.sig;
      break;
    case 6:
      c.readers = [];
      break;
    case 7:
      c.readers = [...e.readers, ...e.readers];
      break;
    case 8:
      c.seq = e.seq + 1 + int(r, 1000);
      break;
    case 9:
      c.id = other.id;
      break;
    case 10:
      c.recipientSet = 2 + int(r, 100);
      break;
    case 11:
      c.size = pick(r, [-1, 0, 1.5, 2 ** 60]);
      break;
    case 12:
      c.kind = junkString(r);
      break;
    case 13:
      // Prefixed: a bare "__proto__" would set the prototype and leave the envelope valid.
      c[`extra${junkString(r).slice(0, 10)}`] = junkValue(r);
      break;
      c[junkString(r).slice(0, 10) || 'x'] = junkValue(r);
      break;
    case 14:
      c.created = junkString(r);
      break;
    default:
      return junkValue(r);
  }
  return c;
}
