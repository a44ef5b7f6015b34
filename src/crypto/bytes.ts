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

const B64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64Url(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url; throws on any character outside the alphabet rather than guessing. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!isBase64Url(text)) throw new Error('Invalid base64url text');
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * True for canonical base64url only: in a final partial group the last character's unused
 * low bits must be zero. Otherwise one signature or key would have several spellings, and
 * a copy of an upload with a re-spelt signature could front-run the real one.
 */
export function isBase64Url(text: unknown, byteLength?: number): text is string {
  if (typeof text !== 'string' || !B64URL.test(text) || text.length % 4 === 1) return false;
  const tail = text.length % 4;
  if (tail !== 0) {
    const last = ALPHABET.indexOf(text[text.length - 1]!);
    if ((last & (tail === 2 ? 0x0f : 0x03)) !== 0) return false;
  }
  return byteLength === undefined || Math.floor((text.length * 3) / 4) === byteLength;
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
