/**
 * What the endpoint needs before it answers anything: its receipt-signing key and, until
 * every school it is meant to hold is set up, the set-up codes (one per school still to
 * come: one for a school's own endpoint, up to HUB_SCHOOLS for a trust's hub). Both are
 * created on first start and kept in the store, so a restart neither changes the key
 * devices will pin nor invalidates a code already read off the console. initMeta keeps the
 * first value if two starts race; ensureSetupCodes is one transaction.
 *
 * Set-up codes are kept as typed (not only their hash) because the console banner must
 * show them again after a restart; each is deleted in the same transaction that sets its
 * school up. Whoever can read the database could also read the receipt key, so this adds
 * no new exposure. One receipt key serves every school of a hub: each school's signed
 * recipient set names it, and receipts name their school.
 */
import { exportPrivateJwk, generateSigningKeyPair, type PublicJwk } from '../crypto/signing.ts';
import { generateCode } from './codes.ts';
import { textSigner, type TextSigner } from './node-crypto.ts';
import type { EndpointStore } from './store/types.ts';

export interface ReceiptKey {
  /** Signs a receipt's canonical JSON; the private key is held inside, never handed out. */
  sign: TextSigner;
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
  const publicJwk: PublicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
  return { sign: textSigner(jwk), publicJwk };
}

/** The pending set-up codes after making sure schools + codes = `slots` (oldest first). */
export function ensureSetupCodes(store: EndpointStore, slots: number): Promise<string[]> {
  return store.ensureSetupCodes(slots, generateCode);
}
