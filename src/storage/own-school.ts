/**
 * The school this browser is enrolled with (or set up), read where no session is at hand:
 * the policy pack is fetched before anyone unlocks, and a trust's hub serves each school
 * its own pack. It opens the app's database briefly and only if it exists already, so
 * asking never creates an empty one.
 */
import { Dexie } from 'dexie';
import { DEFAULT_DB_NAME, SafetrailDb } from './db.ts';

/** The enrolled school's id, or undefined before enrollment. */
export async function enrolledSchoolId(
  name: string = DEFAULT_DB_NAME,
): Promise<string | undefined> {
  if (!(await Dexie.exists(name))) return undefined;
  const db = new SafetrailDb(name);
  try {
    return (await db.device.get('self'))?.schoolId;
  } finally {
    db.close();
  }
}
