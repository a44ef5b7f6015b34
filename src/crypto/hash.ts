/** SHA-256 and HMAC-SHA256 through WebCrypto, returning bytes or base64url text. */
import { toBase64Url, utf8 } from './bytes.ts';

const subtle = () => globalThis.crypto.subtle;

export async function sha256(
  data: Uint8Array<ArrayBuffer> | string,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return new Uint8Array(await subtle().digest('SHA-256', bytes));
}

export async function sha256B64(data: Uint8Array<ArrayBuffer> | string): Promise<string> {
  return toBase64Url(await sha256(data));
}

export async function hmacSha256(
  key: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const k = await subtle().importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return new Uint8Array(await subtle().sign('HMAC', k, data));
}

/** HKDF-SHA256 expanding one secret into independent sub-keys (one per label). */
export async function hkdf(
  secret: Uint8Array<ArrayBuffer>,
  label: string,
  length = 32,
): Promise<Uint8Array<ArrayBuffer>> {
  const base = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8(label) },
    base,
    length * 8,
  );
  return new Uint8Array(bits);
}
