/**
 * Handing a long-lived secret from one DSL to another through HPKE, for the one secret that
 * must move between people: the school signing key (it signs recipient sets, so a new DSL
 * who should be able to add or remove readers needs it). The wrap travels inside a sealed
 * `key.granted` event, so the endpoint never sees it even in wrapped form.
 *
 * Each kind of secret has its own HPKE `info` label, distinct from envelope content keys,
 * and the associated data names the school: a wrapped signing key cannot be replayed as a
 * content key, or into another school. Unwrapping a signing key also proves it is the
 * private half of the school key the receiver already trusts (from the verified recipient
 * set), so a grant cannot slip them a different one.
 */
import { fromUtf8, isBase64Url, utf8 } from './bytes.ts';
import { canonicalBytes } from './canonical-json.ts';
import type { ReaderPublic } from './envelope-format.ts';
import { CONTENT_KEY_INFO, openAsReader, sealToReader } from './hpke.ts';
import { readerKid } from './reader-kid.ts';
import { importPrivateJwk, importPublicJwk, sign, verify, type PublicJwk } from './signing.ts';

export const SECRET_LABELS = {
  schoolSigningKey: 'safetrail/v1/school-signing-key',
} as const;

export type SecretLabel = (typeof SECRET_LABELS)[keyof typeof SECRET_LABELS];

export interface WrappedSecret {
  /** What the secret is; also the HPKE info it was sealed under. */
  label: SecretLabel;
  /** The reader it was wrapped to. */
  kid: string;
  enc: string;
  ct: string;
}

export class SecretWrapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretWrapError';
  }
}

const aadFor = (label: SecretLabel, context: string) => utf8(`${label}|${context}`);

/** Shape check for a WrappedSecret taken from a decrypted payload. */
export function isWrappedSecret(value: unknown): value is WrappedSecret {
  const w = value as Partial<WrappedSecret> | null;
  return (
    typeof w === 'object' &&
    w !== null &&
    Object.values(SECRET_LABELS).includes(w.label as SecretLabel) &&
    isBase64Url(w.kid, 16) &&
    isBase64Url(w.enc, 65) &&
    isBase64Url(w.ct) &&
    w.ct.length <= 1024
  );
}

/**
 * Wraps `secret` to one reader. `context` is bound as associated data (the school id for
 * the signing key), so the same wrap is refused anywhere else.
 */
export async function wrapSecretToReader(
  secret: Uint8Array<ArrayBuffer>,
  to: ReaderPublic,
  label: SecretLabel,
  context: string,
): Promise<WrappedSecret> {
  if ((label as string) === CONTENT_KEY_INFO)
    throw new SecretWrapError('Content keys are wrapped by sealing or granting, not here.');
  if ((await readerKid(to.publicKey)) !== to.kid)
    throw new SecretWrapError('The reader’s key id does not match their public key.');
  const { enc, ct } = await sealToReader(to.publicKey, secret, label, aadFor(label, context));
  return { label, kid: to.kid, enc, ct };
}

/** Unwraps a secret wrapped to `reader`, expecting `label` and `context`; throws otherwise. */
export async function unwrapSecretForReader(
  wrapped: WrappedSecret,
  reader: { kid: string; privateKey: CryptoKey },
  label: SecretLabel,
  context: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!isWrappedSecret(wrapped) || wrapped.label !== label)
    throw new SecretWrapError('This is not the kind of wrapped key that was expected.');
  if (wrapped.kid !== reader.kid)
    throw new SecretWrapError('This key was wrapped for a different reader.');
  try {
    return await openAsReader(reader.privateKey, wrapped, label, aadFor(label, context));
  } catch {
    throw new SecretWrapError('Your key could not open this wrapped key, or it was changed.');
  }
}

/** Wraps the school signing private key (a P-256 JWK) to a new DSL's reader key. */
export async function wrapSchoolSigningKey(
  signingKey: JsonWebKey,
  to: ReaderPublic,
  schoolId: string,
): Promise<WrappedSecret> {
  const { kty, crv, x, y, d } = signingKey;
  if (
    kty !== 'EC' ||
    crv !== 'P-256' ||
    !isBase64Url(d, 32) ||
    !isBase64Url(x, 32) ||
    !isBase64Url(y, 32)
  )
    throw new SecretWrapError('That is not a P-256 private signing key.');
  const bytes = canonicalBytes({ crv, d, kty, x, y });
  try {
    return await wrapSecretToReader(bytes, to, SECRET_LABELS.schoolSigningKey, schoolId);
  } finally {
    bytes.fill(0);
  }
}

/**
 * Unwraps a school signing key and proves it is the private half of `expected.signingKey`
 * (the key in the school's verified recipient set) by signing and verifying a test message.
 * Returns the JWK, for the receiving DSL to store in their passphrase-encrypted bundle.
 */
export async function unwrapSchoolSigningKey(
  wrapped: WrappedSecret,
  reader: { kid: string; privateKey: CryptoKey },
  expected: { schoolId: string; signingKey: PublicJwk },
): Promise<JsonWebKey> {
  const bytes = await unwrapSecretForReader(
    wrapped,
    reader,
    SECRET_LABELS.schoolSigningKey,
    expected.schoolId,
  );
  let jwk: JsonWebKey;
  try {
    jwk = JSON.parse(fromUtf8(bytes)) as JsonWebKey;
  } finally {
    bytes.fill(0);
  }
  const mismatch = new SecretWrapError('The wrapped key is not this school’s signing key.');
  if (jwk.x !== expected.signingKey.x || jwk.y !== expected.signingKey.y) throw mismatch;
  const probe = utf8(`safetrail/v1/signing-key-probe|${expected.schoolId}`);
  try {
    const signature = await sign(await importPrivateJwk(jwk, false), probe);
    if (!(await verify(await importPublicJwk(expected.signingKey), signature, probe)))
      throw mismatch;
  } catch {
    throw mismatch;
  }
  return jwk;
}
