/** The store contract (store-contract.ts) against SQLite, in a fresh data folder per test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/server/store/sqlite-store.ts';
import { describeStore } from './store-contract.ts';

describeStore('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safetrail-store-'));
  return {
    open: async () => new SqliteStore(dir),
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
