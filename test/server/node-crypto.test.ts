/**
 * The endpoint's node:crypto signatures and hashes are interchangeable with the devices'
 * WebCrypto ones: a receipt the endpoint signs checks out on a device, a device's signature
 * checks out at the endpoint, and a hash is the same text either way. Anything malformed or
 * changed is refused without a throw.
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/crypto/bytes.ts';
import { sha256B64 } from '../../src/crypto/hash.ts';
import {
  exportPrivateJwk,
  exportPublicJwk,
  generateSigningKeyPair,
  sign,
  verify,
} from '../../src/crypto/signing.ts';
import {
  publicKeyObject,
  sha256Text,
  textSigner,
  verifyText,
} from '../../src/server/node-crypto.ts';

const TEXT = '{"note":"Élodie’s tablet ✓","seq":3}';

describe('the endpoint’s node:crypto', () => {
  it('hashes text exactly as WebCrypto does, non-ASCII included', async () => {
    for (const text of ['', 'abc', TEXT, 'x'.repeat(100_000)])
      expect(sha256Text(text)).toBe(await sha256B64(text));
  });

  it('signs from the stored JWK so that WebCrypto verifies', async () => {
    const pair = await generateSigningKeyPair(true);
    const signature = await textSigner(await exportPrivateJwk(pair.privateKey))(TEXT);
    expect(await verify(pair.publicKey, signature, utf8(TEXT))).toBe(true);
    expect(await verify(pair.publicKey, signature, utf8(`${TEXT} `))).toBe(false);
  });

  it('verifies what WebCrypto signs, and refuses changed text, other keys and junk', async () => {
    const pair = await generateSigningKeyPair(false);
    const other = await generateSigningKeyPair(false);
    const key = publicKeyObject(await exportPublicJwk(pair.publicKey));
    const signature = await sign(pair.privateKey, utf8(TEXT));
    expect(await verifyText(key, signature, TEXT)).toBe(true);
    expect(await verifyText(key, signature, TEXT.replace('3', '4'))).toBe(false);
    expect(await verifyText(key, await sign(other.privateKey, utf8(TEXT)), TEXT)).toBe(false);
    // Too short, not base64url, and the right length but all zeros (not a valid r, s).
    for (const junk of ['', 'AAAA', `${signature.slice(0, -2)}!!`, 'A'.repeat(86)])
      expect(await verifyText(key, junk, TEXT)).toBe(false);
  });
});
