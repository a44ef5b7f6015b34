/**
 * Upgrading to schema 5 (several schools per endpoint): an endpoint that was started but not
 * yet set up keeps the set-up code it printed (it moves from meta to setup_codes), so the
 * code an operator already copied still works after the upgrade.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/start.ts';
import { migrate } from '../../src/server/store/sqlite-schema.ts';
import { SQLITE_FILE } from '../../src/server/store/sqlite-store.ts';
import { setupSchool } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'safetrail-migrate-hub-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('schema 5', () => {
  it('keeps the set-up code of an endpoint not yet set up, and it still sets the school up', async () => {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const db = new Database(join(dataDir, SQLITE_FILE));
    migrate(db, 4);
    db.prepare("INSERT INTO meta (key, value) VALUES ('setup_code', 'HJKM-NPQR-STUV')").run();
    db.close();
    const server = await startServer({ host: '127.0.0.1', port: 0, dataDir, distDir: root });
    try {
      expect(server.setupCodes).toEqual(['HJKM-NPQR-STUV']);
      const school = await setupSchool(server);
      expect((await server.store.getSchool(school.id))?.name).toBe(school.name);
      expect(await server.store.pendingSetupCodes()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
