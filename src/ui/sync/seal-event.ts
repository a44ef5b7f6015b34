/**
 * Seals any event to the school's current recipient set from this device and queues it in
 * the outbox, so a DSL's decisions and key grants travel exactly like a teacher's record:
 * signed, receipted, never lost. HPKE loads on demand.
 */
import { canonicalJson } from '../../crypto/canonical-json.ts';
import type { EventKind } from '../../domain/events.ts';
import { ulid } from '../../domain/ulid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { getDevice, takeNextSeq } from '../../storage/device-repo.ts';
import { queueSealed } from '../../storage/outbox-queue.ts';

export async function sealEvent(
  db: SafetrailDb,
  kind: EventKind,
  payload: unknown,
): Promise<string> {
  const { sealEnvelope, envelopeHash } = await import('../../crypto/envelope.ts');
  const device = await getDevice(db);
  if (!device) throw new Error('This browser is not enrolled, so it cannot send records.');
  const seq = await takeNextSeq(db);
  const id = ulid();
  const created = new Date().toISOString();
  const envelope = await sealEnvelope(
    {
      id,
      school: device.schoolId,
      device: device.deviceId,
      seq,
      kind,
      created,
      recipientSet: device.recipientSet.version,
    },
    payload,
    device.recipientSet.readers.map((r) => ({ kid: r.kid, publicKey: r.publicKey })),
    device.signingKey,
  );
  await queueSealed(db, {
    id,
    seq,
    kind,
    school: device.schoolId,
    createdAt: created,
    state: 'sealed',
    envelope: canonicalJson(envelope),
    hash: await envelopeHash(envelope),
    attempts: 0,
    lastAttemptAt: null,
    nextAttemptAt: 0,
    lastError: null,
    reference: `ST-${id.slice(-6)}`,
  });
  return id;
}
