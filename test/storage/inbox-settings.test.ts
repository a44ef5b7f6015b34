import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/crypto/canonical-json.ts';
import { addPulled, inboxCursor, listInbox } from '../../src/storage/inbox-repo.ts';
import { createSettingsStore } from '../../src/storage/settings.ts';
import type { PulledEnvelope } from '../../src/sync/protocol.ts';
import { fakeEnvelope } from '../unit/sync/fixtures.ts';
import { uniqueName, useTestDb } from './support.ts';

const db = useTestDb();

const pulled = (logIndex: number, seq = logIndex): PulledEnvelope => ({
  logIndex,
  receivedAt: `2025-01-0${logIndex}T00:00:00.000Z`,
  envelope: fakeEnvelope({ seq }),
});

describe('inbox', () => {
  it('starts with cursor 0 and advances to the highest log index held', async () => {
    expect(await inboxCursor(db())).toBe(0);
    expect(await addPulled(db(), [pulled(2), pulled(1), pulled(3)])).toBe(3);
    expect(await inboxCursor(db())).toBe(3);
    const rows = await listInbox(db());
    expect(rows.map((r) => r.logIndex)).toEqual([1, 2, 3]);
  });

  it('is idempotent: a page pulled twice (or overlapping pages) adds nothing twice', async () => {
    const page = [pulled(1), pulled(2)];
    expect(await addPulled(db(), page)).toBe(2);
    expect(await addPulled(db(), page)).toBe(0);
    expect(await addPulled(db(), [page[1]!, pulled(3)])).toBe(1);
    // The same envelope id under another log index is not stored twice either.
    expect(await addPulled(db(), [{ ...page[0]!, logIndex: 9 }])).toBe(0);
    expect((await listInbox(db())).map((r) => r.logIndex)).toEqual([1, 2, 3]);
  });

  it('does not store one envelope twice even within one page', async () => {
    const p = pulled(1);
    expect(await addPulled(db(), [p, { ...p, logIndex: 2 }])).toBe(1);
    expect(await listInbox(db())).toHaveLength(1);
  });

  it('keeps the envelope as the canonical JSON the endpoint hashed', async () => {
    const p = pulled(1);
    await addPulled(db(), [p]);
    const [row] = await listInbox(db());
    expect(row).toEqual({
      logIndex: 1,
      id: p.envelope.id,
      receivedAt: p.receivedAt,
      envelope: canonicalJson(p.envelope),
    });
  });
});

describe('settings', () => {
  it('round-trips the known settings and refuses anything else', async () => {
    const name = uniqueName();
    const settings = createSettingsStore(name);
    expect(await settings.get('lastSyncAt')).toBeUndefined();
    await settings.set('lastSyncAt', '2025-01-01T00:00:00.000Z');
    await settings.set('lastSyncError', null);
    expect(await settings.get('lastSyncAt')).toBe('2025-01-01T00:00:00.000Z');
    expect(await settings.get('lastSyncError')).toBeNull();
    await settings.remove('lastSyncAt');
    expect(await settings.get('lastSyncAt')).toBeUndefined();
    await expect(settings.set('draftText' as never, 'a child said' as never)).rejects.toThrow(
      /Unknown setting/,
    );
    await expect(settings.set('lastSyncError', { text: 'x' } as never)).rejects.toThrow(
      /plain value/,
    );
    await settings.close();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
  });
});
