/**
 * Submitting an incident: seal it as an `incident.created` envelope to every reader in the
 * school's signed recipient set, then queue it and destroy the draft in one transaction.
 * The envelope code (HPKE) is loaded on demand, so drawing the form stays light.
 */
import { canonicalJson } from '../../crypto/canonical-json.ts';
import {
  incidentReference,
  type IncidentCreatedPayload,
  type IncidentFields,
} from '../../domain/incident.ts';
import { ulid } from '../../domain/ulid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { takeNextSeq } from '../../storage/device-repo.ts';
import { queueSealed } from '../../storage/outbox-queue.ts';
import type { DeviceRecord } from '../../storage/records.ts';
import type { StaffSession } from '../app/session.tsx';

export async function sealIncident(
  db: SafetrailDb,
  device: DeviceRecord,
  staff: StaffSession,
  draftId: string,
  fields: IncidentFields,
): Promise<string> {
  const { sealEnvelope, envelopeHash } = await import('../../crypto/envelope.ts');
  const now = new Date().toISOString();
  const payload: IncidentCreatedPayload = {
    type: 'incident.created',
    incidentId: draftId,
    fields,
    recordedAt: now,
    recordedBy: staff.name,
  };
  const seq = await takeNextSeq(db);
  const id = ulid();
  const envelope = await sealEnvelope(
    {
      id,
      school: device.schoolId,
      device: device.deviceId,
      seq,
      kind: 'incident.created',
      created: now,
      recipientSet: device.recipientSet.version,
    },
    payload,
    device.recipientSet.readers.map((r) => ({ kid: r.kid, publicKey: r.publicKey })),
    device.signingKey,
  );
  const reference = incidentReference(draftId);
  await queueSealed(
    db,
    {
      id,
      seq,
      kind: 'incident.created',
      school: device.schoolId,
      createdAt: now,
      state: 'sealed',
      envelope: canonicalJson(envelope),
      hash: await envelopeHash(envelope),
      attempts: 0,
      lastAttemptAt: null,
      nextAttemptAt: 0,
      lastError: null,
      reference,
    },
    draftId,
  );
  return reference;
}
