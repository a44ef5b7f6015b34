/**
 * The log's Signature cell: who recorded the incident, on which device, and the fingerprint
 * of the device key whose signature was checked when the record was opened.
 */
import type { CaseSummary } from '../../domain/case-state.ts';
import type { ChronologyEvent } from '../../domain/chronology.ts';

export interface SignedEvent extends ChronologyEvent {
  deviceName: string;
  signer: string;
}

/** For records this console opened (and so verified) itself. */
export const verifiedSignature = (s: CaseSummary<SignedEvent>): string =>
  s.createdEvent
    ? `${s.recordedBy} · ${s.createdEvent.deviceName} · key ${s.createdEvent.signer} (signature verified)`
    : '';

/**
 * For records read from an export bundle: the console that made the bundle checked the
 * signature, this one cannot (the bundle carries the content, not the sealed envelope), so
 * the cell says whose check it was.
 */
export const exportedSignature = (s: CaseSummary<SignedEvent>): string =>
  s.createdEvent
    ? `${s.recordedBy} · ${s.createdEvent.deviceName} · key ${s.createdEvent.signer} (signature verified by the console that made the export)`
    : '';
