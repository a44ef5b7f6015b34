/**
 * Evidence kept with an incident: notes, web addresses (text only, never opened or
 * fetched), devices with their custody, and photos or screenshots.
 *
 * The illegal-content guard lives here so every layer asks the same question. The seed
 * policies are explicit: suspected illegal material (for example indecent images of
 * children) must not be viewed, copied, captured or forwarded; the device is confiscated
 * and isolated and the police review it. So an incident marked as possibly involving such
 * material, or in a category the policy pack flags as suspected illegal, can hold no image:
 * attaching refuses, setting the flag requires the images gone first, and sealing refuses
 * (`assertNoImagesIfIllegal` and `photoPayloads` in evidence-payload.ts, called by the
 * sealing code, not just the screen). Validation is in evidence-validation.ts.
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

/** What staff must do, in the seed policies' words, shown when the guard is on. */
export const ILLEGAL_CONTENT_STEPS = [
  'Do not view, copy, photograph, screenshot, print or forward the material, not even to show a colleague or the DSL. Viewing an indecent image of a child counts as making one.',
  'Confiscate the device. Do not switch it off, unlock it, or change anything on it: any change to its state may hinder a police investigation.',
  'Isolate it: keep it somewhere secure that no one else can use it, and record below who took it and where it is kept.',
  'Tell the DSL now. The police are informed and review the evidence; describe what was seen in words only.',
] as const;

export class IllegalContentGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IllegalContentGuardError';
  }
}

interface GuardedFields {
  suspectedIllegal: boolean;
  category: { suspectedIllegal: boolean } | null;
  evidence: EvidenceFields;
}

/** True when the incident may involve illegal material: marked so, or its category is. */
export function illegalSuspected(f: Pick<GuardedFields, 'suspectedIllegal' | 'category'>): boolean {
  return f.suspectedIllegal || Boolean(f.category?.suspectedIllegal);
}

/** Throws unless another photo may be attached to this incident. */
export function assertMayAttachPhoto(f: GuardedFields): void {
  if (illegalSuspected(f)) {
    throw new IllegalContentGuardError(
      'This incident may involve illegal material, so no photo or screenshot can be attached to it. Record the device and where it is kept instead.',
    );
  }
  if (f.evidence.photos.length >= MAX_PHOTOS) {
    throw new Error(`An incident can hold at most ${MAX_PHOTOS} photos.`);
  }
}

/** Throws when an incident that may involve illegal material still holds an image. */
export function assertNoImagesIfIllegal(f: GuardedFields): void {
  if (illegalSuspected(f) && f.evidence.photos.length > 0) {
    throw new IllegalContentGuardError(
      'This incident is marked as possibly involving illegal material but still has photos attached. Remove them: such material must not be copied or sent.',
    );
  }
}

/** How many `evidence.added` envelopes carry a photo of this many bytes. */
export const partsFor = (bytes: number) => Math.max(1, Math.ceil(bytes / EVIDENCE_PART_BYTES));
