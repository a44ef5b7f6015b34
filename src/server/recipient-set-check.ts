/**
 * The endpoint's checks on a signed recipient set, on top of the shared verification: the
 * set must name this endpoint's receipt key (devices pin it from the set, so a wrong one
 * would make every receipt unverifiable), a usable school id, no more readers than an
 * envelope can carry, no reader listed twice (a duplicate kid would make "which slot is
 * mine" ambiguous for readers), and both a DSL and a recovery reader (without the second,
 * losing the DSL's key loses every record).
 */
import { MAX_READERS } from '../crypto/envelope.ts';
import { fingerprint, isPublicJwk, type PublicJwk } from '../crypto/signing.ts';
import {
  RecipientSetError,
  verifyRecipientSet,
  type SignedRecipientSet,
} from '../sync/recipient-set.ts';
import { HttpError } from './errors.ts';
import { isId, isObject } from './validate.ts';

export interface SetExpectations {
  receiptKey: PublicJwk;
  /** The fingerprint of the school signing key already held; absent at set-up (trust on first use). */
  pinnedFingerprint?: string;
  heldVersion?: number;
}

const invalid = (message: string, code = 'invalid-recipient-set') =>
  new HttpError(400, code, message);

export async function checkRecipientSet(
  candidate: unknown,
  expect: SetExpectations,
): Promise<SignedRecipientSet> {
  if (!isObject(candidate) || !isPublicJwk(candidate.signingKey)) {
    throw invalid('The list of safeguarding leads is malformed.');
  }
  let set: SignedRecipientSet;
  try {
    const pinned = expect.pinnedFingerprint ?? (await fingerprint(candidate.signingKey));
    set = await verifyRecipientSet(candidate, pinned, expect.heldVersion ?? 0);
  } catch (err) {
    if (err instanceof RecipientSetError) throw invalid(err.message);
    throw err;
  }
  if (!isId(set.school))
    throw invalid('The school id must be 1 to 64 letters, digits, "-" or "_".');
  if (set.schoolName.trim() === '' || set.schoolName.length > 200)
    throw invalid('The school name must be 1 to 200 characters.');
  if (set.readers.length > MAX_READERS)
    throw invalid(`The list may name at most ${MAX_READERS} readers.`);
  if (new Set(set.readers.map((r) => r.kid)).size !== set.readers.length)
    throw invalid('The list names the same reader key more than once.');
  if ((await fingerprint(set.receiptKey)) !== (await fingerprint(expect.receiptKey))) {
    throw invalid(
      'The list of safeguarding leads names a different endpoint’s receipt key. Reload the set-up page and try again.',
      'wrong-receipt-key',
    );
  }
  const roles = new Set(set.readers.map((r) => r.role));
  if (!roles.has('dsl') || !roles.has('recovery')) {
    throw invalid(
      'The list must include at least one safeguarding lead and the recovery key.',
      'missing-readers',
    );
  }
  return set;
}
