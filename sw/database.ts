/**
 * The worker's one connection to the device's database, shared by the upload and the
 * early open below. Like the page's, it closes itself when a newer version of the app
 * upgrades the schema (src/storage/db.ts), so it never blocks an update.
 */
import { SafetrailDb } from '../src/storage/db.ts';

let db: SafetrailDb | null = null;

export function workerDatabase(): SafetrailDb {
  return (db ??= new SafetrailDb());
}

/**
 * Opens the database as a page of the app starts loading, and reads nothing. On a tablet's
 * cold start the browser must first load the origin's IndexedDB from disk; begun here, while
 * the page is still fetching and running its scripts, that is done by the time the page
 * reads its device record and staff profiles for the PIN screen. A failure is left for the
 * page's own open to report.
 */
export function openDatabaseEarly(): void {
  workerDatabase()
    .open()
    .catch(() => {});
}
