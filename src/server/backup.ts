/**
 * Backups of the endpoint's store, taken while it runs. SQLite: SQLite's online backup API
 * (better-sqlite3's `backup`) copies a consistent snapshot page by page while uploads carry
 * on, then the copy is opened read-only and every school's chain is verified, so a backup
 * that would not restore is reported at once rather than discovered on the bad day.
 * PostgreSQL: `pg_dump --format=custom`, PostgreSQL's own consistent snapshot, restored with
 * `pg_restore`. Either way the backup holds what the store holds: ciphertext, public keys
 * and the receipt-signing key, never anything readable from a record; it is kept as
 * carefully as the database itself.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { verifyChain } from './chain.ts';
import { SqliteStore, SQLITE_FILE } from './store/sqlite-store.ts';

export interface BackupReport {
  file: string;
  bytes: number;
  schools: number;
  /** Log entries across every school, each chain verified (SQLite only). */
  entries: number | null;
}

/** backups/safetrail-2026-03-01T09-00-00Z.<ext> beside the current folder, for the CLI. */
export function defaultBackupFile(ext: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return join('backups', `safetrail-${stamp}.${ext}`);
}

/** Online backup of DATA_DIR's database to `dest`, then a read-only check of the copy. */
export async function backupSqlite(dataDir: string, dest: string): Promise<BackupReport> {
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source)) throw new Error(`There is no Safetrail database at ${source}.`);
  if (existsSync(dest)) throw new Error(`${dest} already exists: choose a new file.`);
  mkdirSync(dirname(dest), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(dest);
  } finally {
    db.close();
  }
  return { ...(await checkSqliteBackup(dest)), bytes: statSync(dest).size };
}

/** Opens a backup read-only and verifies every school's chain; throws if anything is wrong. */
export async function checkSqliteBackup(file: string): Promise<BackupReport> {
  const store = new SqliteStore(dirname(file), { file, readonly: true });
  try {
    const integrity = new Database(file, { readonly: true });
    const ok = integrity.pragma('integrity_check', { simple: true });
    integrity.close();
    if (ok !== 'ok') throw new Error(`The backup ${file} is damaged: ${String(ok)}.`);
    const report = await verifyChain(store);
    if (!report.ok) {
      throw new Error(
        `The backup's log does not verify at entry ${report.index}: ${report.problem}.`,
      );
    }
    const schools = (await store.listSchools()).length;
    return { file, bytes: statSync(file).size, schools, entries: report.length };
  } finally {
    await store.close();
  }
}

/** pg_dump of the hub's database to `dest` (custom format, for pg_restore). */
export function backupPostgres(
  databaseUrl: string,
  dest: string,
  pgDump = 'pg_dump',
): BackupReport {
  if (existsSync(dest)) throw new Error(`${dest} already exists: choose a new file.`);
  mkdirSync(dirname(dest), { recursive: true });
  const run = spawnSync(
    pgDump,
    ['--format=custom', '--no-owner', `--file=${dest}`, '--dbname', databaseUrl],
    {
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  if (run.error) throw new Error(`Could not run ${pgDump}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`pg_dump failed: ${run.stderr.toString().trim()}`);
  return { file: dest, bytes: statSync(dest).size, schools: 0, entries: null };
}
