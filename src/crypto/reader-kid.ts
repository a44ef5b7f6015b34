/** A reader's key id: the first 16 bytes of SHA-256 over their raw HPKE public key. */
import { fromBase64Url, toBase64Url } from './bytes.ts';
import { sha256 } from './hash.ts';

export async function readerKid(publicKey: string): Promise<string> {
  return toBase64Url((await sha256(fromBase64Url(publicKey))).subarray(0, 16));
}
