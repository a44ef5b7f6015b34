/**
 * What the benchmark seals and queues: an incident payload of realistic size (a paragraph
 * of "what happened" and the usual short fields) and the outbox row a tablet would hold
 * for a sealed envelope.
 */
import { canonicalJson } from '../src/crypto/canonical-json.ts';
import type { Envelope } from '../src/crypto/envelope.ts';
import { ulid } from '../src/domain/ulid.ts';
import type { OutboxRecord } from '../src/storage/records.ts';

export const payload = (i: number) => ({
  type: 'incident.created',
  incidentId: ulid(),
  fields: {
    what: `Benchmark incident ${i}: `.padEnd(600, 'x'),
    when: '2026-11-20T10:15',
    where: 'Museum trip',
    reportedBy: 'A. Teacher',
  },
  recordedAt: new Date().toISOString(),
  recordedBy: 'A. Teacher',
});

export function outboxRecord(envelope: Envelope, hash: string): OutboxRecord {
  return {
    id: envelope.id,
    seq: envelope.seq,
    kind: envelope.kind,
    school: envelope.school,
    createdAt: envelope.created,
    state: 'sealed',
    envelope: canonicalJson(envelope),
    hash,
    attempts: 0,
    lastAttemptAt: null,
    nextAttemptAt: 0,
    lastError: null,
    reference: `ST-${envelope.id.slice(-6)}`,
  };
}
