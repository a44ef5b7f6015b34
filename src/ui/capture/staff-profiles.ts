/** Staff profiles on a shared tablet: each has a name and their own PIN-wrapped key. */
import { createStaffKey, unlockStaffKey, WrongSecretError } from '../../crypto/staff-key.ts';
import { ulid } from '../../domain/ulid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { getProfile, saveProfile, updateProfile } from '../../storage/profile-repo.ts';
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
  const { stored, key } = await createStaffKey(id, pin);
  await saveProfile(db, {
    id,
    name: name.trim(),
    ...stored,
    createdAt: new Date().toISOString(),
    failedAttempts: 0,
  });
  return { profileId: id, name: name.trim(), key };
}

/** Throws WrongSecretError (and counts the attempt) when the PIN is wrong. */
export async function unlockProfile(
  db: SafetrailDb,
  profileId: string,
  pin: string,
): Promise<StaffSession> {
  const profile = await getProfile(db, profileId);
  if (!profile) throw new Error('That staff profile no longer exists on this tablet.');
  try {
    const key = await unlockStaffKey(profile.id, pin, profile);
    if (profile.failedAttempts) await updateProfile(db, profile.id, { failedAttempts: 0 });
    return { profileId: profile.id, name: profile.name, key };
  } catch (e) {
    if (e instanceof WrongSecretError) {
      const failedAttempts = profile.failedAttempts + 1;
      await updateProfile(db, profile.id, { failedAttempts });
      throw new WrongSecretError(
        `That PIN is not right (${failedAttempts} wrong ${failedAttempts === 1 ? 'try' : 'tries'}).`,
      );
    }
    throw e;
  }
}
