/**
 * Queueing freshly sealed envelopes (an incident and its photo parts), destroying their
 * draft and its evidence chunks in the same transaction.
 *
 * Rows hold only the sealed envelope and metadata. queueSealed checks the envelope is
 * well-formed canonical JSON whose hash and header match the row, so nothing that is not
 * an envelope (for example a payload someone forgot to seal) can be queued.
 */
import { canonicalJson } from '../crypto/canonical-json.ts';
import { envelopeHash, envelopeProblems, type Envelope } from '../crypto/envelope-format.ts';
import { isEventKind } from '../domain/events.ts';
import type { SafetrailDb } from './db.ts';
import { guardWrite } from './errors.ts';
import { check, int, InvalidRecordError } from './guards.ts';
import type { OutboxRecord } from './records.ts';

const REFERENCE = /^ST-[0-9A-Z]{6}$/;

async function checkedRow(r: OutboxRecord): Promise<OutboxRecord> {
  let env: Envelope;
  try {
    env = JSON.parse(r.envelope) as Envelope;
  } catch {
    throw new InvalidRecordError('an outbox item whose envelope is not JSON');
  }
  const problems = envelopeProblems(env);
  check(
    problems.length === 0,
    `an outbox item that is not a sealed envelope (${problems.join('; ')})`,
  );
  check(canonicalJson(env) === r.envelope, 'an outbox item whose envelope is not canonical JSON');
  check(
    env.id === r.id && env.school === r.school && env.seq === r.seq && env.kind === r.kind,
    'an outbox item whose row does not match its envelope header',
  );
  check(
    (await envelopeHash(env)) === r.hash,
    'an outbox item whose hash is not the hash of its envelope',
  );
  check(isEventKind(r.kind) && r.state === 'sealed', 'an outbox item that is not freshly sealed');
  check(REFERENCE.test(r.reference), 'an outbox item whose reference is not of the form ST-XXXXXX');
  check(
    int(r.attempts, 'attempts') >= 0 && int(r.nextAttemptAt, 'nextAttemptAt') >= 0,
    'an outbox item with bad retry counters',
  );
  return {
    id: r.id,
    seq: r.seq,
    kind: r.kind,
    school: r.school,
    createdAt: String(r.createdAt),
    state: 'sealed',
    envelope: r.envelope,
    hash: r.hash,
    attempts: r.attempts,
    lastAttemptAt: null,
    nextAttemptAt: r.nextAttemptAt,
    lastError: null,
    reference: r.reference,
  };
}

/**
 * Adds the sealed envelope to the outbox and deletes the draft it came from, in ONE
 * transaction: if the add fails (duplicate id, full disk) the draft survives, and the
 * draft is never gone while its envelope is not queued.
 */
export async function queueSealed(
  db: SafetrailDb,
  record: OutboxRecord,
  draftIdToDestroy?: string,
): Promise<void> {
  await queueSealedMany(db, [record], draftIdToDestroy);
}

/**
 * Adds several sealed envelopes (an incident and its photo parts) and deletes their draft
 * and its evidence chunks, all in ONE transaction: every envelope is queued or none is,
 * and the draft survives any failure.
 */
export async function queueSealedMany(
  db: SafetrailDb,
  records: OutboxRecord[],
  draftIdToDestroy?: string,
): Promise<void> {
  check(records.length > 0, 'an empty list of envelopes');
  const rows = await Promise.all(records.map(checkedRow));
  await guardWrite(() =>
    db.transaction('rw', [db.outbox, db.drafts, db.evidence], async () => {
      for (const row of rows) await db.outbox.add(row);
      if (draftIdToDestroy !== undefined) {
        await db.evidence.where('draftId').equals(draftIdToDestroy).delete();
        await db.drafts.delete(draftIdToDestroy);
      }
    }),
  );
}
