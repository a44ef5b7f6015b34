/**
 * Photos on the wire: each is split into parts of EVIDENCE_PART_BYTES, each part sealed as
 * its own `evidence.added` event naming the incident, so every envelope stays well under
 * the size limits. Building the parts is where sealing asks the illegal-content guard.
 */
import {
  EVIDENCE_PART_BYTES,
  isPhotoType,
  partsFor,
  type PhotoRef,
  type PhotoType,
} from './evidence.ts';
import { IllegalContentGuardError, illegalSuspected } from './illegal-content.ts';

/** One part of a photo, carried in its own sealed `evidence.added` event. */
export interface EvidenceAddedPayload {
  type: 'evidence.added';
  incidentId: string;
  evidenceId: string;
  kind: 'photo';
  mediaType: PhotoType;
  bytes: number;
  sha256: string;
  part: number;
  parts: number;
  /** This part's bytes, base64url. */
  data: string;
}

/**
 * The payloads that carry one photo, split into parts. Refuses (throws) for an incident
 * that may involve illegal material: this is the sealing layer's check, whatever the
 * screen did. `encode` turns bytes into base64url (the crypto layer's, passed in).
 */
export function photoPayloads(
  incidentId: string,
  fields: { suspectedIllegal: boolean; category: { suspectedIllegal: boolean } | null },
  photo: PhotoRef,
  image: Uint8Array,
  encode: (bytes: Uint8Array) => string,
): EvidenceAddedPayload[] {
  if (illegalSuspected(fields)) {
    throw new IllegalContentGuardError(
      'This incident may involve illegal material: no image may be sealed with it.',
    );
  }
  if (image.length !== photo.bytes) throw new Error('The stored photo is not the one recorded.');
  const parts = partsFor(photo.bytes);
  return Array.from({ length: parts }, (_, part) => ({
    type: 'evidence.added',
    incidentId,
    evidenceId: photo.id,
    kind: 'photo',
    mediaType: photo.mediaType,
    bytes: photo.bytes,
    sha256: photo.sha256,
    part,
    parts,
    data: encode(image.subarray(part * EVIDENCE_PART_BYTES, (part + 1) * EVIDENCE_PART_BYTES)),
  }));
}

export function isEvidenceAddedPayload(value: unknown): value is EvidenceAddedPayload {
  const v = value as Partial<EvidenceAddedPayload> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.type === 'evidence.added' &&
    v.kind === 'photo' &&
    typeof v.incidentId === 'string' &&
    typeof v.evidenceId === 'string' &&
    isPhotoType(v.mediaType) &&
    Number.isSafeInteger(v.bytes) &&
    typeof v.sha256 === 'string' &&
    Number.isSafeInteger(v.part) &&
    Number.isSafeInteger(v.parts) &&
    (v.part as number) >= 0 &&
    (v.part as number) < (v.parts as number) &&
    typeof v.data === 'string'
  );
}
