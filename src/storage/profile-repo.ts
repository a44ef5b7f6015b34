/**
 * Staff profiles on a shared tablet: a name, the PBKDF2 salt and iteration count, the
 * staff key wrapped under the PIN, and a failed-attempt counter. The PIN and the staff key
 * itself are never stored. Deleting a profile removes its drafts, their evidence and its
 * trip rosters in the same transaction, so nothing orphaned (and unopenable) is left behind.
 */
import type { SafetrailDb } from './db.ts';
import { guardRead, guardWrite } from './errors.ts';
import { check, int, saltOnly, sealedOnly, str } from './guards.ts';
import { byName } from './profile-order.ts';
import type { StaffProfileRecord } from './records.ts';

export type ProfileChanges = Partial<Omit<StaffProfileRecord, 'id'>>;

function toRow(p: StaffProfileRecord): StaffProfileRecord {
  check(int(p.iterations, 'iterations') >= 1, 'a profile with no KDF iterations');
  check(int(p.failedAttempts, 'failedAttempts') >= 0, 'a profile with a negative attempt count');
  return {
    id: str(p.id, 'profile id'),
    name: str(p.name, 'profile name'),
    salt: saltOnly(p.salt, 'profile salt'),
    iterations: p.iterations,
    wrappedKey: sealedOnly(p.wrappedKey, 'profile wrappedKey'),
    createdAt: str(p.createdAt, 'createdAt'),
    failedAttempts: p.failedAttempts,
    lastFailedAt: p.lastFailedAt == null ? null : int(p.lastFailedAt, 'lastFailedAt'),
  };
}

/** All profiles, by name, for the "who are you?" picker. */
export async function listProfiles(db: SafetrailDb): Promise<StaffProfileRecord[]> {
  return byName(await guardRead(() => db.profiles.toArray()));
}

export async function getProfile(
  db: SafetrailDb,
  id: string,
): Promise<StaffProfileRecord | undefined> {
  return guardRead(() => db.profiles.get(id));
}

export async function saveProfile(db: SafetrailDb, profile: StaffProfileRecord): Promise<void> {
  const row = toRow(profile);
  await guardWrite(() => db.profiles.put(row));
}

/** Applies `changes` to an existing profile; returns false if there is no such profile. */
export async function updateProfile(
  db: SafetrailDb,
  id: string,
  changes: ProfileChanges,
): Promise<boolean> {
  return guardWrite(() =>
    db.transaction('rw', db.profiles, async () => {
      const current = await db.profiles.get(id);
      if (!current) return false;
      await db.profiles.put(toRow({ ...current, ...changes, id }));
      return true;
    }),
  );
}

export async function deleteProfile(db: SafetrailDb, id: string): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', [db.profiles, db.drafts, db.evidence, db.rosters], async () => {
      const drafts = await db.drafts.where('profileId').equals(id).primaryKeys();
      await db.evidence.where('draftId').anyOf(drafts).delete();
      await db.drafts.bulkDelete(drafts);
      await db.rosters.where('profileId').equals(id).delete();
      await db.profiles.delete(id);
    }),
  );
}
