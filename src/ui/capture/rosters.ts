/**
 * Trip rosters for the unlocked member of staff: saved encrypted under their key
 * (crypto/roster-seal.ts), read back only in memory, and deleted automatically a set
 * number of days after the trip's last day (on app start and at unlock, see CaptureRoutes).
 */
import { decryptRoster, encryptRoster } from '../../crypto/roster-seal.ts';
import {
  isRosterExpired,
  isTripToday,
  type Roster,
  type RosterDraft,
} from '../../domain/roster.ts';
import { DEFAULT_ROSTER_RETENTION_DAYS } from '../../domain/categories.ts';
import { ulid } from '../../domain/ulid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { listRosters, putRoster } from '../../storage/roster-repo.ts';
import type { StaffSession } from '../app/session.tsx';

/** The member of staff's rosters still within their retention, the trip ending soonest first. */
export async function loadRosters(
  db: SafetrailDb,
  staff: StaffSession,
  retentionDays: number,
  now = Date.now(),
): Promise<Roster[]> {
  const rows = (await listRosters(db, staff.profileId)).filter(
    (r) => !isRosterExpired(r.endsOn, now, retentionDays),
  );
  const opened = await Promise.all(
    rows.map((r) => decryptRoster<Roster>(r.id, staff.key, r.data).catch(() => null)),
  );
  return opened.filter((r): r is Roster => r !== null);
}

export async function saveRoster(
  db: SafetrailDb,
  staff: StaffSession,
  draft: RosterDraft,
): Promise<Roster> {
  const roster: Roster = {
    id: ulid(),
    tripName: draft.tripName.trim(),
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    pupils: draft.pupils.map((p) => ({ id: ulid(), name: p.name.trim(), yearGroup: p.yearGroup })),
  };
  await putRoster(db, {
    id: roster.id,
    profileId: staff.profileId,
    createdAt: new Date().toISOString(),
    endsOn: roster.endsOn,
    data: await encryptRoster(roster.id, staff.key, roster),
  });
  return roster;
}

/** The name of a trip running today, for a new incident's "Trip or visit"; '' if none. */
export async function tripToday(
  db: SafetrailDb,
  staff: StaffSession,
  retentionDays = DEFAULT_ROSTER_RETENTION_DAYS,
): Promise<string> {
  const now = new Date();
  const rosters = await loadRosters(db, staff, retentionDays, now.getTime());
  return rosters.find((r) => isTripToday(r, now))?.tripName ?? '';
}
