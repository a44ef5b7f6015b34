/**
 * The school this browser is enrolled with (or set up), read where no session is at hand:
 * the policy pack is fetched before anyone unlocks, and a trust's hub serves each school
 * its own pack. It reads the device row directly (start-read.ts), so asking never creates
 * an empty database and never opens a second Dexie connection.
 */
import { DEFAULT_DB_NAME } from './db-name.ts';
import { readStartRows } from './start-read.ts';

/** The enrolled school's id, or undefined before enrollment. */
export async function enrolledSchoolId(
  name: string = DEFAULT_DB_NAME,
): Promise<string | undefined> {
  return (await readStartRows(name))?.device?.schoolId;
}
