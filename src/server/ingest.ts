/**
 * The endpoint's decision on each uploaded envelope, in the order a cheap check comes
 * before an expensive one: shape, sender, recipient set, the device's signature, then the
 * log (idempotent by id: the same bytes again are a duplicate with the original receipt,
 * different bytes under a known id are a conflict and never overwrite, and a ciphertext
 * already stored under another id is a replay: the sender re-signed a record it had sent,
 * or one it copied, under a fresh id, which would put one record in the chronology twice).
 * The endpoint cannot read an envelope; these checks are everything it can know.
 *
 * An upload's checks up to the signature run for all its items at once (they touch no
 * shared state, and signature checks spread over the CPU's cores), while the log is looked
 * up for every well-formed item; then everything that passed is appended in one go, in
 * request order (log-append.ts).
 */
import type { KeyObject } from 'node:crypto';
import { canonicalJsonWithAndWithout } from '../crypto/canonical-json.ts';
import { envelopeProblems, type Envelope } from '../crypto/envelope.ts';
import { API_ERRORS, type UploadItemResult } from '../sync/protocol.ts';
import type { EndpointContext } from './context.ts';
import { ctHash } from './ct-hash.ts';
import {
  appendEnvelopes,
  lookAhead,
  type Accepted,
  type AppendResult,
  type Candidate,
} from './log-append.ts';
import { sha256Text, verifyText } from './node-crypto.ts';
import type { DeviceRecord } from './store/types.ts';

function idOf(item: unknown): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 64) : '';
}

function rejected(id: string, error: string, message: string): UploadItemResult {
  return { id, status: 'rejected', error, message };
}

/** The checks on the envelope alone: a refusal, or the envelope and its ciphertext's hash. */
function shapeCheck(device: DeviceRecord, item: unknown): UploadItemResult | Candidate {
  const id = idOf(item);
  const problems = envelopeProblems(item);
  if (problems.length > 0) {
    return rejected(
      id,
      'malformed-envelope',
      `This record is malformed: ${problems.slice(0, 10).join('; ')}.`,
    );
  }
  const envelope = item as Envelope;
  if (envelope.school !== device.school || envelope.device !== device.id) {
    return rejected(
      id,
      'wrong-device',
      'This record names a different school or device from the one sending it.',
    );
  }
  return { envelope, ctHash: ctHash(envelope.ct) };
}

/** The checks that need the school's recipient sets and the device's key, then the hash. */
async function signatureCheck(
  deviceKey: KeyObject,
  candidate: Candidate,
  hasSet: (version: number) => Promise<boolean>,
): Promise<UploadItemResult | Accepted> {
  const { envelope } = candidate;
  if (!(await hasSet(envelope.recipientSet))) {
    return rejected(
      envelope.id,
      'unknown-recipient-set',
      'This record was sealed to a list of safeguarding leads the school does not have.',
    );
  }
  // As crypto/envelope.ts's verifyEnvelopeSignature and envelopeHash, on node:crypto: the
  // signature is over the envelope without it; the log keeps, and hashes, the whole one.
  const { whole: body, without: signed } = canonicalJsonWithAndWithout(envelope, 'sig');
  if (!(await verifyText(deviceKey, envelope.sig, signed))) {
    return rejected(
      envelope.id,
      'bad-signature',
      'This record’s signature does not match this device: it was changed after sealing.',
    );
  }
  return { ...candidate, body, hash: sha256Text(body) };
}

function resultOf(id: string, result: AppendResult): UploadItemResult {
  if (result.status === 'replayed') {
    return rejected(
      id,
      API_ERRORS.replayedEnvelope,
      'This record was already delivered under a different id, so this copy was not accepted.',
    );
  }
  if (result.status === 'conflict') {
    return {
      id,
      status: 'conflict',
      error: 'id-conflict',
      message:
        'A different record with this id is already stored. This copy was not accepted; keep it for the safeguarding lead.',
    };
  }
  return { id, status: result.status, receipt: result.receipt };
}

/** Decides every item of one upload from `device`; the results are in request order. */
export async function ingestBatch(
  ctx: EndpointContext,
  device: DeviceRecord,
  deviceKey: KeyObject,
  items: unknown[],
): Promise<UploadItemResult[]> {
  // An upload names one or two recipient-set versions: ask the store once for each.
  const sets = new Map<number, Promise<boolean>>();
  const hasSet = (version: number) => {
    let known = sets.get(version);
    if (!known) sets.set(version, (known = ctx.store.hasRecipientSet(device.school, version)));
    return known;
  };
  const shaped = items.map((item) => shapeCheck(device, item));
  const candidates = shaped.filter((c): c is Candidate => 'envelope' in c);
  // The log's round trip overlaps the signature checks, the slowest part of an upload.
  const early = lookAhead(ctx, device.school, candidates);
  const checked = await Promise.all(
    shaped.map((c) => ('envelope' in c ? signatureCheck(deviceKey, c, hasSet) : c)),
  );
  const accepted = checked.filter((c): c is Accepted => 'envelope' in c);
  const appended = accepted.length
    ? await appendEnvelopes(ctx, device.school, accepted, early)
    : [];
  let next = 0;
  return checked.map((c) => ('envelope' in c ? resultOf(c.envelope.id, appended[next++]!) : c));
}
