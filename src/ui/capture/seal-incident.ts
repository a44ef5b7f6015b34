/**
 * Submitting an incident: seal it as an `incident.created` envelope, and each photo as one
 * or more `evidence.added` envelopes linked to it by the incident id, to every reader in
 * the school's signed recipient set; then queue them all and destroy the draft and its
 * evidence in ONE transaction (queueSealedMany): all of it is queued, or none and the
 * draft is kept. The envelope code (HPKE) is loaded on demand, so drawing the form stays light.
 *
 * This is the last line of the illegal-content guard: an incident that may involve
 * illegal material and still names an image is refused here, whatever the screen allowed.
 */
import { toBase64Url } from '../../crypto/bytes.ts';
import { canonicalJson } from '../../crypto/canonical-json.ts';
import { assertNoImagesIfIllegal } from '../../domain/illegal-content.ts';
import { photoPayloads } from '../../domain/evidence-payload.ts';
import {
  incidentReference,
  type IncidentCreatedPayload,
  type IncidentFields,
} from '../../domain/incident.ts';
import { validateIncident } from '../../domain/incident-validation.ts';
import type { EventKind } from '../../domain/events.ts';
import { ulid } from '../../domain/ulid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { takeSeqs } from '../../storage/device-repo.ts';
import { queueSealedMany } from '../../storage/outbox-queue.ts';
import type { DeviceRecord, OutboxRecord } from '../../storage/records.ts';
import type { StaffSession } from '../app/session.tsx';
import type { OpenDraft } from './drafts.ts';
import { loadPhoto } from './photos.ts';

/**
 * What Submit does: the record's problems if it cannot be submitted yet, otherwise the
 * reference of the incident now sealed and queued.
 */
export async function submitIncident(
  db: SafetrailDb,
  device: DeviceRecord,
  staff: StaffSession,
  draft: OpenDraft,
  fields: IncidentFields,
): Promise<{ errors: Record<string, string> } | { reference: string }> {
  const errors = validateIncident(fields);
  if (Object.keys(errors).length) return { errors };
  return { reference: await sealIncident(db, device, staff, draft, fields) };
}

export async function sealIncident(
  db: SafetrailDb,
  device: DeviceRecord,
  staff: StaffSession,
  draft: OpenDraft,
  fields: IncidentFields,
): Promise<string> {
  assertNoImagesIfIllegal(fields);
  const problems = Object.values(validateIncident(fields));
  if (problems.length) throw new Error(`This record is not complete: ${problems[0]}`);
  const { sealEnvelope, envelopeHash } = await import('../../crypto/envelope.ts');

  const payloads: [EventKind, unknown][] = [
    [
      'incident.created',
      {
        type: 'incident.created',
        incidentId: draft.id,
        fields,
        recordedAt: new Date().toISOString(),
        recordedBy: staff.name,
      } satisfies IncidentCreatedPayload,
    ],
  ];
  for (const photo of fields.evidence.photos) {
    const image = await loadPhoto(db, draft, photo);
    for (const p of photoPayloads(draft.id, fields, photo, image, toBase64Url))
      payloads.push(['evidence.added', p]);
  }

  const reference = incidentReference(draft.id);
  const firstSeq = await takeSeqs(db, payloads.length);
  const readers = device.recipientSet.readers.map((r) => ({ kid: r.kid, publicKey: r.publicKey }));
  const records: OutboxRecord[] = [];
  for (const [i, [kind, payload]] of payloads.entries()) {
    const now = new Date().toISOString();
    const envelope = await sealEnvelope(
      {
        id: ulid(),
        school: device.schoolId,
        device: device.deviceId,
        seq: firstSeq + i,
        kind,
        created: now,
        recipientSet: device.recipientSet.version,
      },
      payload,
      readers,
      device.signingKey,
    );
    records.push({
      id: envelope.id,
      seq: envelope.seq,
      kind,
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
    });
  }
  await queueSealedMany(db, records, draft.id);
  return reference;
}
