import { beforeAll, describe, expect, it, vi } from 'vitest';
import { canonicalJson } from '../../../src/crypto/canonical-json.ts';
import { runUpload, TransportError } from '../../../src/sync/engine.ts';
import type { UploadItemResult } from '../../../src/sync/protocol.ts';
import { depsFor, makeKeys, NOW, storeWith, type Keys } from './engine-kit.ts';
import { createFakeEndpoint } from './fake-endpoint.ts';
import { fakeEnvelope, SCHOOL } from './fixtures.ts';
import { honest, resign, tampering } from './transports.ts';

let keys: Keys;
beforeAll(async () => {
  keys = await makeKeys();
});
const deps = depsFor(() => keys);

describe('runUpload', () => {
  it('delivers everything, deleting each copy only with its verified receipt', async () => {
    const store = await storeWith(3);
    const server = createFakeEndpoint(SCHOOL, keys.receipt.privateKey);
    const report = await runUpload(deps(store, honest(server)));
    expect(report).toEqual({
      delivered: 3,
      quarantined: 0,
      rejected: 0,
      retried: 0,
      remaining: 0,
      error: null,
    });
    expect(store.rows.size).toBe(0);
    expect(server.log).toHaveLength(3);
    expect([...store.acknowledged.values()].map((r) => r.logIndex).sort()).toEqual([1, 2, 3]);
  });

  it.each([
    ['signed with the wrong key', (r: UploadItemResult) => resign(r, keys.wrong.privateKey)],
    [
      'for a different hash',
      (r: UploadItemResult) => resign(r, keys.receipt.privateKey, { envelopeHash: 'x'.repeat(43) }),
    ],
    [
      'for a different id',
      (r: UploadItemResult) =>
        resign(r, keys.receipt.privateKey, { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
    ],
    [
      'for a different school',
      (r: UploadItemResult) => resign(r, keys.receipt.privateKey, { school: 'other' }),
    ],
    [
      'with a corrupted signature',
      async (r: UploadItemResult) =>
        r.status === 'stored'
          ? {
              ...r,
              receipt: {
                ...r.receipt,
                sig: r.receipt.sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
              },
            }
          : r,
    ],
    [
      'missing altogether',
      async (r: UploadItemResult) => ({ id: r.id, status: 'stored' }) as UploadItemResult,
    ],
  ])('keeps the record when the receipt is %s, and retries it later', async (_name, rewrite) => {
    const store = await storeWith(2);
    const server = createFakeEndpoint(SCHOOL, keys.receipt.privateKey);
    const report = await runUpload(deps(store, tampering(server, rewrite)));
    expect(report.delivered).toBe(0);
    expect(report.retried).toBe(2);
    expect(report.remaining).toBe(2);
    expect(report.error).toMatch(/receipt could not be verified/);
    for (const row of store.rows.values()) {
      expect(row.state).toBe('sealed');
      expect(row.attempts).toBe(1);
      // attempt 1, random 0.5: 75% of 5 s
      expect(row.nextAttemptAt).toBe(NOW + 3750);
    }
    // The endpoint really has them; an honest answer later completes delivery.
    const later = await runUpload(deps(store, honest(server), { now: () => NOW + 10_000 }));
    expect(later.delivered).toBe(2);
    expect(store.rows.size).toBe(0);
    expect(server.log).toHaveLength(2);
  });

  it('quarantines a conflict and never deletes or resends it', async () => {
    const store = await storeWith(2);
    const server = createFakeEndpoint(SCHOOL, keys.receipt.privateKey);
    const first = [...store.rows.values()][0]!;
    await server.preload(fakeEnvelope({ id: first.id, seq: 1 })); // other bytes, same id
    const report = await runUpload(deps(store, honest(server)));
    expect(report).toMatchObject({ delivered: 1, quarantined: 1, remaining: 0 });
    expect(store.rows.get(first.id)).toMatchObject({
      state: 'quarantined',
      lastError: 'A different record already has this id.',
    });

    const upload = vi.fn(honest(server).upload);
    await runUpload(deps(store, { upload }, { now: () => NOW + 3_600_000 }));
    expect(upload).not.toHaveBeenCalled();
    expect(store.rows.get(first.id)?.state).toBe('quarantined');
  });

  it('keeps a rejected record as rejected, with the endpoint’s reason', async () => {
    const store = await storeWith(3, [2]);
    const server = createFakeEndpoint(SCHOOL, keys.receipt.privateKey);
    const report = await runUpload(deps(store, honest(server)));
    expect(report).toMatchObject({ delivered: 2, rejected: 1, remaining: 0 });
    const rejected = [...store.rows.values()];
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      seq: 2,
      state: 'rejected',
      lastError: 'The sending device’s signature does not match.',
    });
  });

  it('on a network failure retries the batch with backoff and stops', async () => {
    const store = await storeWith(5);
    const upload = vi.fn(async () => {
      throw new TransportError(
        'Cannot reach the school endpoint. Check the connection; nothing has been lost.',
        true,
      );
    });
    const report = await runUpload(deps(store, { upload }, { batchSize: 2 }));
    expect(upload).toHaveBeenCalledTimes(1);
    expect(report).toMatchObject({ delivered: 0, retried: 2, remaining: 5 });
    expect(report.error).toBe(
      'Cannot reach the school endpoint. Check the connection; nothing has been lost.',
    );
    const rows = [...store.rows.values()].sort((a, b) => a.seq - b.seq);
    expect(rows.map((r) => r.nextAttemptAt > NOW)).toEqual([true, true, false, false, false]);
  });

  it('treats an unexpected exception from the transport as a retryable failure', async () => {
    const store = await storeWith(1);
    const report = await runUpload(
      deps(store, {
        upload: async () => {
          throw new Error('boom: secret detail');
        },
      }),
    );
    expect(report.error).toMatch(/failed unexpectedly/);
    expect(report.error).not.toMatch(/secret detail/);
    expect(store.rows.size).toBe(1);
  });

  it('retries items the endpoint did not answer for, and ignores answers for ids it never sent', async () => {
    const store = await storeWith(3);
    const server = createFakeEndpoint(SCHOOL, keys.receipt.privateKey);
    const stranger = (
      await server.handle(`{"envelopes":[${canonicalJson(fakeEnvelope({ seq: 9 }))}]}`)
    )[0]!;
    const report = await runUpload(
      deps(store, {
        upload: async (e) => [...(await honest(server).upload(e)).slice(0, 1), stranger],
      }),
    );
    expect(report).toMatchObject({ delivered: 1, retried: 2, remaining: 2 });
    expect(report.error).toMatch(/did not confirm/);
  });
});
