import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/crypto/bytes.ts';
import { generateSigningKeyPair, importPublicJwk, sign, verify } from '../../src/crypto/signing.ts';
import {
  getDevice,
  replaceRecipientSet,
  saveDevice,
  takeNextSeq,
} from '../../src/storage/device-repo.ts';
import { OlderRecipientSetError } from '../../src/storage/errors.ts';
import { SafetrailDb } from '../../src/storage/db.ts';
import { getDslVault, saveDslVault } from '../../src/storage/vault-repo.ts';
import { deviceRecord, recipientSet, salt, sealedBlob, uniqueName, useTestDb } from './support.ts';

const db = useTestDb();

describe('device repository', () => {
  it('keeps the non-extractable signing key usable after a round trip and a reopen', async () => {
    const name = uniqueName();
    const first = new SafetrailDb(name);
    const device = await deviceRecord();
    await saveDevice(first, device);
    first.close();

    const second = new SafetrailDb(name);
    const stored = await getDevice(second);
    expect(stored?.signingKey).toBeInstanceOf(CryptoKey);
    expect(stored?.signingKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', stored!.signingKey)).rejects.toThrow();
    const data = utf8('request to sign');
    const signature = await sign(stored!.signingKey, data);
    expect(await verify(await importPublicJwk(stored!.publicKey), signature, data)).toBe(true);
    await second.delete();
  });

  it('refuses an extractable device key', async () => {
    const extractable = await generateSigningKeyPair(true);
    await expect(
      saveDevice(db(), await deviceRecord({ signingKey: extractable.privateKey })),
    ).rejects.toThrow(/non-extractable/);
    expect(await getDevice(db())).toBeUndefined();
  });

  it('hands out strictly increasing sequence numbers, even to concurrent callers', async () => {
    await saveDevice(db(), await deviceRecord({ nextSeq: 5 }));
    const first = await takeNextSeq(db());
    const concurrent = await Promise.all(Array.from({ length: 25 }, () => takeNextSeq(db())));
    const last = await takeNextSeq(db());
    expect(first).toBe(5);
    expect(new Set(concurrent).size).toBe(25);
    expect([...concurrent].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => 6 + i),
    );
    expect(last).toBe(31);
    expect((await getDevice(db()))?.nextSeq).toBe(32);
  });

  it('cannot number events before enrollment', async () => {
    await expect(takeNextSeq(db())).rejects.toThrow(/not enrolled/);
  });

  it('accepts a newer recipient set and refuses a rollback or another school’s set', async () => {
    await saveDevice(db(), await deviceRecord({ recipientSet: recipientSet(2) }));
    await replaceRecipientSet(db(), recipientSet(3));
    expect((await getDevice(db()))?.recipientSet.version).toBe(3);
    expect((await getDevice(db()))?.schoolName).toBe('School v3');
    await expect(replaceRecipientSet(db(), recipientSet(2))).rejects.toBeInstanceOf(
      OlderRecipientSetError,
    );
    await expect(replaceRecipientSet(db(), recipientSet(4, 'other-school'))).rejects.toThrow(
      /another school/,
    );
    expect((await getDevice(db()))?.recipientSet.version).toBe(3);
  });
});

describe('DSL vault repository', () => {
  it('stores the wrapped reading key and nothing else', async () => {
    const vault = {
      key: 'dsl' as const,
      salt: salt(),
      iterations: 600_000,
      wrapped: sealedBlob(),
      readerKid: 'AAAAAAAAAAAAAAAAAAAAAA',
      dslName: 'Ms Lead',
    };
    await saveDslVault(db(), { ...vault, passphrase: 'correct horse' } as typeof vault);
    expect(await getDslVault(db())).toEqual(vault);
  });

  it('refuses a "wrapped" key that is not ciphertext', async () => {
    const vault = {
      key: 'dsl' as const,
      salt: salt(),
      iterations: 600_000,
      wrapped: { iv: 'not base64!', ct: 'x' },
      readerKid: 'AAAAAAAAAAAAAAAAAAAAAA',
      dslName: 'Ms Lead',
    };
    await expect(saveDslVault(db(), vault)).rejects.toThrow(/Refusing to store/);
    expect(await getDslVault(db())).toBeUndefined();
  });
});
