/**
 * ECDSA P-256 / SHA-256 signatures: device keys (non-extractable, they never leave the
 * device), the school signing key (signs recipient sets) and the endpoint's receipt key.
 * Public keys travel as minimal JWKs; a fingerprint is the SHA-256 of the canonical JWK, so
 * the same key always has the same fingerprint whoever exports it.
 */
import { fromBase64Url, isBase64Url, toBase64Url } from './bytes.ts';
import { isPublicJwk, type PublicJwk } from './jwk.ts';
import { canonicalBytes } from './canonical-json.ts';
import { sha256B64 } from './hash.ts';

export { isPublicJwk, type PublicJwk };

const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const subtle = () => globalThis.crypto.subtle;

export async function generateSigningKeyPair(extractable: boolean): Promise<CryptoKeyPair> {
  return subtle().generateKey(ALG, extractable, ['sign', 'verify']);
}

export async function exportPublicJwk(key: CryptoKey): Promise<PublicJwk> {
  const jwk = await subtle().exportKey('jwk', key);
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
}

export async function importPublicJwk(jwk: PublicJwk): Promise<CryptoKey> {
  return subtle().importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, ALG, true, [
    'verify',
  ]);
}

export async function exportPrivateJwk(key: CryptoKey): Promise<JsonWebKey> {
  return subtle().exportKey('jwk', key);
}

export async function importPrivateJwk(jwk: JsonWebKey, extractable = false): Promise<CryptoKey> {
  return subtle().importKey('jwk', jwk, ALG, extractable, ['sign']);
}

export async function sign(privateKey: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64Url(await subtle().sign(SIGN, privateKey, data));
}

/** False (never a throw) for a malformed signature, so callers have one failure path. */
export async function verify(
  publicKey: CryptoKey,
  signature: string,
  data: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  if (!isBase64Url(signature, 64)) return false;
  try {
    return await subtle().verify(SIGN, publicKey, fromBase64Url(signature), data);
  } catch {
    return false;
  }
}

export async function signObject(privateKey: CryptoKey, value: unknown): Promise<string> {
  return sign(privateKey, canonicalBytes(value));
}

export async function verifyObject(
  publicKey: CryptoKey | PublicJwk,
  signature: string,
  value: unknown,
): Promise<boolean> {
  try {
    const key = 'kty' in publicKey ? await importPublicJwk(publicKey) : publicKey;
    return await verify(key, signature, canonicalBytes(value));
  } catch {
    return false;
  }
}

export async function fingerprint(jwk: PublicJwk): Promise<string> {
  return sha256B64(canonicalBytes({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }));
}

/** A fingerprint as people compare it: the first 20 characters in groups of four. */
export function displayFingerprint(fp: string): string {
  return (fp.slice(0, 20).match(/.{1,4}/g) ?? []).join(' ');
}
