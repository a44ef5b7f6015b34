/**
 * Whether the evidence part of a record can be submitted: each device with its custody
 * complete, lengths within limits and, for an incident that may involve illegal material,
 * a device recorded and no image attached.
 */
import { dateTimeProblem } from './datetime.ts';
import { EVIDENCE_LIMITS, MAX_PHOTOS, type EvidenceFields } from './evidence.ts';
import { illegalSuspected } from './illegal-content.ts';

interface Checked {
  suspectedIllegal: boolean;
  category: { suspectedIllegal: boolean } | null;
  evidence: EvidenceFields;
}

/** Problems keyed `evidence...`, in plain words. */
export function validateEvidence(f: Checked, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  const e = f.evidence;
  const tooLong = (n: number) =>
    `This is too long: at most ${n.toLocaleString('en-GB')} characters.`;
  if (e.notes.length > EVIDENCE_LIMITS.notes)
    errors['evidence.notes'] = tooLong(EVIDENCE_LIMITS.notes);
  if (e.webAddresses.length > EVIDENCE_LIMITS.webAddresses)
    errors['evidence.webAddresses'] = tooLong(EVIDENCE_LIMITS.webAddresses);
  for (const d of e.devices) {
    const at = `evidence.devices.${d.id}`;
    if (!d.description.trim()) errors[`${at}.description`] = 'Describe the device, or remove it.';
    else if (d.description.length > EVIDENCE_LIMITS.description)
      errors[`${at}.description`] = tooLong(EVIDENCE_LIMITS.description);
    if (!d.takenBy.trim()) errors[`${at}.takenBy`] = 'Say who took the device.';
    else if (d.takenBy.length > EVIDENCE_LIMITS.takenBy)
      errors[`${at}.takenBy`] = tooLong(EVIDENCE_LIMITS.takenBy);
    if (!d.keptAt.trim()) errors[`${at}.keptAt`] = 'Say where the device is kept now.';
    else if (d.keptAt.length > EVIDENCE_LIMITS.keptAt)
      errors[`${at}.keptAt`] = tooLong(EVIDENCE_LIMITS.keptAt);
    const when = dateTimeProblem(d.takenAt, now, 'Give the date and time it was taken.');
    if (when) errors[`${at}.takenAt`] = when;
  }
  if (illegalSuspected(f)) {
    if (e.devices.length === 0) {
      errors['evidence.devices'] =
        'Record the device: what it is, who took it and where it is kept now. Do not look at it again.';
    }
    if (e.photos.length > 0) {
      errors['evidence.photos'] =
        'Remove the photos: material that may be illegal must not be copied or sent.';
    }
  }
  if (e.photos.length > MAX_PHOTOS) errors['evidence.photos'] = `At most ${MAX_PHOTOS} photos.`;
  return errors;
}
