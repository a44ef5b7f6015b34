/**
 * The console's own HPKE open (hpke-open.ts) against RFC 9180's test vector for
 * DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM (appendix A.3.1, base mode, sequence
 * 0), and against @hpke/core, which seals every envelope: what one opens the other opens,
 * and what one refuses the other refuses.
 */
import { Aes256Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fromBase64Url,
  fromUtf8,
  randomBytes,
  toBase64Url,
  utf8,
} from '../../../src/crypto/bytes.ts';
import {
  CONTENT_KEY_INFO,
  generateReaderKeyPair,
  importReaderPrivate,
  openAsReader,
  sealToReader,
  type ReaderKeyPair,
} from '../../../src/crypto/hpke.ts';
import { openBase } from '../../../src/crypto/hpke-open.ts';
import { readerPublicCandidates } from '../../../src/crypto/reader-public.ts';

const hex = (h: string) => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));

// RFC 9180, A.3.1.
const RFC = {
  skRm: 'f3ce7fdae57e1a310d87f1ebbde6f328be0a99cdbcadf4d6589cf29de4b8ffd2',
  pkRm: '04fe8c19ce0905191ebc298a9245792531f26f0cece2460639e8bc39cb7f706a826a779b4cf969b8a0e539c7f62fb3d30ad6aa8f80e30f1d128aafd68a2ce72ea0',
  enc: '04a92719c6195d5085104f469a8b9814d5838ff72b60501e2c4466e5e67b325ac98536d7b61a1af4b78e5b7f951c0900be863c403ce65c9bfcb9382657222d18c4',
  info: 'Ode on a Grecian Urn',
  aad: 'Count-0',
  ct: '5ad590bb8baa577f8619db35a36311226a896e7342a6d836d8b7bcd2f20b6c7f9076ac232e3ab2523f39513434',
  pt: 'Beauty is truth, truth beauty',
};

const suite = new CipherSuite({
  kem: new DhkemP256HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});

let reader: ReaderKeyPair;
let other: ReaderKeyPair;
beforeAll(async () => {
  [reader, other] = await Promise.all([generateReaderKeyPair(), generateReaderKeyPair()]);
});

describe('RFC 9180 A.3.1', () => {
  it('opens the vector’s first ciphertext to its plaintext', async () => {
    const privateKey = await importReaderPrivate(toBase64Url(hex(RFC.skRm)));
    expect(await readerPublicCandidates(privateKey)).toEqual([toBase64Url(hex(RFC.pkRm))]);
    const pt = await openBase(
      { privateKey, publicPoint: hex(RFC.pkRm) },
      hex(RFC.enc),
      hex(RFC.ct),
      RFC.info,
      utf8(RFC.aad),
      1,
    );
    expect(fromUtf8(pt)).toBe(RFC.pt);
  });

  it('refuses it with the wrong public point, info or aad', async () => {
    const privateKey = await importReaderPrivate(toBase64Url(hex(RFC.skRm)));
    const open = (point: Uint8Array, info: string, aad: string) =>
      openBase({ privateKey, publicPoint: point }, hex(RFC.enc), hex(RFC.ct), info, utf8(aad), 1);
    await expect(open(hex(RFC.enc), RFC.info, RFC.aad)).rejects.toThrow();
    await expect(open(hex(RFC.pkRm), 'Ode on a Grecian urn', RFC.aad)).rejects.toThrow();
    await expect(open(hex(RFC.pkRm), RFC.info, 'Count-1')).rejects.toThrow();
  });
});

describe('the same answers as @hpke/core', () => {
  it('opens what @hpke/core sealed, for any length of plaintext', async () => {
    for (const length of [0, 1, 32, 100, 1000]) {
      const plaintext = randomBytes(length);
      const aad = randomBytes(32);
      const sealed = await sealToReader(reader.publicKey, plaintext, CONTENT_KEY_INFO, aad);
      expect(await openAsReader(reader.privateKey, sealed, CONTENT_KEY_INFO, aad)).toEqual(
        plaintext,
      );
    }
  });

  type Change = [string, (s: { enc: string; ct: string }) => { enc: string; ct: string }];
  const flip = (b64: string, at: number) => {
    const bytes = fromBase64Url(b64);
    bytes[at] = bytes[at]! ^ 0x01;
    return toBase64Url(bytes);
  };
  const changes: Change[] = [
    ['a changed ciphertext byte', (s) => ({ ...s, ct: flip(s.ct, 3) })],
    ['a changed tag byte', (s) => ({ ...s, ct: flip(s.ct, 40) })],
    ['a changed enc (off the curve)', (s) => ({ ...s, enc: flip(s.enc, 64) })],
    [
      'an enc of a compressed point’s length',
      (s) => ({ ...s, enc: toBase64Url(fromBase64Url(s.enc).slice(0, 33)) }),
    ],
  ];
  it.each(changes)('refuses %s, as @hpke/core does', async (_name, change) => {
    const aad = randomBytes(32);
    const sealed = change(
      await sealToReader(reader.publicKey, randomBytes(32), CONTENT_KEY_INFO, aad),
    );
    await expect(openAsReader(reader.privateKey, sealed, CONTENT_KEY_INFO, aad)).rejects.toThrow();
    await expect(coreOpen(reader.privateKey, sealed, CONTENT_KEY_INFO, aad)).rejects.toThrow();
  });

  it('refuses another reader’s key, another info and another aad', async () => {
    const aad = randomBytes(32);
    const sealed = await sealToReader(reader.publicKey, randomBytes(32), CONTENT_KEY_INFO, aad);
    await expect(openAsReader(other.privateKey, sealed, CONTENT_KEY_INFO, aad)).rejects.toThrow();
    await expect(
      openAsReader(reader.privateKey, sealed, 'safetrail/v1/other', aad),
    ).rejects.toThrow();
    await expect(
      openAsReader(reader.privateKey, sealed, CONTENT_KEY_INFO, randomBytes(32)),
    ).rejects.toThrow();
  });
});

async function coreOpen(
  privateKey: CryptoKey,
  sealed: { enc: string; ct: string },
  info: string,
  aad: Uint8Array<ArrayBuffer>,
) {
  const { enc, ct } = sealed;
  return suite.open(
    { recipientKey: privateKey, enc: fromBase64Url(enc), info: utf8(info) },
    fromBase64Url(ct),
    aad,
  );
}
