/**
 * Byte helpers shared by every crypto module: UTF-8, base64url (the only text encoding of
 * bytes on the wire), concatenation and comparison. No dependencies, so it runs in the
 * page, the service worker and Node alike.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text) as Uint8Array<ArrayBuffer>;
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function toBase64Url(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Each ASCII code's 6-bit value, or -1 outside the alphabet. */
const SEXTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTETS[ALPHABET.charCodeAt(i)] = i;

/**
 * The decoded length of canonical base64url, or -1: every character in the alphabet, no
 * lone final character, and in a final partial group the last character's unused low bits
 * zero. Otherwise one signature or key would have several spellings, and a copy of an
 * upload with a re-spelt signature could front-run the real one.
 */
function canonicalLength(text: string): number {
  const tail = text.length % 4;
  if (tail === 1) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || SEXTETS[c]! < 0) return -1;
  }
  if (tail !== 0 && SEXTETS[text.charCodeAt(text.length - 1)]! & (tail === 2 ? 0x0f : 0x03))
    return -1;
  return Math.floor((text.length * 3) / 4);
}

/**
 * Decodes base64url; throws on anything isBase64Url refuses rather than guessing. A table
 * lookup instead of atob: a console decodes several fields of every envelope it opens.
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const length = typeof text === 'string' ? canonicalLength(text) : -1;
  if (length < 0) throw new Error('Invalid base64url text');
  const out = new Uint8Array(length);
  const at = (i: number) => SEXTETS[text.charCodeAt(i)]!;
  const whole = text.length - (text.length % 4);
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const v = (at(i) << 18) | (at(i + 1) << 12) | (at(i + 2) << 6) | at(i + 3);
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 0xff;
    out[o++] = v & 0xff;
  }
  if (o < length) {
    const v = (at(whole) << 18) | (at(whole + 1) << 12) | (o + 1 < length ? at(whole + 2) << 6 : 0);
    out[o++] = v >> 16;
    if (o < length) out[o++] = (v >> 8) & 0xff;
  }
  return out;
}

/** True for canonical base64url only (see canonicalLength), of `byteLength` bytes if given. */
export function isBase64Url(text: unknown, byteLength?: number): text is string {
  if (typeof text !== 'string') return false;
  const length = canonicalLength(text);
  return length >= 0 && (byteLength === undefined || length === byteLength);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Compares without an early exit, so a MAC check does not leak how many bytes matched. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}
