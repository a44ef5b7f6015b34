/**
 * The two rules that keep a school from locking itself out: a DSL cannot revoke the device
 * it is using, and the last approved DSL device is never revoked, not even when two DSLs
 * revoke each other at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceInfo } from '../../src/sync/protocol.ts';
import { setupSchool, startTestServer, type TestSchool, type TestServer } from './helpers.ts';
import { approve, enrolDsl, listDevices, revoke } from './lifecycle-helpers.ts';

let server: TestServer;
let school: TestSchool;

beforeAll(async () => {
  server = await startTestServer();
  school = await setupSchool(server);
});
afterAll(() => server.close());

const activeDsls = (devices: DeviceInfo[]) =>
  devices.filter((d) => d.role === 'dsl' && d.status === 'approved');

describe('revocation rules', () => {
  it('refuses a DSL revoking its own device, even as the only DSL', async () => {
    const res = await revoke(server, school.dslDevice, school.dslDevice.id);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('cannot-revoke-self');
    expect(body.message).toMatch(/another safeguarding lead/);
  });

  it('the store never revokes the last approved DSL device', async () => {
    const now = new Date().toISOString();
    expect(await server.store.revokeDevice(school.id, school.dslDevice.id, now)).toBe('last-dsl');
    expect(activeDsls(await listDevices(server, school.dslDevice))).toHaveLength(1);
  });

  it('two DSLs revoking each other at once leave exactly one of them', async () => {
    const deputy = await enrolDsl(server, school, 'Deputy phone');
    expect((await approve(server, school.dslDevice, deputy.id)).status).toBe(200);
    const [a, b] = await Promise.all([
      revoke(server, school.dslDevice, deputy.id),
      revoke(server, deputy, school.dslDevice.id),
    ]);
    const outcomes = [await outcome(a), await outcome(b)].sort((x, y) => x.status - y.status);
    // Whichever lands second is refused: as the last DSL (both were past authentication
    // when the first revocation committed: what happens in practice), or as revoked (its
    // own revocation landed before it was authenticated).
    expect(outcomes[0]).toEqual({ status: 200, error: 'ok', message: '' });
    expect(['403:device-revoked', '409:last-dsl']).toContain(
      `${outcomes[1]!.status}:${outcomes[1]!.error}`,
    );
    if (outcomes[1]!.status === 409)
      expect(outcomes[1]!.message).toMatch(/last approved safeguarding lead device/);
    const survivor = a.status === 200 ? school.dslDevice : deputy;
    expect(activeDsls(await listDevices(server, survivor))).toHaveLength(1);
  });
});

async function outcome(res: Response) {
  const body = (await res.json()) as { error?: string; message?: string };
  return { status: res.status, error: body.error ?? 'ok', message: body.message ?? '' };
}
