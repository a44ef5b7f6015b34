/**
 * Evidence kept with an incident: notes, web addresses (text only, never opened or
 * fetched), devices with their custody, and photos or screenshots.
 *
 * The illegal-content guard is in illegal-content.ts; validation is in
 * evidence-validation.ts.
 */
export interface DeviceCustody {
  id: string;
  /** What the device is, e.g. "Pupil's own phone, black iPhone in a red case". */
  description: string;
  takenBy: string;
  /** Local date and time it was taken. */
  takenAt: string;
  /** Where it is kept now, e.g. "Sealed envelope in the head teacher's safe". */
  keptAt: string;
}

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** A photo or screenshot held encrypted with the draft (its bytes live in evidence chunks). */
export interface PhotoRef {
  id: string;
  mediaType: PhotoType;
  bytes: number;
  width: number;
  height: number;
  /** SHA-256 of the image bytes (base64url): the DSL's console checks the reassembled image. */
  sha256: string;
  addedAt: string;
}

export interface EvidenceFields {
  notes: string;
  /** One per line; recorded as text and never opened, fetched or turned into links. */
  webAddresses: string;
  devices: DeviceCustody[];
  photos: PhotoRef[];
}

export const EMPTY_EVIDENCE: EvidenceFields = {
  notes: '',
  webAddresses: '',
  devices: [],
  photos: [],
};

/** Largest photo after shrinking in the browser. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_PHOTOS = 10;
/**
 * Image bytes per `evidence.added` envelope. As base64url with its JSON this stays under
 * 512 KiB, so the padded payload is 512 KiB and the ciphertext about 700,000 characters:
 * half of MAX_CIPHERTEXT_CHARS, and five fit in one 4 MiB upload.
 */
export const EVIDENCE_PART_BYTES = 360_000;

export const EVIDENCE_LIMITS = {
  notes: 20_000,
  webAddresses: 10_000,
  description: 1_000,
  takenBy: 200,
  keptAt: 500,
} as const;

export const isPhotoType = (v: unknown): v is PhotoType =>
  (PHOTO_TYPES as readonly unknown[]).includes(v);

export function newDevice(id: string, takenBy: string, takenAt: string): DeviceCustody {
  return { id, description: '', takenBy, takenAt, keptAt: '' };
}

/** How many `evidence.added` envelopes carry a photo of this many bytes. */
export const partsFor = (bytes: number) => Math.max(1, Math.ceil(bytes / EVIDENCE_PART_BYTES));
