/**
 * Backup and restore of a hub's PostgreSQL database: `npm run backup` (pg_dump, custom
 * format) while a tablet keeps uploading, `pg_restore` into an empty database, and a fresh
 * endpoint on it serves every receipted record with the chain intact.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/start.ts';
import { eraseSome, expectRestored, fill, runBackupCli } from './backup-kit.ts';
import { enrolTablet, setupSchool, startTestServer } from './helpers.ts';
import { postgresBin } from './postgres-cluster.ts';
import { createWholeDatabase } from './postgres-db.ts';

const root = mkdtempSync(join(tmpdir(), 'safetrail-pgbackup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// The cluster's own version's tools: Debian's /usr/bin wrappers pick one by cluster config.
const bin = (name: string) => {
  const dir = postgresBin();
  return dir ? join(dir, name) : name;
};

describe('PostgreSQL backup and restore', () => {
  it('dumps during uploads, restores into an empty database, and serves it', async () => {
    const source = await createWholeDatabase();
    const target = await createWholeDatabase();
    try {
      const live = await startTestServer('none', { databaseUrl: source.url });
      const school = await setupSchool(live);
      const tablet = await enrolTablet(live, school);
      const before = await fill(live, school, tablet, 40);
      // Three records erased (retention) before the backup stay erased after the restore.
      const erased = new Set([...before.keys()].filter((_, i) => i % 15 === 3));
      expect(await eraseSome(live, school, [...erased])).toEqual({ erased: 3, index: 1 });
      const file = join(root, 'hub.pgdump');
      const env = { DATABASE_URL: source.url, PG_DUMP: bin('pg_dump') };
      const [backup] = await Promise.all([runBackupCli(env, file), fill(live, school, tablet, 40)]);
      expect(backup.code, backup.out).toBe(0);
      expect(backup.out).toContain('Backed up the PostgreSQL database');
      await live.close();

      execFileSync(bin('pg_restore'), ['--no-owner', '--dbname', target.url, file]);
      const restored = await startServer({
        ...{ host: '127.0.0.1', port: 0, dataDir: join(root, 'unused'), distDir: root },
        databaseUrl: target.url,
      });
      try {
        expect(restored.store.kind).toBe('postgres');
        await expectRestored(restored, school, tablet, before, erased);
      } finally {
        await restored.close();
      }
    } finally {
      await source.drop();
      await target.drop();
    }
  });
});
