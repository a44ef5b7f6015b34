/**
 * The lead DSL's private keys: the school signing key (signs recipient sets) and their
 * HPKE reader key (opens sealed records). They are stored only as one bundle encrypted
 * under a key derived from the DSL's passphrase; the same ciphertext may be backed up on
 * the endpoint, which cannot open it. Changing the passphrase re-wraps the same keys under
 * a new salt (the keys themselves do not change, so no record needs re-sealing).
 */
import { aesGcmDecrypt, aesGcmEncrypt, DecryptError } from './aead.ts';
import { fromBase64Url, fromUtf8, randomBytes, toBase64Url, utf8 } from './bytes.ts';
import { importReaderPrivate } from './hpke.ts';
import { deriveWrappingKey, PBKDF2_ITERATIONS } from './kdf.ts';
import { passphraseStrength } from './passphrase-strength.ts';
import { importPrivateJwk } from './signing.ts';
import { WrongSecretError } from './staff-key.ts';

export interface DslKeyBundle {
  schoolId: string;
  /** Absent for a lead who joined later, until another DSL hands the school key over. */
  signingKey?: JsonWebKey;
  readerKid: string;
  readerPrivate: string;
}

export interface EncryptedBundle {
  salt: string;
  iterations: number;
  iv: string;
  ct: string;
}

export interface UnlockedDslKeys {
  schoolId: string;
  signingKey?: CryptoKey;
  /**
   * The same signing key as a JWK, in memory only while the console is unlocked, so it can
   * be wrapped to a newly approved lead (a non-extractable CryptoKey cannot be).
   */
  signingJwk?: JsonWebKey;
  reader: { kid: string; privateKey: CryptoKey };
}

const AAD = utf8('safetrail/v1/dsl-keys');

export async function encryptDslBundle(
  bundle: DslKeyBundle,
  passphrase: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<EncryptedBundle> {
  const salt = randomBytes(16);
  const key = await deriveWrappingKey(passphrase, salt, iterations);
  const sealed = await aesGcmEncrypt(key, utf8(JSON.stringify(bundle)), AAD);
  return { salt: toBase64Url(salt), iterations, ...sealed };
}

/** The bundle in the clear (only ever in memory); WrongSecretError for a wrong passphrase. */
async function openBundle(stored: EncryptedBundle, passphrase: string): Promise<DslKeyBundle> {
  const key = await deriveWrappingKey(passphrase, fromBase64Url(stored.salt), stored.iterations);
  try {
    return JSON.parse(fromUtf8(await aesGcmDecrypt(key, stored, AAD))) as DslKeyBundle;
  } catch (e) {
    if (e instanceof DecryptError) throw new WrongSecretError('That passphrase is not right.');
    throw e;
  }
}

export async function decryptDslBundle(
  stored: EncryptedBundle,
  passphrase: string,
): Promise<UnlockedDslKeys> {
  const bundle = await openBundle(stored, passphrase);
  return {
    schoolId: bundle.schoolId,
    ...(bundle.signingKey
      ? {
          signingKey: await importPrivateJwk(bundle.signingKey, false),
          signingJwk: bundle.signingKey,
        }
      : {}),
    reader: { kid: bundle.readerKid, privateKey: await importReaderPrivate(bundle.readerPrivate) },
  };
}

/**
 * Stores a school signing key handed over by another DSL in this lead's bundle, under the
 * same passphrase (a fresh salt), so later sessions can change who reads records.
 */
export async function addSigningKeyToBundle(
  stored: EncryptedBundle,
  passphrase: string,
  signingKey: JsonWebKey,
): Promise<EncryptedBundle> {
  const bundle = await openBundle(stored, passphrase);
  return encryptDslBundle(
    { ...bundle, signingKey },
    passphrase,
    Math.max(stored.iterations, PBKDF2_ITERATIONS),
  );
}

/**
 * Changing the passphrase: opens the bundle with the old one (WrongSecretError if it is
 * wrong) and encrypts the same keys under the new one with a fresh salt; by default the
 * iteration count never goes down. The caller replaces both the device's copy and the
 * endpoint's backup. The old ciphertext still opens with the old passphrase wherever a copy
 * survives, which is why a passphrase that may have leaked calls for new keys, not just a
 * re-wrap.
 */
export async function rewrapDslBundle(
  stored: EncryptedBundle,
  oldPassphrase: string,
  newPassphrase: string,
  iterations: number = Math.max(stored.iterations, PBKDF2_ITERATIONS),
): Promise<EncryptedBundle> {
  const strength = passphraseStrength(newPassphrase);
  if (!strength.acceptable) throw new Error(`The new passphrase is too weak. ${strength.advice}`);
  const bundle = await openBundle(stored, oldPassphrase);
  return encryptDslBundle(bundle, newPassphrase, iterations);
}
