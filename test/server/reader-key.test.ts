/** A new DSL's browser announces its reader key at enrollment, for the approving DSL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReaderKeyPair } from '../../src/crypto/hpke.ts';
import { generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { API } from '../../src/sync/protocol.ts';
import {
  deviceProof,
  postJson,
  setupSchool,
  startTestServer,
  type TestSchool,
  type TestServer,
} from './helpers.ts';
import { createCodeWith, errorOf, listDevices } from './lifecycle-helpers.ts';

let server: TestServer;
let school: TestSchool;
beforeAll(async () => {
  server = await startTestServer();
  school = await setupSchool(server);
});
afterAll(() => server.close());

async function register(role: 'dsl' | 'tablet', readerKey: unknown) {
  const code = await createCodeWith(
    server,
    school.dslDevice,
    role === 'dsl' ? { role, name: 'Mr Deputy' } : {},
  );
  const device = await deviceProof(
    'register',
    'Deputy laptop',
    await generateSigningKeyPair(false),
    code,
  );
  return postJson(server, API.register, { code, device, readerKey });
}

describe('announcing a reader key at enrollment', () => {
  it('a DSL device’s key is listed for the approving DSL', async () => {
    const reader = await generateReaderKeyPair();
    const res = await register('dsl', { kid: reader.kid, publicKey: reader.publicKey });
    expect(res.status).toBe(201);
    const { deviceId } = (await res.json()) as { deviceId: string };
    const listed = (await listDevices(server, school.dslDevice)).find((d) => d.id === deviceId);
    expect(listed?.readerKey).toEqual({ kid: reader.kid, publicKey: reader.publicKey });
    expect(listed?.status).toBe('pending');
  });

  it('refuses a key id that does not match the key', async () => {
    const [a, b] = [await generateReaderKeyPair(), await generateReaderKeyPair()];
    expect(await errorOf(await register('dsl', { kid: a.kid, publicKey: b.publicKey }))).toEqual({
      status: 400,
      error: 'bad-reader-key',
    });
  });

  it('refuses a reader key from a tablet code, and malformed keys', async () => {
    const reader = await generateReaderKeyPair();
    expect(
      await errorOf(await register('tablet', { kid: reader.kid, publicKey: reader.publicKey })),
    ).toEqual({ status: 400, error: 'unexpected-reader-key' });
    expect((await register('dsl', { kid: 'short', publicKey: reader.publicKey })).status).toBe(400);
  });
});
