import { describe, expect, it } from 'vitest';
import {
  decryptDslBundle,
  encryptDslBundle,
  rewrapDslBundle,
  type DslKeyBundle,
} from '../../../src/crypto/dsl-keys.ts';
import { exportReaderPrivate, generateReaderKeyPair } from '../../../src/crypto/hpke.ts';
import { PBKDF2_ITERATIONS } from '../../../src/crypto/kdf.ts';
import { exportPrivateJwk, generateSigningKeyPair } from '../../../src/crypto/signing.ts';
import { WrongSecretError } from '../../../src/crypto/staff-key.ts';

// Low iteration counts keep the suite fast; the default (600,000) is checked separately.
const FAST = 1_000;
const OLD = 'correct horse battery staple';
const NEW = 'Tr0mbone-ceiling-Marmalade';

async function bundle(): Promise<DslKeyBundle> {
  const school = await generateSigningKeyPair(true);
  const reader = await generateReaderKeyPair();
  return {
    schoolId: 'sch1',
    signingKey: await exportPrivateJwk(school.privateKey),
    readerKid: reader.kid,
    readerPrivate: await exportReaderPrivate(reader.privateKey),
  };
}

describe('changing the DSL passphrase', () => {
  it('re-wraps the same keys under the new passphrase with a new salt', async () => {
    const keys = await bundle();
    const stored = await encryptDslBundle(keys, OLD, FAST);
    const rewrapped = await rewrapDslBundle(stored, OLD, NEW, FAST);
    expect(rewrapped.salt).not.toBe(stored.salt);
    expect(rewrapped.ct).not.toBe(stored.ct);
    const unlocked = await decryptDslBundle(rewrapped, NEW);
    expect(unlocked.schoolId).toBe('sch1');
    expect(unlocked.reader.kid).toBe(keys.readerKid);
    expect(await exportReaderPrivate(unlocked.reader.privateKey)).toBe(keys.readerPrivate);
  });

  it('the old passphrase no longer opens the new bundle', async () => {
    const stored = await encryptDslBundle(await bundle(), OLD, FAST);
    const rewrapped = await rewrapDslBundle(stored, OLD, NEW, FAST);
    await expect(decryptDslBundle(rewrapped, OLD)).rejects.toThrow(WrongSecretError);
  });

  it('a wrong old passphrase is refused with WrongSecretError', async () => {
    const stored = await encryptDslBundle(await bundle(), OLD, FAST);
    await expect(rewrapDslBundle(stored, 'not the passphrase', NEW, FAST)).rejects.toThrow(
      WrongSecretError,
    );
  });

  it('a weak new passphrase is refused before any work', async () => {
    const stored = await encryptDslBundle(await bundle(), OLD, FAST);
    await expect(rewrapDslBundle(stored, OLD, 'short', FAST)).rejects.toThrow(/too weak/);
  });

  it('by default the iteration count is raised to the current minimum', async () => {
    const stored = await encryptDslBundle(await bundle(), OLD, FAST);
    const rewrapped = await rewrapDslBundle(stored, OLD, NEW);
    expect(rewrapped.iterations).toBe(PBKDF2_ITERATIONS);
    expect((await decryptDslBundle(rewrapped, NEW)).schoolId).toBe('sch1');
  });
});
