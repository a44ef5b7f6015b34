/**
 * Delivery receipts. The endpoint signs one for every envelope it has durably appended; a
 * device deletes its sealed copy only after checking the signature against the receipt key
 * it pinned and that the hash is the hash of exactly what it sent.
 */
import { isBase64Url } from '../crypto/bytes.ts';
import { canonicalJson } from '../crypto/canonical-json.ts';
import { signObject, verifyObject, type PublicJwk } from '../crypto/signing.ts';

export interface ReceiptBody {
  v: 1;
  school: string;
  id: string;
  envelopeHash: string;
  logIndex: number;
  chainHead: string;
  receivedAt: string;
}

export interface Receipt extends ReceiptBody {
  sig: string;
}

/**
 * Signs the receipt body's canonical JSON with the receipt key: a WebCrypto key, or a
 * function holding one (the endpoint's, on node:crypto: server/node-crypto.ts).
 */
export async function signReceipt(
  body: ReceiptBody,
  receiptKey: CryptoKey | ((canonical: string) => Promise<string>),
): Promise<Receipt> {
  const sig =
    typeof receiptKey === 'function'
      ? await receiptKey(canonicalJson(body))
      : await signObject(receiptKey, body);
  return { ...body, sig };
}

export async function verifyReceipt(
  receipt: unknown,
  expected: { id: string; envelopeHash: string; school: string },
  receiptKey: PublicJwk | CryptoKey,
): Promise<boolean> {
  const r = receipt as Partial<Receipt> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    r.v !== 1 ||
    !isBase64Url(r.sig, 64) ||
    r.id !== expected.id ||
    r.envelopeHash !== expected.envelopeHash ||
    r.school !== expected.school ||
    !Number.isSafeInteger(r.logIndex) ||
    typeof r.chainHead !== 'string' ||
    typeof r.receivedAt !== 'string'
  ) {
    return false;
  }
  const { sig, ...body } = r as Receipt;
  return verifyObject(receiptKey, sig, body);
}
