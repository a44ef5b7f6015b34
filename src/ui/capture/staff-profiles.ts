/** Staff profiles on a shared tablet: each has a name and their own PIN-wrapped key. */
import {
  createStaffKey,
  unlockStaffKey,
  WrongDeviceError,
  WrongSecretError,
} from '../../crypto/staff-key.ts';
import {
  describeWait,
  pinWaitRemaining,
  WIPE_AFTER_ATTEMPTS,
  wrongPinMessage,
} from '../../domain/pin-throttle.ts';
import { ulid } from '../../domain/ulid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { getDevice } from '../../storage/device-repo.ts';
import {
  deleteProfile,
  getProfile,
  saveProfile,
  updateProfile,
} from '../../storage/profile-repo.ts';
import type { StaffSession } from '../app/session.tsx';

export const MIN_PIN_LENGTH = 6;

export function pinProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'Use digits only.';
  if (pin.length < MIN_PIN_LENGTH) return `Use at least ${MIN_PIN_LENGTH} digits.`;
  if (/^(\d)\1+$/.test(pin) || '0123456789012'.includes(pin) || '9876543210987'.includes(pin)) {
    return 'Avoid repeated or sequential digits: they are the first ones guessed.';
  }
  return null;
}

export async function createProfile(
  db: SafetrailDb,
  name: string,
  pin: string,
): Promise<StaffSession> {
  const id = ulid();
  const vaultKey = (await getDevice(db))?.vaultKey;
  const { stored, key } = await createStaffKey(id, pin, undefined, vaultKey);
  await saveProfile(db, {
    id,
    name: name.trim(),
    ...stored,
    createdAt: new Date().toISOString(),
    failedAttempts: 0,
    lastFailedAt: null,
  });
  return { profileId: id, name: name.trim(), key };
}

/** The profile was wiped after too many wrong PINs; the picker must reload. */
export class ProfileWipedError extends Error {
  constructor(name: string) {
    super(
      `That was the ${WIPE_AFTER_ATTEMPTS}th wrong PIN, so ${name}’s key and unsent drafts have been deleted from this tablet. Records already submitted are safe. Create a new profile to carry on.`,
    );
    this.name = 'ProfileWipedError';
  }
}

/**
 * Throws WrongSecretError (and counts the attempt) when the PIN is wrong, refuses to try
 * while the growing wait runs, and wipes the profile at the last allowed attempt.
 */
export async function unlockProfile(
  db: SafetrailDb,
  profileId: string,
  pin: string,
  now: number = Date.now(),
): Promise<StaffSession> {
  const profile = await getProfile(db, profileId);
  if (!profile) throw new Error('That staff profile no longer exists on this tablet.');
  const wait = pinWaitRemaining(profile.failedAttempts, profile.lastFailedAt, now);
  if (wait > 0) {
    throw new WrongSecretError(
      `Too many wrong PINs. Wait ${describeWait(wait)} before trying again.`,
    );
  }
  try {
    const key = await unlockStaffKey(profile.id, pin, profile, (await getDevice(db))?.vaultKey);
    if (profile.failedAttempts) {
      await updateProfile(db, profile.id, { failedAttempts: 0, lastFailedAt: null });
    }
    return { profileId: profile.id, name: profile.name, key };
  } catch (e) {
    if (e instanceof WrongDeviceError) {
      // Not a wrong PIN: this profile was copied from another device's storage.
      throw new Error(
        'This profile cannot be opened on this tablet: it was made on another device. Create a new profile here.',
      );
    }
    if (!(e instanceof WrongSecretError)) throw e;
    const failedAttempts = profile.failedAttempts + 1;
    if (failedAttempts >= WIPE_AFTER_ATTEMPTS) {
      await deleteProfile(db, profile.id);
      throw new ProfileWipedError(profile.name);
    }
    await updateProfile(db, profile.id, { failedAttempts, lastFailedAt: now });
    throw new WrongSecretError(wrongPinMessage(failedAttempts));
  }
}
