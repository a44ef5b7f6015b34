/**
 * One upload is appended in one transaction (log-append.ts). These check that each item's
 * outcome is still what appending them one by one would give: an id or a ciphertext
 * repeated inside the upload, refusals between stored items, concurrent uploads, and
 * another writer appending between the lookup and the write (the plan is made again).
 */
import { canonicalJson } from '../../src/crypto/canonical-json.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsigned, type Envelope } from '../../src/crypto/envelope.ts';
import { exportPrivateJwk, generateSigningKeyPair, signObject } from '../../src/crypto/signing.ts';
import { ulid } from '../../src/domain/ulid.ts';
import { verifyChain } from '../../src/server/chain.ts';
import type { EndpointContext } from '../../src/server/context.ts';
import { ctHash } from '../../src/server/ct-hash.ts';
import { appendEnvelopes, lookAhead, type Accepted } from '../../src/server/log-append.ts';
import { sha256Text, textSigner } from '../../src/server/node-crypto.ts';
import { SerialLock } from '../../src/server/serial-lock.ts';
import { SqliteStore } from '../../src/server/store/sqlite-store.ts';
import type { UploadItemResult } from '../../src/sync/protocol.ts';
import { fakeEnvelope } from '../unit/sync/fixtures.ts';
import { uploadAs, withEnrolledSchool, type EnrolledSchool } from './enrolled-school.ts';
import { enrolTablet, seal } from './helpers.ts';
import { addSchool, appendMany } from './store-fixtures.ts';

let { server, school, tablet } = {} as EnrolledSchool;
withEnrolledSchool((env) => ({ server, school, tablet } = env));

const upload = (envelopes: unknown[], device = tablet) => uploadAs(server, device, envelopes);

/** The tablet re-signs a changed copy of `e`, as only it can. */
async function resigned(e: Envelope, changes: Partial<Envelope>): Promise<Envelope> {
  const body = unsigned({ ...e, ...changes });
  return { ...body, sig: await signObject(tablet.keys.privateKey, body) } as Envelope;
}

const logIndex = (r: UploadItemResult | undefined) =>
  r && 'receipt' in r ? r.receipt.logIndex : null;

describe('one upload, one append', () => {
  it('answers an id sent twice in one upload as stored, then a duplicate with the same receipt', async () => {
    const e = await seal(school, tablet);
    const [first, second] = await upload([e, e]);
    expect(first?.status).toBe('stored');
    expect(second).toEqual({ ...first, status: 'duplicate' });
  });

  it('answers different bytes under an id earlier in the upload as a conflict', async () => {
    const e = await seal(school, tablet);
    const other = await resigned(e, { seq: e.seq + 1000 });
    const results = await upload([e, other]);
    expect(results.map((r) => r.status)).toEqual(['stored', 'conflict']);
    const [again] = await upload([e]);
    expect(again).toEqual({ ...results[0], status: 'duplicate' });
  });

  it('refuses a ciphertext repeated under a new id in the same upload as a replay', async () => {
    const e = await seal(school, tablet);
    const replay = await resigned(e, { id: ulid() });
    const results = await upload([e, replay]);
    expect(results.map((r) => ('error' in r ? r.error : r.status))).toEqual([
      'stored',
      'replayed-envelope',
    ]);
  });

  it('keeps request order and consecutive indexes around refusals and duplicates', async () => {
    const known = await seal(school, tablet);
    const [stored] = await upload([known]);
    const tail = logIndex(stored)!;
    const a = await seal(school, tablet);
    const b = await seal(school, tablet);
    const tampered = { ...(await seal(school, tablet)), seq: 1 };
    const results = await upload([{ nonsense: true }, a, known, tampered, b]);
    expect(results.map((r) => r.status)).toEqual([
      'rejected',
      'stored',
      'duplicate',
      'rejected',
      'stored',
    ]);
    expect(results.map(logIndex)).toEqual([null, tail + 1, tail, null, tail + 2]);
    expect((await verifyChain(server.store, school.id)).ok).toBe(true);
  });

  it('keeps the chain whole when uploads from several tablets arrive at once', async () => {
    const tablets = [tablet, await enrolTablet(server, school, 'Tablet 2')];
    const before = (await server.store.logTail(school.id))!.index;
    const uploads = [];
    for (let i = 0; i < 6; i++) {
      const from = tablets[i % 2]!;
      const batch = [];
      for (let j = 0; j < 10; j++) batch.push(await seal(school, from));
      uploads.push(upload(batch, from));
    }
    const results = (await Promise.all(uploads)).flat();
    expect(results.every((r) => r.status === 'stored')).toBe(true);
    const indexes = results.map(logIndex).sort((x, y) => x! - y!);
    expect(indexes).toEqual(Array.from({ length: 60 }, (_, i) => before + 1 + i));
    expect((await verifyChain(server.store, school.id)).ok).toBe(true);
  });
});

/** A store of its own in a temporary folder, with one school, for `use`. */
async function withStore(use: (store: SqliteStore, school: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'safetrail-batch-'));
  const store = new SqliteStore(dir);
  try {
    await use(store, (await addSchool(store)).school.id);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What appendEnvelopes needs of an endpoint, on `store`. */
async function appendContext(store: SqliteStore): Promise<EndpointContext> {
  const keys = await generateSigningKeyPair(true);
  return {
    store,
    receiptKey: { sign: textSigner(await exportPrivateJwk(keys.privateKey)) },
    now: () => Date.parse('2026-03-01T09:00:00Z'),
    appendLock: new SerialLock(),
  } as unknown as EndpointContext;
}

/** Envelopes that passed every check but the log's. */
function accepted(school: string, seqs: number[]): Accepted[] {
  return seqs.map((seq) => {
    const envelope = fakeEnvelope({ seq, school });
    const body = canonicalJson(envelope);
    return { envelope, body, hash: sha256Text(body), ctHash: ctHash(envelope.ct) };
  });
}

/** The store, counting its log lookups and appends. */
function counted(store: SqliteStore) {
  const calls = { lookups: 0, appends: 0 };
  const counting = Object.create(store) as SqliteStore;
  counting.lookupLog = (...args) => (calls.lookups++, store.lookupLog(...args));
  counting.appendLogBatch = (entries) => (calls.appends++, store.appendLogBatch(entries));
  return { counting, calls };
}

describe('another writer between the lookup and the append', () => {
  it('plans the upload again on the moved tail, and its receipts match the log', async () => {
    await withStore(async (store, s) => {
      let interfered = 0;
      // Another process appends once, just before this upload's first write.
      const racing = Object.create(store) as SqliteStore;
      racing.appendLogBatch = async (entries) => {
        if (interfered++ === 0) await appendMany(store, s, 2);
        return store.appendLogBatch(entries);
      };
      const ctx = { ...(await appendContext(store)), store: racing };
      const results = await appendEnvelopes(ctx, s, accepted(s, [1, 2, 3]));
      expect(interfered).toBe(2);
      expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
      const log = await store.readLog(s, 0, 100);
      expect(log.map((e) => e.index)).toEqual([1, 2, 3, 4, 5]);
      for (const r of results) {
        const receipt = 'receipt' in r ? r.receipt : null;
        const entry = log.find((e) => e.id === receipt?.id);
        expect([entry?.index, entry?.head]).toEqual([receipt?.logIndex, receipt?.chainHead]);
      }
    });
  });
});

describe('the log looked up while the signatures are checked', () => {
  it('is used for the append when nothing was appended since: one lookup, one write', async () => {
    await withStore(async (store, s) => {
      const { counting, calls } = counted(store);
      const ctx = { ...(await appendContext(store)), store: counting };
      const items = accepted(s, [1, 2]);
      const early = lookAhead(ctx, s, items);
      const results = await appendEnvelopes(ctx, s, items, early);
      expect(results.map((r) => r.status)).toEqual(['stored', 'stored']);
      expect(calls).toEqual({ lookups: 1, appends: 1 });
    });
  });

  it('is looked up again when another upload appended in the meantime, so no write is wasted', async () => {
    await withStore(async (store, s) => {
      const { counting, calls } = counted(store);
      const ctx = { ...(await appendContext(store)), store: counting };
      const items = accepted(s, [1, 2]);
      const early = lookAhead(ctx, s, items);
      await appendEnvelopes(ctx, s, accepted(s, [3]));
      const results = await appendEnvelopes(ctx, s, items, early);
      expect(results.map((r) => ('receipt' in r ? r.receipt.logIndex : r.status))).toEqual([2, 3]);
      // A stale reading would have cost a refused write and a third lookup.
      expect(calls).toEqual({ lookups: 3, appends: 2 });
      expect((await verifyChain(store, s)).ok).toBe(true);
    });
  });

  it('is not asked for while another append is waiting or running', async () => {
    await withStore(async (store, s) => {
      const ctx = await appendContext(store);
      const running = appendEnvelopes(ctx, s, accepted(s, [1]));
      expect(lookAhead(ctx, s, accepted(s, [2]))).toBeNull();
      await running;
      expect(lookAhead(ctx, s, accepted(s, [2]))).not.toBeNull();
    });
  });
});
