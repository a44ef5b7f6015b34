/**
 * From a reader's private key back to its public key, so that a key rebuilt from recovery
 * shares can be checked against the recovery key id (kid) printed at set-up: a wrong
 * rebuild must be refused, not used. WebCrypto gives the public point directly when it can
 * export the private key as a JWK (Node, Chromium, WebKit). Where it cannot (Firefox may
 * refuse for keys imported without their public half), ECDH with the curve's generator
 * gives d·G's x coordinate, and y is one of the two square roots of x³ - 3x + b; both
 * candidates are returned and the caller keeps the one whose kid matches.
 */
import { concatBytes, fromBase64Url, toBase64Url } from './bytes.ts';

// P-256 (FIPS 186-4, D.1.2.3).
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
const GX = 'axfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpY';
const GY = 'T-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU';

const subtle = () => globalThis.crypto.subtle;

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  base %= mod;
  for (; exp > 0n; exp >>= 1n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
  }
  return result;
}

const toBytes32 = (n: bigint) =>
  Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * (31 - i))) & 0xffn));
const fromBytes = (b: Uint8Array) => b.reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
const point = (x: Uint8Array, y: Uint8Array) => toBase64Url(concatBytes(new Uint8Array([4]), x, y));

async function viaJwk(privateKey: CryptoKey): Promise<string[]> {
  const jwk = await subtle().exportKey('jwk', privateKey);
  return [point(fromBase64Url(jwk.x!), fromBase64Url(jwk.y!))];
}

async function viaEcdh(privateKey: CryptoKey): Promise<string[]> {
  const generator = await subtle().importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', x: GX, y: GY },
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    [],
  );
  const xBytes = new Uint8Array(
    await subtle().deriveBits({ name: 'ECDH', public: generator }, privateKey, 256),
  );
  const x = fromBytes(xBytes);
  const rhs = (((modPow(x, 3n, P) - 3n * x + B) % P) + P) % P;
  // P ≡ 3 (mod 4), so a square root is rhs^((P + 1) / 4).
  const y = modPow(rhs, (P + 1n) / 4n, P);
  return [point(xBytes, toBytes32(y)), point(xBytes, toBytes32(P - y))];
}

/**
 * The reader public key (65-byte uncompressed point, base64url) of an HPKE reader private
 * key: one value, or two candidates where the browser will not export the key.
 */
export async function readerPublicCandidates(privateKey: CryptoKey): Promise<string[]> {
  if (privateKey.extractable) {
    try {
      return await viaJwk(privateKey);
    } catch {
      // Fall through to the ECDH route below.
    }
  }
  return viaEcdh(privateKey);
}
