/**
 * The two rows a cold start draws its first screen from (the device record and the staff
 * profiles, both stored without plaintext), read straight from IndexedDB. Opening the
 * database through Dexie costs a tablet's start about 10 ms of script (its schema checks and
 * promise machinery) before the PIN screen can be drawn; this read does not wait for that,
 * and Dexie opens when a screen first needs it.
 *
 * It only reads, and it never creates or upgrades anything: a browser with no database yet,
 * or one whose stores differ from what is expected, gets null, and the caller reads through
 * the repositories as usual. If another tab or a newer version of the app upgrades the
 * database meanwhile, this connection closes at once so the upgrade is never held up.
 */
import { DEFAULT_DB_NAME } from './db-name.ts';
import type { DeviceRecord, StaffProfileRecord } from './records.ts';

export interface StartRows {
  device: DeviceRecord | undefined;
  profiles: StaffProfileRecord[];
}

const STORES = ['device', 'profiles'];

/**
 * The rows, or null if they have not come within `ms`: a database slow to answer (another
 * tab upgrading it) must not hold a start up; the caller then reads through the app.
 */
export function rowsWithin(rows: Promise<StartRows | null>, ms: number): Promise<StartRows | null> {
  return Promise.race([rows, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

export function readStartRows(
  name: string = DEFAULT_DB_NAME,
  idb: IDBFactory | undefined = globalThis.indexedDB,
): Promise<StartRows | null> {
  return new Promise((resolve) => {
    if (!idb) return resolve(null);
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(name);
    } catch {
      return resolve(null);
    }
    // Only a database that does not exist yet asks to be upgraded with no version given:
    // aborting leaves it uncreated, for the app's own schema to create.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      const done = (rows: StartRows | null) => {
        db.close();
        resolve(rows);
      };
      if (!STORES.every((s) => db.objectStoreNames.contains(s))) return done(null);
      try {
        const tx = db.transaction(STORES, 'readonly');
        const device = tx.objectStore('device').get('self');
        const profiles = tx.objectStore('profiles').getAll();
        tx.oncomplete = () =>
          done({
            device: device.result as DeviceRecord | undefined,
            profiles: profiles.result as StaffProfileRecord[],
          });
        tx.onabort = () => done(null);
      } catch {
        done(null);
      }
    };
  });
}
