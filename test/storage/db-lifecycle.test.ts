import { forceCloseDatabase } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { SafetrailDb } from '../../src/storage/db.ts';
import { getDraft, putDraft } from '../../src/storage/draft-repo.ts';
import type { DraftRecord } from '../../src/storage/records.ts';
import { sealedBlob, uniqueName } from './support.ts';

const draft: DraftRecord = {
  id: 'd1',
  profileId: 'p1',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  wrappedKey: sealedBlob(),
  data: sealedBlob(),
};

function openRaw(name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('SafetrailDb connection life', () => {
  it('creates every table with its indexes', async () => {
    const db = new SafetrailDb(uniqueName());
    await db.open();
    const schema = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        [t.schema.primKey.name, ...t.schema.indexes.map((i) => (i.unique ? '&' : '') + i.name)],
      ]),
    );
    expect(schema).toEqual({
      device: ['key'],
      profiles: ['id'],
      drafts: ['id', 'profileId', 'updatedAt'],
      outbox: ['id', 'state', 'seq', 'nextAttemptAt', '[state+reference]'],
      tombstones: ['id', 'deliveredAt', 'reference'],
      vault: ['key'],
      inbox: ['logIndex', '&id'],
      evidence: ['[evidenceId+index]', 'draftId'],
      rosters: ['id', 'profileId'],
    });
    await db.delete();
  });

  it('closes when a newer version opens elsewhere, so that upgrade is not blocked, and tells the app', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = uniqueName();
    const onVersionChange = vi.fn();
    const db = new SafetrailDb(name, { onVersionChange });
    await putDraft(db, draft);
    const current = db.backendDB().version;

    const newer = await openRaw(name, current + 1); // resolves only if we let go
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(db.isOpen()).toBe(false);
    newer.close();
    await db.delete();
    vi.restoreAllMocks();
  });

  it('reports that its own upgrade is blocked by an old connection, then completes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = uniqueName();
    const old = await openRaw(name, 1); // an "old tab" that ignores versionchange
    const onBlocked = vi.fn();
    const db = new SafetrailDb(name, { onBlocked });
    const opening = db.open();
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled());
    old.close();
    await opening;
    await putDraft(db, draft);
    expect(await getDraft(db, 'd1')).toBeDefined();
    await db.delete();
    vi.restoreAllMocks();
  });

  it('reopens by itself after the browser drops the connection', async () => {
    const db = new SafetrailDb(uniqueName());
    await putDraft(db, draft);
    forceCloseDatabase(db.backendDB() as never);
    await vi.waitFor(() => expect(db.isOpen()).toBe(false));
    expect(await getDraft(db, 'd1')).toEqual(draft);
    expect(db.isOpen()).toBe(true);
    await db.delete();
  });
});
