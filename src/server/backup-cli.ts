/**
 * `npm run backup [-- FILE]`: backs up the endpoint's store while it runs, configured by
 * the same environment as the endpoint (DATA_DIR for SQLite, or DATABASE_URL). Prints what
 * it wrote, or one sentence saying why it could not; the exit code says which. PG_DUMP
 * names the pg_dump to use (it must be at least as new as the server).
 */
import { backupPostgres, backupSqlite, defaultBackupFile } from './backup.ts';
import { ConfigError, loadConfig } from './config.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const [file] = process.argv.slice(2);
  if (config.databaseUrl) {
    const dest = file ?? defaultBackupFile('pgdump');
    const report = backupPostgres(config.databaseUrl, dest, process.env.PG_DUMP || 'pg_dump');
    process.stdout.write(
      `Backed up the PostgreSQL database to ${report.file} (${report.bytes} bytes).\n`,
    );
    return;
  }
  const dest = file ?? defaultBackupFile('sqlite');
  const report = await backupSqlite(config.dataDir, dest);
  process.stdout.write(
    `Backed up ${config.dataDir} to ${report.file} (${report.bytes} bytes): ${report.schools} school(s), ${report.entries} log entries, every chain verified.\n`,
  );
}

main().catch((err: unknown) => {
  const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
  process.stderr.write(`Backup failed: ${message}\n`);
  process.exit(1);
});
