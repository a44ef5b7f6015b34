/**
 * Retention erasure over HTTP, on a hub of two schools so "another school's ids" is real.
 * Run against both stores (erasure-sqlite.test.ts, erasure-postgres.test.ts). What must
 * hold: only an approved DSL device of the school erases; the pull stops returning the
 * erased envelopes and its cursor still moves past them; the chain still verifies and the
 * tablet's receipt still matches; the erased content can't be delivered again under a new
 * id; another school's ids are neither erased nor counted; erasing twice erases nothing
 * more; the erasure log is metadata only, read through the real API client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsigned, type Envelope } from '../../src/crypto/envelope.ts';
import { signObject } from '../../src/crypto/signing.ts';
import { ulid } from '../../src/domain/ulid.ts';
import { verifyChain } from '../../src/server/chain.ts';
import { createApiClient, type ApiClient } from '../../src/sync/api-client.ts';
import {
  API,
  MAX_ERASURE_IDS,
  type ErasureListResponse,
  type PullResponse,
  type UploadItemResult,
  type UploadResponse,
} from '../../src/sync/protocol.ts';
import { pullAll } from './backup-kit.ts';
import {
  enrolTablet,
  seal,
  setupSchool,
  signedFetch,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';
import { enrolDsl, errorOf } from './lifecycle-helpers.ts';

export function describeErasure(storeName: string, start: () => Promise<TestServer>): void {
  let server: TestServer;
  let a: TestSchool;
  let b: TestSchool;
  let tabletA: TestDevice;
  let tabletB: TestDevice;
  let dslA: ApiClient;
  /** Tablet A's four envelopes, in log order, and their upload results. */
  let sent: Envelope[];
  let results: UploadItemResult[];

  const upload = async (device: TestDevice, envelopes: Envelope[]) => {
    const res = await signedFetch(server, device, 'POST', API.envelopes, { envelopes });
    expect(res.status).toBe(200);
    return ((await res.json()) as UploadResponse).results;
  };
  const pullPage = async (dsl: TestDevice, query: string) => {
    const res = await signedFetch(server, dsl, 'GET', `${API.envelopes}${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as PullResponse;
  };
  const erase = (device: TestDevice, body: unknown) =>
    signedFetch(server, device, 'POST', API.erasures, body);

  beforeAll(async () => {
    server = await start();
    a = await setupSchool(server, server.setupCodes[0]);
    b = await setupSchool(server, server.setupCodes[1]);
    tabletA = await enrolTablet(server, a, 'Tablet A');
    tabletB = await enrolTablet(server, b, 'Tablet B');
    dslA = createApiClient({
      endpoint: server.url,
      device: { deviceId: a.dslDevice.id, signingKey: a.dslDevice.keys.privateKey },
    });
    sent = [];
    for (let i = 0; i < 4; i++) sent.push(await seal(a, tabletA, { note: `record ${i}` }));
    results = await upload(tabletA, sent);
    expect(results.every((r) => r.status === 'stored')).toBe(true);
  });
  afterAll(() => server.close());

  describe(`retention erasure on ${storeName}`, () => {
    it('is for approved DSL devices only; a tablet is told so in plain words', async () => {
      const res = await erase(tabletA, { ids: [sent[0]!.id] });
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: string; message: string };
      expect(body).toEqual({
        error: 'forbidden',
        message: 'Only a safeguarding lead’s device can do this.',
      });
      expect((await signedFetch(server, tabletA, 'GET', API.erasures)).status).toBe(403);
      const pending = await enrolDsl(server, a);
      expect(await errorOf(await erase(pending, { ids: [sent[0]!.id] }))).toEqual({
        status: 403,
        error: 'device-pending',
      });
      // Nothing was erased, and no erasure was logged.
      expect(await server.store.listErasures(a.id, 0, 10)).toEqual([]);
      expect((await pullPage(a.dslDevice, '?after=0')).envelopes).toHaveLength(4);
    });

    it.each([
      ['no ids', {}],
      ['an empty list', { ids: [] }],
      ['too many ids', { ids: Array.from({ length: MAX_ERASURE_IDS + 1 }, () => ulid()) }],
      ['an id that is not a record id', { ids: ['../etc/passwd'] }],
      ['ids that are not a list', { ids: 'all' }],
    ])('refuses an erasure with %s', async (_what, body) => {
      expect(await errorOf(await erase(a.dslDevice, body))).toEqual({
        status: 400,
        error: 'invalid-request',
      });
    });

    it('erases: pulls skip the bodies but move past them, and the chain still verifies', async () => {
      const ids = [sent[1]!.id, sent[3]!.id];
      expect(await dslA.erase(ids)).toEqual({ erased: 2, index: 1 });

      const page = await pullPage(a.dslDevice, '?after=0');
      expect(page.envelopes.map((e) => e.envelope.id)).toEqual([sent[0]!.id, sent[2]!.id]);
      expect(page.envelopes.every((e) => typeof e.envelope?.id === 'string')).toBe(true);
      expect([page.cursor, page.more]).toEqual([4, false]);
      // A page of nothing but an erased entry: empty, yet the cursor moves on.
      const gap = await pullPage(a.dslDevice, '?after=1&limit=1');
      expect(gap).toEqual({ envelopes: [], cursor: 2, more: true });
      expect(await pullPage(a.dslDevice, '?after=3')).toEqual({
        envelopes: [],
        cursor: 4,
        more: false,
      });

      const stored = await server.store.findLogEntry(a.id, ids[0]!);
      expect(stored).toMatchObject({ body: '', index: 2 });
      expect(stored!.erasedAt).not.toBeNull();
      expect(await verifyChain(server.store, a.id)).toMatchObject({ ok: true, length: 4 });
      expect((await verifyChain(server.store)).ok).toBe(true);
    });

    it('still answers the tablet’s retry with its receipt, and refuses the content again', async () => {
      const erased = sent[1]!;
      const [retry] = await upload(tabletA, [erased]);
      expect(retry).toEqual({ ...results[1]!, status: 'duplicate' });
      const body = unsigned({ ...erased, id: ulid() });
      const replay = { ...body, sig: await signObject(tabletA.keys.privateKey, body) } as Envelope;
      const [again] = await upload(tabletA, [replay]);
      expect(again).toMatchObject({ status: 'rejected', error: 'replayed-envelope' });
      expect((await server.store.logTail(a.id))?.index).toBe(4);
    });

    it('is idempotent: erasing again erases nothing more, and is logged', async () => {
      expect(await dslA.erase([sent[1]!.id, sent[3]!.id, sent[1]!.id])).toEqual({
        erased: 0,
        index: 2,
      });
      expect((await pullPage(a.dslDevice, '?after=0')).envelopes).toHaveLength(2);
    });

    it('ignores another school’s ids without saying whether they exist', async () => {
      const fromB = await seal(b, tabletB);
      await upload(tabletB, [fromB]);
      expect(await dslA.erase([fromB.id, ulid()])).toEqual({ erased: 0, index: 3 });
      const pulledB = await pullPage(b.dslDevice, '?after=0');
      expect(pulledB.envelopes.map((e) => e.envelope.id)).toEqual([fromB.id]);
      expect((await server.store.findLogEntry(b.id, fromB.id))?.erasedAt).toBeNull();
      // Each school's erasure log is its own.
      const listB = await signedFetch(server, b.dslDevice, 'GET', API.erasures);
      expect((await listB.json()) as ErasureListResponse).toEqual({ erasures: [], next: null });
    });

    it('lists the erasure log to DSLs, paged, with metadata only', async () => {
      const first = await dslA.listErasures(0, 2);
      expect(first.erasures.map((e) => [e.index, e.ids])).toEqual([
        [1, [sent[1]!.id, sent[3]!.id]],
        [2, []],
      ]);
      expect(first.next).toBe(2);
      for (const e of first.erasures) {
        expect(Object.keys(e).sort()).toEqual(['at', 'device', 'ids', 'index']);
        expect(e.device).toBe(a.dslDevice.id);
        expect(Number.isNaN(Date.parse(e.at))).toBe(false);
      }
      expect(await dslA.listErasures(2)).toMatchObject({ erasures: [{ index: 3 }], next: null });
      expect(await dslA.listErasures(3)).toEqual({ erasures: [], next: null });
      for (const query of ['?limit=0', '?limit=51', '?after=-1']) {
        const res = await signedFetch(server, a.dslDevice, 'GET', `${API.erasures}${query}`);
        expect(await errorOf(res)).toEqual({ status: 400, error: 'invalid-query' });
      }
    });

    it('keeps the content and the ids out of the endpoint’s own log', async () => {
      const logs = server.logs();
      expect(logs).toContain('"msg":"erased"');
      for (const e of [sent[1]!, sent[3]!]) {
        expect(logs).not.toContain(e.id);
        expect(logs).not.toContain(e.ct.slice(0, 40));
      }
      // Nothing of the erased envelopes is served any more.
      const everything = JSON.stringify(await pullAll(server, a.dslDevice));
      expect(everything).not.toContain(sent[1]!.ct.slice(0, 40));
    });
  });
}
