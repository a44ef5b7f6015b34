/**
 * Test fixtures for the sync engine: well-formed but synthetic envelopes (random bytes in
 * every cryptographic field, so no HPKE work per case) and their outbox rows. They pass
 * envelopeProblems, so the storage layer's queueSealed accepts them like real ones.
 */
import { randomBytes, toBase64Url } from '../../../src/crypto/bytes.ts';
import { canonicalJson } from '../../../src/crypto/canonical-json.ts';
import { envelopeHash, type Envelope } from '../../../src/crypto/envelope.ts';
import { ulid } from '../../../src/domain/ulid.ts';
import { incidentReference } from '../../../src/domain/incident.ts';
import type { OutboxRecord } from '../../../src/storage/records.ts';

const b64 = (n: number) => toBase64Url(randomBytes(n));

export const SCHOOL = 'sch1';

/** A signature of 64 zero bytes: the fake endpoint treats it as forged and rejects it. */
export const FORGED_SIG = toBase64Url(new Uint8Array(64));

export function fakeEnvelope(o: {
  id?: string;
  seq: number;
  school?: string;
  forged?: boolean;
}): Envelope {
  return {
    v: 1,
    id: o.id ?? ulid(),
    school: o.school ?? SCHOOL,
    device: 'dev1',
    seq: o.seq,
    kind: 'incident.created',
    created: new Date(1_700_000_000_000 + o.seq * 1000).toISOString(),
    recipientSet: 1,
    size: 512,
    readers: [{ kid: b64(16), enc: b64(65), key: b64(48) }],
    iv: b64(12),
    ct: b64(528),
    mac: b64(32),
    sig: o.forged ? FORGED_SIG : b64(64),
  };
}

export async function outboxRecordFor(
  env: Envelope,
  overrides: Partial<OutboxRecord> = {},
): Promise<OutboxRecord> {
  return {
    id: env.id,
    seq: env.seq,
    kind: env.kind,
    school: env.school,
    createdAt: env.created,
    state: 'sealed',
    envelope: canonicalJson(env),
    hash: await envelopeHash(env),
    attempts: 0,
    lastAttemptAt: null,
    nextAttemptAt: 0,
    lastError: null,
    reference: incidentReference(env.id),
    ...overrides,
  };
}
