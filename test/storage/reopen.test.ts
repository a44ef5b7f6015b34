/**
 * A connection the browser closes under a running operation (fake-indexeddb's forced close,
 * the spec's "close a database connection" with the forced flag): the operation caught
 * half-way runs again on a fresh connection, once; a full disk is never retried. The real
 * browser's version of this is in test/e2e/faults-storage.test.ts.
 */
import { forceCloseDatabase } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { SafetrailDb } from '../../src/storage/db.ts';
import { getDraft, putDraft } from '../../src/storage/draft-repo.ts';
import { StorageFullError } from '../../src/storage/errors.ts';
import { isConnectionLoss, retryOnConnectionLoss } from '../../src/storage/reopen.ts';
import type { DraftRecord } from '../../src/storage/records.ts';
import { sealedBlob, uniqueName, useTestDb } from './support.ts';

const testDb = useTestDb();

const draft = (id: string, updatedAt = '2025-01-01T00:00:00.000Z'): DraftRecord => ({
  id,
  profileId: 'p1',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt,
  wrappedKey: sealedBlob(),
  data: sealedBlob(),
});

/**
 * Lets a test have the browser close the connection just as the app starts a transaction
 * on a table: the transaction is aborted and the connection closed with the forced flag
 * (the spec's steps; fake-indexeddb's forced close alone waits for running transactions).
 * Dexie binds `transaction` when it opens, so this goes in before the database opens.
 */
function interruptibleConnections() {
  const original = IDBDatabase.prototype.transaction;
  let armed: { store: string; done: () => void } | null = null;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) {
    const tx = original.apply(this, args);
    const hit = armed;
    if (hit && [args[0]].flat().includes(hit.store)) {
      armed = null;
      // After the app has made its requests, before the database runs them.
      queueMicrotask(() => {
        tx.abort();
        forceCloseDatabase(this as never);
        hit.done();
      });
    }
    return tx;
  };
  return {
    /** Resolves once the next transaction on `store` has been cut off. */
    loseDuringNext: (store: string) => new Promise<void>((done) => (armed = { store, done })),
    restore: () => void (IDBDatabase.prototype.transaction = original),
  };
}

describe('an operation caught by a lost connection', () => {
  it('writes again on a fresh connection', async () => {
    const connections = interruptibleConnections();
    const db = new SafetrailDb(uniqueName());
    try {
      await putDraft(db, draft('d1'));
      const lost = connections.loseDuringNext('drafts');
      const newer = draft('d1', '2025-03-01T00:00:00.000Z');
      await putDraft(db, newer);
      await lost;
      expect(await getDraft(db, 'd1')).toEqual(newer);
    } finally {
      connections.restore();
      await db.delete();
    }
  });

  it('reads again on a fresh connection', async () => {
    const connections = interruptibleConnections();
    const db = new SafetrailDb(uniqueName());
    try {
      await putDraft(db, draft('d1'));
      const lost = connections.loseDuringNext('drafts');
      expect((await getDraft(db, 'd1'))?.id).toBe('d1');
      await lost;
      expect(db.isOpen()).toBe(true);
    } finally {
      connections.restore();
      await db.delete();
    }
  });

  it('says a full disk is full, without trying again', async () => {
    const db = testDb();
    const put = vi
      .spyOn(db.drafts, 'put')
      .mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    await expect(putDraft(db, draft('d1'))).rejects.toBeInstanceOf(StorageFullError);
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('runs once inside an enclosing transaction, which only its owner can start again', async () => {
    const db = testDb();
    const lost = vi.fn(() => Promise.reject(new DOMException('gone', 'InvalidStateError')));
    await expect(
      db.transaction('rw', db.drafts, () => retryOnConnectionLoss(lost)),
    ).rejects.toThrow();
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('gives up after two more tries', async () => {
    const lost = vi.fn(() => Promise.reject(new DOMException('gone', 'UnknownError')));
    await expect(retryOnConnectionLoss(lost)).rejects.toThrow('gone');
    expect(lost).toHaveBeenCalledTimes(3);
  });

  it.each([
    [{ name: 'DatabaseClosedError' }, true],
    [{ name: 'InvalidStateError' }, true],
    [{ name: 'UnknownError' }, true],
    [{ name: 'AbortError' }, true],
    [{ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, false],
    [{ name: 'QuotaExceededError' }, false],
    [{ name: 'ConstraintError' }, false],
    [{ name: 'TypeError' }, false],
    [null, false],
  ])('treats %j as a lost connection: %s', (error, lost) => {
    expect(isConnectionLoss(error)).toBe(lost);
  });
});
