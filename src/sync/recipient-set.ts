/**
 * The school's recipient set: who may read sealed records. The lead DSL's browser signs it
 * with the school signing key; devices pin that key's fingerprint at enrollment and accept
 * a set only if it is signed by that key and is not older than the one they hold, so the
 * endpoint can neither add its own reader nor roll a removal back.
 */
import { isBase64Url } from '../crypto/bytes.ts';
import { readerKid } from '../crypto/reader-kid.ts';
import {
  fingerprint,
  isPublicJwk,
  signObject,
  verifyObject,
  type PublicJwk,
} from '../crypto/signing.ts';

export type ReaderRole = 'dsl' | 'recovery';

export interface RecipientReader {
  kid: string;
  name: string;
  role: ReaderRole;
  publicKey: string;
}

export interface RecipientSetBody {
  v: 1;
  school: string;
  schoolName: string;
  version: number;
  issued: string;
  signingKey: PublicJwk;
  receiptKey: PublicJwk;
  readers: RecipientReader[];
}

export interface SignedRecipientSet extends RecipientSetBody {
  sig: string;
}

export async function signRecipientSet(
  body: RecipientSetBody,
  schoolSigningKey: CryptoKey,
): Promise<SignedRecipientSet> {
  return { ...body, sig: await signObject(schoolSigningKey, body) };
}

function shapeOk(s: Partial<SignedRecipientSet> | null): s is SignedRecipientSet {
  return (
    typeof s === 'object' &&
    s !== null &&
    s.v === 1 &&
    typeof s.school === 'string' &&
    typeof s.schoolName === 'string' &&
    Number.isSafeInteger(s.version) &&
    (s.version ?? 0) >= 1 &&
    typeof s.issued === 'string' &&
    isPublicJwk(s.signingKey) &&
    isPublicJwk(s.receiptKey) &&
    isBase64Url(s.sig, 64) &&
    Array.isArray(s.readers) &&
    s.readers.length > 0 &&
    s.readers.every(
      (r) =>
        typeof r?.name === 'string' &&
        (r.role === 'dsl' || r.role === 'recovery') &&
        isBase64Url(r.kid, 16) &&
        isBase64Url(r.publicKey, 65),
    )
  );
}

export class RecipientSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecipientSetError';
  }
}

/**
 * Accepts `candidate` only if it is well formed, signed by the key whose fingerprint was
 * pinned, every reader's kid matches its key, and its version is at least `heldVersion`
 * (equal is allowed so re-fetching the same set is harmless).
 */
export async function verifyRecipientSet(
  candidate: unknown,
  pinnedFingerprint: string,
  heldVersion = 0,
): Promise<SignedRecipientSet> {
  const s = candidate as Partial<SignedRecipientSet> | null;
  if (!shapeOk(s)) throw new RecipientSetError('The list of safeguarding leads is malformed.');
  if ((await fingerprint(s.signingKey)) !== pinnedFingerprint) {
    throw new RecipientSetError(
      'The list of safeguarding leads is not signed by this school’s key.',
    );
  }
  const { sig, ...body } = s;
  if (!(await verifyObject(s.signingKey, sig, body))) {
    throw new RecipientSetError('The signature on the list of safeguarding leads is not valid.');
  }
  for (const r of s.readers) {
    if ((await readerKid(r.publicKey)) !== r.kid)
      throw new RecipientSetError('A reader’s key id does not match its key.');
  }
  if (s.version < heldVersion) {
    throw new RecipientSetError(
      'This list of safeguarding leads is older than the one this device holds.',
    );
  }
  return s;
}
