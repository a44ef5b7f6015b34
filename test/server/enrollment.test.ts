import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair, signObject } from '../../src/crypto/signing.ts';
import { hashCode, normaliseCode } from '../../src/server/codes.ts';
import {
  API,
  keyProofStatement,
  type DeviceInfo,
  type RegisterResponse,
} from '../../src/sync/protocol.ts';
import {
  createCode,
  deviceProof,
  enrolTablet,
  postJson,
  registerRequest,
  rows,
  setupSchool,
  signedFetch,
  sql,
  startTestServer,
  type TestSchool,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let school: TestSchool;

beforeAll(async () => {
  server = await startTestServer();
  school = await setupSchool(server);
});
afterAll(() => server.close());

async function errorOf(res: Response) {
  return { status: res.status, error: ((await res.json()) as { error: string }).error };
}

describe('enrollment codes', () => {
  it('a DSL device gets a formatted code valid for 24 hours by default, or the ttl asked for', async () => {
    const before = Date.now();
    const res = await signedFetch(server, school.dslDevice, 'POST', API.enrollmentCodes);
    expect(res.status).toBe(201);
    const { code, expiresAt } = (await res.json()) as { code: string; expiresAt: string };
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(Date.parse(expiresAt) - before).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(Date.parse(expiresAt) - before).toBeLessThan(24 * 3600_000 + 60_000);
    const short = await signedFetch(server, school.dslDevice, 'POST', API.enrollmentCodes, {
      ttlMinutes: 5,
    });
    expect(
      Date.parse(((await short.json()) as { expiresAt: string }).expiresAt) - before,
    ).toBeLessThan(6 * 60_000);
    // Only the hash is stored.
    const stored = sql<{ code_hash: string }>(server, 'SELECT code_hash FROM enrollment_codes');
    expect(stored.map((r) => r.code_hash)).toContain(await hashCode(code));
    expect(JSON.stringify(stored)).not.toContain(code);
  });

  it('refuses a ttl out of range, a tablet, and an unsigned request', async () => {
    for (const ttlMinutes of [4, 10081, 1.5, '60']) {
      expect(
        await errorOf(
          await signedFetch(server, school.dslDevice, 'POST', API.enrollmentCodes, { ttlMinutes }),
        ),
      ).toEqual({ status: 400, error: 'invalid-request' });
    }
    const tablet = await enrolTablet(server, school, 'Tablet A');
    expect(await errorOf(await signedFetch(server, tablet, 'POST', API.enrollmentCodes))).toEqual({
      status: 403,
      error: 'forbidden',
    });
    expect(await errorOf(await postJson(server, API.enrollmentCodes, {}))).toEqual({
      status: 401,
      error: 'unauthenticated',
    });
  });
});

describe('registering a tablet', () => {
  it('enrols with a valid code (typed loosely) and receives the recipient set', async () => {
    const code = await createCode(server, school.dslDevice);
    const keys = await generateSigningKeyPair(false);
    const typed = ` ${code.toLowerCase().replace(/-/g, '')} `;
    const device = await deviceProof('register', 'Year 3 tablet', keys, normaliseCode(code)!);
    const res = await postJson(server, API.register, { code: typed, device });
    expect(res.status).toBe(201);
    const body = (await res.json()) as RegisterResponse;
    expect(body.recipientSet).toEqual(school.recipientSet);
    // The new device can make signed requests straight away, and the DSL sees it.
    const tablet = { id: body.deviceId, keys, publicJwk: device.publicKey };
    const set = await signedFetch(server, tablet, 'GET', API.recipientSet);
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual(school.recipientSet);
    const list = (await (
      await signedFetch(server, school.dslDevice, 'GET', API.devices)
    ).json()) as { devices: DeviceInfo[] };
    const info = list.devices.find((d) => d.id === body.deviceId);
    expect(info).toMatchObject({
      name: 'Year 3 tablet',
      role: 'tablet',
      publicKey: device.publicKey,
      revoked: false,
    });
    expect(list.devices.find((d) => d.id === school.dslDevice.id)?.role).toBe('dsl');
    expect(await errorOf(await signedFetch(server, tablet, 'GET', API.devices))).toEqual({
      status: 403,
      error: 'forbidden',
    });
  });

  it('refuses unknown, malformed, expired and reused codes', async () => {
    expect(await errorOf((await registerRequest(server, 'AAAA-BBBB-CCCC')).res)).toEqual({
      status: 404,
      error: 'unknown-code',
    });
    expect(await errorOf((await registerRequest(server, 'not a code')).res)).toEqual({
      status: 404,
      error: 'unknown-code',
    });

    const expiring = await createCode(server, school.dslDevice, 5);
    sql(
      server,
      'UPDATE enrollment_codes SET expires_at = ? WHERE code_hash = ?',
      new Date(Date.now() - 1000).toISOString(),
      await hashCode(expiring),
    );
    expect(await errorOf((await registerRequest(server, expiring)).res)).toEqual({
      status: 410,
      error: 'code-expired',
    });

    const once = await createCode(server, school.dslDevice);
    expect((await registerRequest(server, once)).res.status).toBe(201);
    const devices = rows(server, 'devices');
    expect(await errorOf((await registerRequest(server, once)).res)).toEqual({
      status: 409,
      error: 'code-used',
    });
    expect(rows(server, 'devices')).toBe(devices);
  });

  it('lets exactly one of two simultaneous redemptions of a code succeed', async () => {
    const code = await createCode(server, school.dslDevice);
    const devices = rows(server, 'devices');
    const [a, b] = await Promise.all([
      registerRequest(server, code, 'Tablet X'),
      registerRequest(server, code, 'Tablet Y'),
    ]);
    expect([a.res.status, b.res.status].sort()).toEqual([201, 409]);
    expect(rows(server, 'devices')).toBe(devices + 1);
  });

  it('refuses a bad key proof or name without using the code up', async () => {
    const code = await createCode(server, school.dslDevice);
    const keys = await generateSigningKeyPair(false);
    const other = await generateSigningKeyPair(false);
    const honest = await deviceProof('register', 'Tablet Z', keys, code);
    const forged = {
      ...honest,
      proof: await signObject(
        other.privateKey,
        keyProofStatement('register', 'Tablet Z', honest.publicKey, code),
      ),
    };
    expect(await errorOf(await postJson(server, API.register, { code, device: forged }))).toEqual({
      status: 400,
      error: 'bad-proof',
    });
    const wrongPurpose = await deviceProof('setup', 'Tablet Z', keys, code);
    expect(
      await errorOf(await postJson(server, API.register, { code, device: wrongPurpose })),
    ).toEqual({ status: 400, error: 'bad-proof' });
    const longName = await deviceProof('register', 'x'.repeat(81), keys, code);
    expect(await errorOf(await postJson(server, API.register, { code, device: longName }))).toEqual(
      { status: 400, error: 'invalid-request' },
    );
    expect(await errorOf(await postJson(server, API.register, { code }))).toEqual({
      status: 400,
      error: 'invalid-request',
    });
    expect((await postJson(server, API.register, { code, device: honest })).status).toBe(201);
  });
});
