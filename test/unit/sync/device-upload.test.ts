/**
 * A tablet's sync run against a real endpoint: it adopts a newer recipient set signed by
 * the pinned school key, and refuses a rolled-back or forged one offered by a compromised
 * endpoint, keeping the set it holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, generateSigningKeyPair } from '../../../src/crypto/signing.ts';
import { generateReaderKeyPair } from '../../../src/crypto/hpke.ts';
import { runDeviceUpload, type UploadingDevice } from '../../../src/sync/device-upload.ts';
import { createMemoryOutboxStore } from '../../../src/sync/outbox.ts';
import { API } from '../../../src/sync/protocol.ts';
import { signRecipientSet, type SignedRecipientSet } from '../../../src/sync/recipient-set.ts';
import {
  enrolTablet,
  setupSchool,
  signedFetch,
  startTestServer,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from '../../server/helpers.ts';

let server: TestServer;
let school: TestSchool;
let tablet: TestDevice;
let v2: SignedRecipientSet;

beforeAll(async () => {
  server = await startTestServer();
  school = await setupSchool(server);
  tablet = await enrolTablet(server, school);
  const newDsl = await generateReaderKeyPair();
  const { sig: _sig, ...body } = school.recipientSet;
  v2 = await signRecipientSet(
    {
      ...body,
      version: 2,
      issued: new Date().toISOString(),
      readers: [
        ...body.readers,
        { kid: newDsl.kid, name: 'Mr Deputy', role: 'dsl', publicKey: newDsl.publicKey },
      ],
    },
    school.signing.privateKey,
  );
  const res = await signedFetch(server, school.dslDevice, 'POST', API.recipientSet, v2);
  expect(res.status).toBe(201);
});
afterAll(async () => server.close());

async function deviceHolding(version: 1 | 2): Promise<UploadingDevice> {
  return {
    deviceId: tablet.id,
    signingKey: tablet.keys.privateKey,
    endpoint: server.url,
    schoolId: school.id,
    pinnedFingerprint: await fingerprint(school.recipientSet.signingKey),
    recipientSet: version === 1 ? school.recipientSet : v2,
  };
}

/** A fetch that answers the recipient-set request with `set`, as a compromised endpoint would. */
const serving =
  (set: unknown): typeof fetch =>
  async (input, init) =>
    String(input).endsWith(API.recipientSet)
      ? new Response(JSON.stringify(set), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      : fetch(input, init);

describe('refreshing the recipient set during a sync', () => {
  it('adopts a newer set signed by the pinned school key', async () => {
    const saved: SignedRecipientSet[] = [];
    const report = await runDeviceUpload({
      loadDevice: () => deviceHolding(1),
      store: createMemoryOutboxStore(),
      saveRecipientSet: async (s) => void saved.push(s),
    });
    expect(report?.recipientSetRefused).toBeNull();
    expect(saved.map((s) => s.version)).toEqual([2]);
    expect(saved[0]!.readers.map((r) => r.name)).toContain('Mr Deputy');
  });

  it('refuses a rollback to an older set', async () => {
    const saved: SignedRecipientSet[] = [];
    const report = await runDeviceUpload({
      loadDevice: () => deviceHolding(2),
      store: createMemoryOutboxStore(),
      saveRecipientSet: async (s) => void saved.push(s),
      fetch: serving(school.recipientSet),
    });
    expect(report?.recipientSetRefused).toMatch(/older than the one this device holds/);
    expect(saved).toEqual([]);
  });

  it('refuses a set signed by any other key, even with a higher version', async () => {
    const impostor = await generateSigningKeyPair(true);
    const { sig: _sig, ...body } = v2;
    const forged = await signRecipientSet({ ...body, version: 3 }, impostor.privateKey);
    const saved: SignedRecipientSet[] = [];
    const report = await runDeviceUpload({
      loadDevice: () => deviceHolding(2),
      store: createMemoryOutboxStore(),
      saveRecipientSet: async (s) => void saved.push(s),
      fetch: serving(forged),
    });
    expect(report?.recipientSetRefused).toMatch(/signature/);
    expect(saved).toEqual([]);
  });
});
