/** The app's IndexedDB database name, apart from db.ts so a read can name it without Dexie. */
export const DEFAULT_DB_NAME = 'safetrail';
