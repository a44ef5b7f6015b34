import { describe, expect, it, vi } from 'vitest';
import { canonicalJson } from '../../src/crypto/canonical-json.ts';
import { getDraft, putDraft } from '../../src/storage/draft-repo.ts';
import { StorageFullError } from '../../src/storage/errors.ts';
import { queueSealed } from '../../src/storage/outbox-queue.ts';
import {
  createOutboxStore,
  listProblems,
  listRecent,
  outboxSummary,
} from '../../src/storage/outbox-repo.ts';
import type { DraftRecord, OutboxRecord } from '../../src/storage/records.ts';
import type { Receipt } from '../../src/sync/receipt.ts';
import { fakeEnvelope, outboxRecordFor } from '../unit/sync/fixtures.ts';
import { sealedBlob, useTestDb } from './support.ts';

const db = useTestDb();

const draft = (id: string): DraftRecord => ({
  id,
  profileId: 'p1',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  wrappedKey: sealedBlob(),
  data: sealedBlob(),
});

const receiptFor = (
  r: OutboxRecord,
  logIndex: number,
  receivedAt = '2025-02-01T10:00:00.000Z',
): Receipt => ({
  v: 1,
  school: r.school,
  id: r.id,
  envelopeHash: r.hash,
  logIndex,
  chainHead: `head${logIndex}`,
  receivedAt,
  sig: 'unchecked-here',
});

describe('queueSealed', () => {
  it('queues the envelope and destroys its draft together', async () => {
    await putDraft(db(), draft('d1'));
    const record = await outboxRecordFor(fakeEnvelope({ seq: 1 }));
    await queueSealed(db(), record, 'd1');
    expect(await getDraft(db(), 'd1')).toBeUndefined();
    expect(await createOutboxStore(db()).countPending()).toBe(1);
  });

  it('is atomic: when the outbox add fails, the draft survives', async () => {
    const first = await outboxRecordFor(fakeEnvelope({ seq: 1 }));
    await queueSealed(db(), first);
    await putDraft(db(), draft('d2'));
    // Same id, so the add fails inside the transaction after the draft delete is queued.
    const clash = await outboxRecordFor(fakeEnvelope({ id: first.id, seq: 1 }));
    await expect(queueSealed(db(), clash, 'd2')).rejects.toThrow();
    expect(await getDraft(db(), 'd2')).toBeDefined();
    expect((await listRecent(db(), 10)).map((i) => i.id)).toEqual([first.id]);
  });

  it('is atomic the other way too: when the draft delete fails, nothing is queued', async () => {
    await putDraft(db(), draft('d5'));
    const record = await outboxRecordFor(fakeEnvelope({ seq: 1 }));
    const del = vi.spyOn(db().drafts, 'delete').mockRejectedValue(new Error('disk trouble'));
    await expect(queueSealed(db(), record, 'd5')).rejects.toThrow('disk trouble');
    del.mockRestore();
    expect(await getDraft(db(), 'd5')).toBeDefined();
    expect(await createOutboxStore(db()).countPending()).toBe(0);
    expect(await listRecent(db(), 10)).toEqual([]);
  });

  it('reports a full disk in plain words and keeps the draft', async () => {
    await putDraft(db(), draft('d3'));
    const record = await outboxRecordFor(fakeEnvelope({ seq: 1 }));
    const add = vi
      .spyOn(db().outbox, 'add')
      .mockRejectedValue(new DOMException('quota', 'QuotaExceededError'));
    const error = await queueSealed(db(), record, 'd3').catch((e: unknown) => e);
    add.mockRestore();
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/^This device's storage is full: .*nothing was lost/);
    expect(await getDraft(db(), 'd3')).toBeDefined();
    expect(await createOutboxStore(db()).countPending()).toBe(0);
  });

  it.each([
    [
      'plaintext JSON instead of an envelope',
      async (r: OutboxRecord) => ({ ...r, envelope: '{"what":"a child said"}' }),
    ],
    [
      'an envelope that is not canonical JSON',
      async (r: OutboxRecord) => ({
        ...r,
        envelope: JSON.stringify(JSON.parse(r.envelope), null, 1),
      }),
    ],
    [
      'a hash that is not the envelope’s',
      async (r: OutboxRecord) => ({ ...r, hash: 'A'.repeat(43) }),
    ],
    ['a header that does not match the row', async (r: OutboxRecord) => ({ ...r, seq: r.seq + 1 })],
    [
      'a reference that could carry a name',
      async (r: OutboxRecord) => ({ ...r, reference: 'Jamie Smith' }),
    ],
    [
      'a row that is not freshly sealed',
      async (r: OutboxRecord) => ({ ...r, state: 'uploading' as const }),
    ],
  ])('refuses %s', async (_name, spoil) => {
    await putDraft(db(), draft('d4'));
    const bad = await spoil(await outboxRecordFor(fakeEnvelope({ seq: 1 })));
    await expect(queueSealed(db(), bad, 'd4')).rejects.toThrow(/Refusing to store/);
    expect(await getDraft(db(), 'd4')).toBeDefined();
    expect(await listRecent(db(), 10)).toEqual([]);
  });

  it('stores exactly the canonical string it was given', async () => {
    const env = fakeEnvelope({ seq: 4 });
    await queueSealed(db(), await outboxRecordFor(env));
    const [due] = await createOutboxStore(db()).listDue(Date.now(), 10);
    expect(due?.envelope).toBe(canonicalJson(env));
  });
});

describe('outbox summary and the "sent and waiting" list', () => {
  async function seed() {
    const store = createOutboxStore(db());
    const records: OutboxRecord[] = [];
    for (let seq = 1; seq <= 5; seq++) {
      const r = await outboxRecordFor(fakeEnvelope({ seq }), {
        createdAt: `2025-01-0${seq}T00:00:00.000Z`,
      });
      await queueSealed(db(), r);
      records.push(r);
    }
    const [r1, r2, r3, r4] = records as [OutboxRecord, OutboxRecord, OutboxRecord, OutboxRecord];
    await store.acknowledge(r1.id, receiptFor(r1, 1, '2025-02-01T10:00:00.000Z'), 0);
    await store.acknowledge(r2.id, receiptFor(r2, 2, '2025-02-02T10:00:00.000Z'), 0);
    await store.quarantine(r3.id, 'A different record already has this id.');
    await store.reject(r4.id, 'Signature does not match.');
    await store.retryLater([records[4]!.id], 'Cannot reach the school endpoint.', 99);
    return records;
  }

  it('counts queued, problem and delivered items', async () => {
    await seed();
    expect(await outboxSummary(db())).toEqual({
      queued: 1,
      quarantined: 1,
      rejected: 1,
      deliveredCount: 2,
      lastDeliveredAt: '2025-02-02T10:00:00.000Z',
    });
  });

  it('is empty on a new device', async () => {
    expect(await outboxSummary(db())).toEqual({
      queued: 0,
      quarantined: 0,
      rejected: 0,
      deliveredCount: 0,
      lastDeliveredAt: null,
    });
    expect(await listRecent(db(), 5)).toEqual([]);
  });

  it('merges waiting and delivered items, newest first, up to the limit', async () => {
    const r = await seed();
    expect(await listRecent(db(), 10)).toEqual([
      {
        id: r[4]!.id,
        reference: r[4]!.reference,
        createdAt: r[4]!.createdAt,
        status: 'queued',
        lastError: 'Cannot reach the school endpoint.',
      },
      {
        id: r[3]!.id,
        reference: r[3]!.reference,
        createdAt: r[3]!.createdAt,
        status: 'rejected',
        lastError: 'Signature does not match.',
      },
      {
        id: r[2]!.id,
        reference: r[2]!.reference,
        createdAt: r[2]!.createdAt,
        status: 'quarantined',
        lastError: 'A different record already has this id.',
      },
      {
        id: r[1]!.id,
        reference: r[1]!.reference,
        createdAt: r[1]!.createdAt,
        status: 'delivered',
        deliveredAt: '2025-02-02T10:00:00.000Z',
      },
      {
        id: r[0]!.id,
        reference: r[0]!.reference,
        createdAt: r[0]!.createdAt,
        status: 'delivered',
        deliveredAt: '2025-02-01T10:00:00.000Z',
      },
    ]);
    expect((await listRecent(db(), 2)).map((i) => i.status)).toEqual(['queued', 'rejected']);
  });

  it('lists every item that needs a person, however old', async () => {
    const r = await seed();
    expect((await listProblems(db())).map((i) => [i.id, i.status])).toEqual([
      [r[3]!.id, 'rejected'],
      [r[2]!.id, 'quarantined'],
    ]);
  });
});
