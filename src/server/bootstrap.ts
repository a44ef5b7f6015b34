/**
 * What the endpoint needs before it answers anything: its receipt-signing key and, until the
 * school is set up, the set-up code. Both are created on first start and kept in the store,
 * so a restart neither changes the key devices will pin nor invalidates a code already
 * read off the console. initMeta keeps the first value if two starts race.
 *
 * The set-up code is kept as typed (not only its hash) because the console banner must
 * show it again after a restart; it is deleted in the same transaction that sets the
 * school up. Whoever can read the data folder could also read the receipt key, so this
 * adds no new exposure.
 */
import {
  exportPrivateJwk,
  generateSigningKeyPair,
  importPrivateJwk,
  type PublicJwk,
} from '../crypto/signing.ts';
import { generateCode } from './codes.ts';
import type { EndpointStore } from './store/types.ts';

export interface ReceiptKey {
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
}

export async function loadReceiptKey(store: EndpointStore): Promise<ReceiptKey> {
  let stored = await store.getMeta('receipt_key');
  if (stored === null) {
    const pair = await generateSigningKeyPair(true);
    stored = await store.initMeta(
      'receipt_key',
      JSON.stringify(await exportPrivateJwk(pair.privateKey)),
    );
  }
  const jwk = JSON.parse(stored) as JsonWebKey;
  // Re-imported non-extractable: nothing after this point can read the private key out.
  const privateKey = await importPrivateJwk(jwk);
  const publicJwk: PublicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
  return { privateKey, publicJwk };
}

/** The set-up code while the school is not set up, else null. */
export async function ensureSetupCode(store: EndpointStore): Promise<string | null> {
  if (await store.getSchool()) return null;
  return (await store.getMeta('setup_code')) ?? store.initMeta('setup_code', generateCode());
}
