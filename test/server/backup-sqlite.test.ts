/**
 * Backup and restore of the embedded store: `npm run backup` takes an online copy while a
 * tablet keeps uploading, checks it, and the copy put in place of a fresh endpoint's
 * database serves every receipted record with the chain intact.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../src/server/store/sqlite-store.ts';
import { startServer } from '../../src/server/start.ts';
import { eraseSome, expectRestored, fill, runBackupCli } from './backup-kit.ts';
import { enrolTablet, setupSchool, startTestServer } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'safetrail-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('SQLite backup and restore', () => {
  it('backs up online during uploads, and restores into a fresh endpoint', async () => {
    const live = await startTestServer();
    const school = await setupSchool(live);
    const tablet = await enrolTablet(live, school);
    const before = await fill(live, school, tablet, 40);
    // Three records erased (retention) before the backup stay erased after the restore.
    const erased = new Set([...before.keys()].filter((_, i) => i % 15 === 3));
    expect(await eraseSome(live, school, [...erased])).toEqual({ erased: 3, index: 1 });
    const file = join(root, 'backups', 'safetrail.sqlite');
    // The backup runs while another 40 records arrive.
    const [backup, during] = await Promise.all([
      runBackupCli({ DATA_DIR: live.dataDir }, file),
      fill(live, school, tablet, 40),
    ]);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/1 school\(s\), \d+ log entries, every chain verified/);
    await live.close();
    expect(during.size).toBe(40);

    const dataDir = join(root, 'restored');
    mkdirSync(dataDir);
    copyFileSync(file, join(dataDir, SQLITE_FILE));
    const restored = await startServer({ host: '127.0.0.1', port: 0, dataDir, distDir: root });
    try {
      expect(restored.setupCode).toBeNull();
      await expectRestored(restored, school, tablet, before, erased);
    } finally {
      await restored.close();
    }
  });

  it('says in one line why it cannot back up', async () => {
    const result = await runBackupCli({ DATA_DIR: join(root, 'nothing') }, join(root, 'x.sqlite'));
    expect(result.code).toBe(1);
    expect(result.out.trim()).toMatch(/^Backup failed: There is no Safetrail database at /);
  });
});
