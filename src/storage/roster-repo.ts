/**
 * Trip rosters, encrypted under the staff key; the trip's last day is the only readable
 * detail, so expired rosters are deleted on app start and unlock without any key.
 */
import { isRosterExpired } from '../domain/roster.ts';
import type { SafetrailDb } from './db.ts';
import { guardRead, guardWrite } from './errors.ts';
import { check, sealedOnly, str } from './guards.ts';
import type { RosterRecord } from './records.ts';

export async function putRoster(db: SafetrailDb, roster: RosterRecord): Promise<void> {
  check(/^\d{4}-\d{2}-\d{2}$/.test(roster.endsOn), 'a roster without a last day');
  const row: RosterRecord = {
    id: str(roster.id, 'roster id'),
    profileId: str(roster.profileId, 'roster profileId'),
    createdAt: str(roster.createdAt, 'roster createdAt'),
    endsOn: roster.endsOn,
    data: sealedOnly(roster.data, 'roster data'),
  };
  await guardWrite(() => db.rosters.put(row));
}

/** A profile's rosters, the trip ending soonest first. */
export async function listRosters(db: SafetrailDb, profileId: string): Promise<RosterRecord[]> {
  const rows = await guardRead(() => db.rosters.where('profileId').equals(profileId).toArray());
  return rows.sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.id.localeCompare(b.id));
}

export async function deleteRoster(db: SafetrailDb, id: string): Promise<void> {
  await guardWrite(() => db.rosters.delete(id));
}

/**
 * Deletes every roster (of any profile) kept `retentionDays` past its trip's last day.
 * Returns how many were deleted.
 */
export async function purgeExpiredRosters(
  db: SafetrailDb,
  now: number,
  retentionDays: number,
): Promise<number> {
  return guardWrite(() =>
    db.transaction('rw', db.rosters, async () => {
      const expired = (await db.rosters.toArray()).filter((r) =>
        isRosterExpired(r.endsOn, now, retentionDays),
      );
      await db.rosters.bulkDelete(expired.map((r) => r.id));
      return expired.length;
    }),
  );
}
