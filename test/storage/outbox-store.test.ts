import { beforeAll, describe, expect, it } from 'vitest';
import {
  exportPublicJwk,
  generateSigningKeyPair,
  type PublicJwk,
} from '../../src/crypto/signing.ts';
import { deleteProfile } from '../../src/storage/profile-repo.ts';
import { queueSealed } from '../../src/storage/outbox-queue.ts';
import { createOutboxStore, listRecent } from '../../src/storage/outbox-repo.ts';
import type { OutboxRecord } from '../../src/storage/records.ts';
import { runUpload } from '../../src/sync/engine.ts';
import type { Receipt } from '../../src/sync/receipt.ts';
import { createFakeEndpoint } from '../unit/sync/fake-endpoint.ts';
import { fakeEnvelope, outboxRecordFor, SCHOOL } from '../unit/sync/fixtures.ts';
import { useTestDb } from './support.ts';

const db = useTestDb();
let receiptKeys: CryptoKeyPair;
let receiptJwk: PublicJwk;

beforeAll(async () => {
  receiptKeys = await generateSigningKeyPair(false);
  receiptJwk = await exportPublicJwk(receiptKeys.publicKey);
});

const receiptFor = (r: OutboxRecord, logIndex = 1): Receipt => ({
  v: 1,
  school: r.school,
  id: r.id,
  envelopeHash: r.hash,
  logIndex,
  chainHead: 'head',
  receivedAt: '2025-02-01T10:00:00.000Z',
  sig: 's',
});

async function queue(
  count: number,
  overrides: (seq: number) => Partial<OutboxRecord> = () => ({}),
) {
  const records: OutboxRecord[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const r = await outboxRecordFor(fakeEnvelope({ seq }), overrides(seq));
    await queueSealed(db(), r);
    records.push(r);
  }
  return records;
}

async function rowsById() {
  return new Map((await db().outbox.toArray()).map((r) => [r.id, r]));
}

describe('the Dexie outbox store', () => {
  it('lists due items in seq order, skipping ones not yet due and up to the limit', async () => {
    // Queued out of order, with one backing off until t=500.
    const envs = [3, 1, 4, 2].map((seq) => fakeEnvelope({ seq }));
    for (const env of envs)
      await queueSealed(
        db(),
        await outboxRecordFor(env, { nextAttemptAt: env.seq === 4 ? 500 : 0 }),
      );
    const store = createOutboxStore(db());
    expect((await store.listDue(100, 10)).map((i) => i.seq)).toEqual([1, 2, 3]);
    expect((await store.listDue(100, 2)).map((i) => i.seq)).toEqual([1, 2]);
    expect((await store.listDue(500, 10)).map((i) => i.seq)).toEqual([1, 2, 3, 4]);
  });

  it('counts attempts, and an item left uploading by a crash is due again after a reopen', async () => {
    const [r1] = await queue(2);
    await createOutboxStore(db()).markUploading([r1!.id], 42);
    expect((await rowsById()).get(r1!.id)).toMatchObject({
      state: 'uploading',
      attempts: 1,
      lastAttemptAt: 42,
    });
    db().close({ disableAutoOpen: false });
    const reopened = createOutboxStore(db());
    expect((await reopened.listDue(43, 10)).map((i) => [i.seq, i.attempts])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(await reopened.countPending()).toBe(2);
  });

  it('acknowledge deletes the row and leaves a tombstone with the receipt’s proof', async () => {
    const [r1, r2] = await queue(2);
    const store = createOutboxStore(db());
    await store.acknowledge(r1!.id, receiptFor(r1!, 7), 1000);
    expect((await rowsById()).has(r1!.id)).toBe(false);
    expect(await db().tombstones.get(r1!.id)).toEqual({
      id: r1!.id,
      seq: 1,
      kind: 'incident.created',
      reference: r1!.reference,
      createdAt: r1!.createdAt,
      deliveredAt: '2025-02-01T10:00:00.000Z',
      logIndex: 7,
      envelopeHash: r1!.hash,
      chainHead: 'head',
    });
    await store.acknowledge(r1!.id, receiptFor(r1!, 7), 2000); // already gone: no-op
    expect(await db().tombstones.count()).toBe(1);
    expect(await store.countPending()).toBe(1);
    expect((await rowsById()).has(r2!.id)).toBe(true);
  });

  it('refuses to delete on a receipt for other bytes', async () => {
    const [r1] = await queue(1);
    const wrong = { ...receiptFor(r1!), envelopeHash: 'B'.repeat(43) };
    await expect(createOutboxStore(db()).acknowledge(r1!.id, wrong, 0)).rejects.toThrow(/kept/);
    expect((await rowsById()).get(r1!.id)?.state).toBe('sealed');
    expect(await db().tombstones.count()).toBe(0);
  });

  it('retryLater puts items back to sealed with the error and the next time', async () => {
    const [r1] = await queue(1);
    const store = createOutboxStore(db());
    await store.markUploading([r1!.id], 1);
    await store.retryLater([r1!.id, 'no-such-id'], 'Cannot reach the school endpoint.', 5000);
    expect((await rowsById()).get(r1!.id)).toMatchObject({
      state: 'sealed',
      nextAttemptAt: 5000,
      lastError: 'Cannot reach the school endpoint.',
    });
    expect(await db().outbox.count()).toBe(1); // the unknown id was not created
    expect(await store.listDue(4999, 10)).toEqual([]);
  });

  it('never deletes or revives quarantined and rejected items, whatever is called', async () => {
    const [q, x, ok] = await queue(3);
    const store = createOutboxStore(db());
    await store.quarantine(q!.id, 'conflict');
    await store.reject(x!.id, 'refused');
    const frozen = await rowsById();

    await store.acknowledge(q!.id, receiptFor(q!), 0);
    await store.acknowledge(x!.id, receiptFor(x!), 0);
    await store.markUploading([q!.id, x!.id], 0);
    await store.retryLater([q!.id, x!.id], 'later', 0);
    await store.quarantine(x!.id, 'now a conflict?');
    await store.reject(q!.id, 'now refused?');
    await deleteProfile(db(), 'p1');
    // An endpoint that would happily accept them: the engine must not even send them.
    const server = createFakeEndpoint(SCHOOL, receiptKeys.privateKey);
    const report = await runUpload({
      store,
      transport: { upload: (e) => server.handle(`{"envelopes":[${e.join(',')}]}`) },
      receiptKey: receiptJwk,
      school: SCHOOL,
      now: () => 10 ** 13,
    });

    expect(report).toMatchObject({ delivered: 1, remaining: 0 });
    expect(server.log).toEqual([ok!.id]);
    const after = await rowsById();
    expect(after.get(q!.id)).toEqual(frozen.get(q!.id));
    expect(after.get(x!.id)).toEqual(frozen.get(x!.id));
    expect(after.get(q!.id)?.state).toBe('quarantined');
    expect(after.get(x!.id)?.state).toBe('rejected');
    expect((await listRecent(db(), 10)).map((i) => i.status).sort()).toEqual([
      'delivered',
      'quarantined',
      'rejected',
    ]);
  });
});
