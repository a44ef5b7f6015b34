/**
 * The illegal-content guard, in one place so every layer asks the same question. The seed
 * policies are explicit: suspected illegal material (for example indecent images of
 * children) must not be viewed, copied, captured or forwarded; the device is confiscated
 * and isolated and the police review it. So an incident marked as possibly involving such
 * material, or in a category the policy pack flags as suspected illegal, can hold no image:
 * attaching refuses, setting the flag requires the images gone first, and sealing refuses
 * (`assertNoImagesIfIllegal` and `photoPayloads` in evidence-payload.ts, called by the
 * sealing code, not just the screen).
 */
import { MAX_PHOTOS, type EvidenceFields } from './evidence.ts';

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
