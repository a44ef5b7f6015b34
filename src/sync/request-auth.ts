/**
 * Device-authenticated API requests. Each request carries the device id, a timestamp, a
 * random nonce and an ECDSA signature over method, path, time, nonce and the body's hash.
 * The endpoint refuses requests outside the replay window or with a nonce it has seen, so
 * a captured request cannot be replayed later.
 */
import { toBase64Url, utf8, randomBytes } from '../crypto/bytes.ts';
import { sha256B64 } from '../crypto/hash.ts';
import { sign, verify } from '../crypto/signing.ts';

export const AUTH_HEADERS = {
  device: 'x-safetrail-device',
  time: 'x-safetrail-time',
  nonce: 'x-safetrail-nonce',
  signature: 'x-safetrail-signature',
} as const;

export const REPLAY_WINDOW_MS = 5 * 60_000;

/** What is signed, given the body's SHA-256 (base64url): the endpoint hashes it its own way. */
export function requestSigningText(
  method: string,
  path: string,
  time: string,
  nonce: string,
  bodyHash: string,
): string {
  return `safetrail/v1/request\n${method.toUpperCase()}\n${path}\n${time}\n${nonce}\n${bodyHash}`;
}

export async function requestSigningString(
  method: string,
  path: string,
  time: string,
  nonce: string,
  body: string,
) {
  return requestSigningText(method, path, time, nonce, await sha256B64(body));
}

export async function signRequest(
  deviceId: string,
  deviceKey: CryptoKey,
  method: string,
  path: string,
  body: string,
  now: number = Date.now(),
): Promise<Record<string, string>> {
  const time = String(now);
  const nonce = toBase64Url(randomBytes(16));
  const signature = await sign(
    deviceKey,
    utf8(await requestSigningString(method, path, time, nonce, body)),
  );
  return {
    [AUTH_HEADERS.device]: deviceId,
    [AUTH_HEADERS.time]: time,
    [AUTH_HEADERS.nonce]: nonce,
    [AUTH_HEADERS.signature]: signature,
  };
}

export async function verifyRequestSignature(
  publicKey: CryptoKey,
  signature: string,
  method: string,
  path: string,
  time: string,
  nonce: string,
  body: string,
): Promise<boolean> {
  return verify(
    publicKey,
    signature,
    utf8(await requestSigningString(method, path, time, nonce, body)),
  );
}
