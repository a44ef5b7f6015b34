/**
 * A trust's hub over HTTP: one endpoint, two schools set up with two set-up codes, each with
 * its own recipient set, devices and log. Run against both stores (hub-sqlite.test.ts and
 * hub-postgres.test.ts). What must hold: a device of one school can neither read nor write
 * the other's envelopes, nor see or manage its devices; each school's chain verifies on its
 * own; and the real sync engine delivers through the real API client end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/crypto/canonical-json.ts';
import { envelopeHash, type Envelope } from '../../src/crypto/envelope.ts';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { verifyChain } from '../../src/server/chain.ts';
import { createApiClient } from '../../src/sync/api-client.ts';
import { runUpload } from '../../src/sync/engine.ts';
import { createMemoryOutboxStore } from '../../src/sync/outbox.ts';
import {
  API,
  apiPath,
  type HealthResponse,
  type PullResponse,
  type SchoolStatus,
  type UploadResponse,
} from '../../src/sync/protocol.ts';
import {
  enrolTablet,
  getJson,
  postJson,
  seal,
  setupSchool,
  signedFetch,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';
import { createCodeWith, errorOf, listDevices } from './lifecycle-helpers.ts';

export function describeHub(
  storeName: string,
  start: (hubSchools: number) => Promise<TestServer>,
): void {
  let server: TestServer;
  let a: TestSchool;
  let b: TestSchool;
  let tabletA: TestDevice;
  let tabletB: TestDevice;

  const upload = async (device: TestDevice, envelopes: Envelope[]) => {
    const res = await signedFetch(server, device, 'POST', API.envelopes, { envelopes });
    expect(res.status).toBe(200);
    return ((await res.json()) as UploadResponse).results;
  };
  const pull = async (dsl: TestDevice) => {
    const res = await signedFetch(server, dsl, 'GET', `${API.envelopes}?after=0&limit=200`);
    expect(res.status).toBe(200);
    return (await res.json()) as PullResponse;
  };

  beforeAll(async () => {
    server = await start(2);
    const before = await getJson<SchoolStatus>(server, API.school);
    expect(before).toMatchObject({ configured: false, school: null });
    expect(server.setupCodes).toHaveLength(2);
    a = await setupSchool(server, server.setupCodes[0]);
    b = await setupSchool(server, server.setupCodes[1]);
    tabletA = await enrolTablet(server, a, 'Tablet A');
    tabletB = await enrolTablet(server, b, 'Tablet B');
  });
  afterAll(() => server.close());

  describe(`a hub of two schools on ${storeName}`, () => {
    it('names its store, names no school publicly, and takes no third set-up', async () => {
      const health = await getJson<HealthResponse>(server, API.health);
      expect(health.store).toBe(storeName);
      const status = await getJson<SchoolStatus>(server, API.school);
      expect(status).toMatchObject({ configured: true, school: null });
      const again = await postJson(server, API.setup, { setupCode: server.setupCodes[0] });
      expect(await errorOf(again)).toEqual({ status: 409, error: 'already-set-up' });
    });

    it('lets a device write only its own school’s log', async () => {
      const own = await seal(a, tabletA);
      const otherSchool = await seal(b, tabletA, { note: 'x' }, { school: b.id });
      const otherDevice = await seal(a, tabletA, { note: 'y' }, { device: tabletB.id });
      const results = await upload(tabletA, [own, otherSchool, otherDevice]);
      expect(results.map((r) => r.status)).toEqual(['stored', 'rejected', 'rejected']);
      expect(results.slice(1).map((r) => ('error' in r ? r.error : ''))).toEqual([
        'wrong-device',
        'wrong-device',
      ]);
      expect(await server.store.findLogEntry(b.id, otherSchool.id)).toBeNull();
    });

    it('lets a DSL read only its own school’s log, each with its own indexes', async () => {
      const fromA = await seal(a, tabletA);
      const fromB = await seal(b, tabletB);
      await upload(tabletA, [fromA]);
      await upload(tabletB, [fromB]);
      const pageA = await pull(a.dslDevice);
      const pageB = await pull(b.dslDevice);
      expect(pageA.envelopes.every((e) => e.envelope.school === a.id)).toBe(true);
      expect(pageB.envelopes.every((e) => e.envelope.school === b.id)).toBe(true);
      expect(pageA.envelopes.map((e) => e.envelope.id)).toContain(fromA.id);
      expect(pageB.envelopes.map((e) => e.envelope.id)).toEqual([fromB.id]);
      expect(pageB.envelopes[0]!.logIndex).toBe(1);
      // A tablet cannot pull at all, of either school.
      const res = await signedFetch(server, tabletA, 'GET', API.envelopes);
      expect(await errorOf(res)).toEqual({ status: 403, error: 'forbidden' });
    });

    it('treats an id known in the other school as new here: no duplicate, no hint', async () => {
      const inA = await seal(a, tabletA);
      await upload(tabletA, [inA]);
      const sameIdInB = await seal(b, tabletB, { note: 'other' }, { id: inA.id });
      const [result] = await upload(tabletB, [sameIdInB]);
      expect(result).toMatchObject({ status: 'stored', receipt: { school: b.id } });
    });

    it('keeps device management within the school', async () => {
      const listed = await listDevices(server, a.dslDevice);
      expect(listed.map((d) => d.id)).not.toContain(tabletB.id);
      expect(listed.map((d) => d.id)).toContain(tabletA.id);
      for (const path of [apiPath.revokeDevice(tabletB.id), apiPath.approveDevice(tabletB.id)]) {
        const res = await signedFetch(server, a.dslDevice, 'POST', path);
        expect(await errorOf(res)).toEqual({ status: 404, error: 'no-such-device' });
      }
      const code = await createCodeWith(server, a.dslDevice, {});
      const joined = await enrolTablet(server, a, 'Tablet A2');
      expect(code).toBeTruthy();
      expect((await server.store.getDevice(joined.id))?.school).toBe(a.id);
    });

    it('keeps recipient sets and policy packs per school', async () => {
      const res = await signedFetch(server, tabletB, 'GET', API.recipientSet);
      expect(((await res.json()) as { school: string }).school).toBe(b.id);
      const pack = { ...defaultPack, version: '9.9.9' };
      expect((await signedFetch(server, a.dslDevice, 'PUT', API.policy, pack)).status).toBe(204);
      const policy = (q: string) => getJson<{ version: string }>(server, `${API.policy}${q}`);
      expect((await policy(`?school=${a.id}`)).version).toBe('9.9.9');
      expect((await policy(`?school=${b.id}`)).version).toBe(defaultPack.version);
      expect((await policy('')).version).toBe(defaultPack.version);
      const unknown = await fetch(`${server.url}${API.policy}?school=nope`);
      expect(await errorOf(unknown)).toEqual({ status: 404, error: 'no-such-school' });
    });

    it('gives each school’s devices their own pack through the API client', async () => {
      // Both schools upload a pack of their own; each device asks as the app does.
      for (const [school, version] of [
        [a, '2.0.0-a'],
        [b, '2.0.0-b'],
      ] as const) {
        const pack = { ...defaultPack, version };
        const res = await signedFetch(server, school.dslDevice, 'PUT', API.policy, pack);
        expect(res.status).toBe(204);
      }
      const api = createApiClient({ endpoint: server.url });
      const versionFor = async (school?: string) =>
        (JSON.parse(await api.policyText(school)) as { version: string }).version;
      expect(await versionFor(a.id)).toBe('2.0.0-a');
      expect(await versionFor(b.id)).toBe('2.0.0-b');
      // Without its school, a hub can only serve the default pack.
      expect(await versionFor()).toBe(defaultPack.version);
    });

    it('delivers through the real engine and API client, and each chain verifies', async () => {
      const outbox = createMemoryOutboxStore();
      for (let i = 0; i < 30; i++) {
        const e = await seal(b, tabletB);
        outbox.add({
          id: e.id,
          seq: i,
          envelope: canonicalJson(e),
          hash: await envelopeHash(e),
          school: b.id,
        });
      }
      const api = createApiClient({
        endpoint: server.url,
        device: { deviceId: tabletB.id, signingKey: tabletB.keys.privateKey },
      });
      const report = await runUpload({
        store: outbox,
        transport: api.uploadTransport(),
        receiptKey: b.receiptKey,
        school: b.id,
        now: Date.now,
        batchSize: 7,
      });
      expect(report).toMatchObject({ delivered: 30, remaining: 0, error: null });
      const pulled = new Set((await pull(b.dslDevice)).envelopes.map((e) => e.envelope.id));
      for (const id of outbox.acknowledged.keys()) expect(pulled.has(id)).toBe(true);
      for (const school of [a.id, b.id]) {
        expect((await verifyChain(server.store, school)).ok).toBe(true);
      }
      expect(await verifyChain(server.store)).toMatchObject({ ok: true, head: null });
    });
  });
}
