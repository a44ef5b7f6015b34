/** The minimal public JWK for ECDSA P-256 keys, and its shape check (no WebCrypto needed). */
import { isBase64Url } from './bytes.ts';

export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

export function isPublicJwk(value: unknown): value is PublicJwk {
  const v = value as Partial<PublicJwk> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.kty === 'EC' &&
    v.crv === 'P-256' &&
    isBase64Url(v.x, 32) &&
    isBase64Url(v.y, 32)
  );
}
