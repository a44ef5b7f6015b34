/**
 * Small, non-sensitive settings (when the last sync ran, its error) in a separate
 * idb-keyval database, so reading them never opens the main schema. The key list is closed:
 * only the keys named in `Settings` can be written, so this cannot become a side door for
 * record content.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { guardRead, guardWrite } from './errors.ts';

export interface Settings {
  /** ISO time of the last completed sync run. */
  lastSyncAt: string;
  /** The last run's user-facing error, or null when it succeeded. */
  lastSyncError: string | null;
  /** ISO time of the last successful pull (DSL devices). */
  lastPullAt: string;
}

const KEYS: ReadonlySet<string> = new Set<keyof Settings>([
  'lastSyncAt',
  'lastSyncError',
  'lastPullAt',
]);

export const DEFAULT_SETTINGS_DB = 'safetrail-settings';

export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Promise<Settings[K] | undefined>;
  set<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void>;
  remove(key: keyof Settings): Promise<void>;
  /** Closes the connection (tests, before deleting the database). */
  close(): Promise<void>;
}

export function createSettingsStore(dbName: string = DEFAULT_SETTINGS_DB): SettingsStore {
  const store: UseStore = createStore(dbName, 'settings');
  const known = (key: string) => {
    if (!KEYS.has(key)) throw new Error(`Unknown setting "${key}"`);
  };
  return {
    async get(key) {
      known(key);
      return guardRead(() => get(key, store));
    },
    async set(key, value) {
      known(key);
      const type = typeof value;
      if (value !== null && type !== 'string' && type !== 'number' && type !== 'boolean') {
        throw new Error(`Setting "${key}" must be a plain value`);
      }
      await guardWrite(() => set(key, value, store));
    },
    async remove(key) {
      known(key);
      await del(key, store);
    },
    async close() {
      const db = await store('readonly', (s) => s.transaction.db);
      db.close();
    },
  };
}

let shared: SettingsStore | null = null;
const sharedStore = () => (shared ??= createSettingsStore());

/** Reads a setting from the app's settings database. */
export function getSetting<K extends keyof Settings>(key: K): Promise<Settings[K] | undefined> {
  return sharedStore().get(key);
}

/** Writes a setting to the app's settings database. */
export function setSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  return sharedStore().set(key, value);
}
