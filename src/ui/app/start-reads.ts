/**
 * The reads the first screen waits on, begun as the entry script runs rather than in
 * effects after the first paint: on a cold start the database opens, and the device record
 * and staff profiles are read, while the router starts and the route's code loads. The
 * profiles are for a tablet's PIN screen (a console's list is empty and costs nothing).
 * Each result is handed out once, to the first screen that asks during start-up; anything
 * later reads afresh, so nothing stale is ever shown.
 */
import type { SafetrailDb } from '../../storage/db.ts';
import { getDevice } from '../../storage/device-repo.ts';
import { byName } from '../../storage/profile-order.ts';
import { listProfiles } from '../../storage/profile-repo.ts';
import type { DeviceRecord, StaffProfileRecord } from '../../storage/records.ts';
import { readStartRows, type StartRows } from '../../storage/start-read.ts';

/** How long a start-up read is offered before it counts as stale. */
const FRESH_MS = 5_000;

let profiles: { db: SafetrailDb; list: Promise<StaffProfileRecord[]> } | null = null;

/** Where the cold-start lock screen (src/ui/start) left the PIN screen when it handed over. */
export interface StartGate {
  /** "I am not listed" was chosen there. */
  creating?: boolean;
  /** A sentence to show on the PIN screen (the chosen profile had been wiped). */
  notice?: string;
}

let gate: StartGate | null = null;

/**
 * Starts the reads, or takes the rows the cold-start lock screen read already (with where it
 * left off); returns the device record's (the session takes it). They go straight to
 * IndexedDB (start-read.ts), so Dexie opens later, when a screen first needs it; where that
 * read cannot answer (no database yet, another schema), the repositories read instead.
 */
export function beginStartReads(
  db: SafetrailDb,
  handedOver: { rows?: StartRows | null; gate?: StartGate } = {},
): Promise<DeviceRecord | undefined> {
  const rows = handedOver.rows ? Promise.resolve(handedOver.rows) : readStartRows(db.name);
  gate = handedOver.gate ?? null;
  const list = rows.then((r) => (r ? byName(r.profiles) : listProfiles(db)));
  list.catch(() => {}); // whoever takes it sees the failure; unclaimed, it is not an error
  profiles = { db, list };
  setTimeout(() => (profiles = null), FRESH_MS);
  return rows.then((r) => (r ? r.device : getDevice(db)));
}

/** The staff profiles read at start-up for this database, once; null means read them now. */
export function takeStartProfiles(db: SafetrailDb): Promise<StaffProfileRecord[]> | null {
  if (profiles?.db !== db) return null;
  const { list } = profiles;
  profiles = null;
  return list;
}

/** Where the cold-start lock screen left off, once; null when it did not hand over. */
export function takeStartGate(): StartGate | null {
  const taken = gate;
  gate = null;
  return taken;
}
