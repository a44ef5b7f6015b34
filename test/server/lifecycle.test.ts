/**
 * The device lifecycle over real HTTP: a DSL code enrols a pending DSL device that can only
 * get ready until another DSL approves it; tablet codes enrol approved tablets; devices
 * report their outbox and the DSL sees it; revoking shuts a device out of everything while
 * what it delivered stays in the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/server/chain.ts';
import { API, type DeviceInfo, type PullResponse } from '../../src/sync/protocol.ts';
import {
  enrolTablet,
  keyBackup,
  registerRequest,
  seal,
  setupSchool,
  signedFetch,
  startTestServer,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';
import {
  approve,
  createCodeWith,
  enrolDsl,
  errorOf,
  listDevices,
  revoke,
  self,
} from './lifecycle-helpers.ts';

const REVOKED =
  'This device has been revoked by the school’s safeguarding lead. Records it already delivered are safe. Ask your DSL.';

let server: TestServer;
let school: TestSchool;

beforeAll(async () => {
  server = await startTestServer();
  school = await setupSchool(server);
});
afterAll(() => server.close());

async function infoOf(device: TestDevice): Promise<DeviceInfo> {
  const res = await self(server, device);
  expect(res.status).toBe(200);
  return (await res.json()) as DeviceInfo;
}

describe('a DSL device enrolled with a DSL code', () => {
  let deputy: TestDevice;

  beforeAll(async () => {
    const enrolled = await enrolDsl(server, school, 'Deputy phone', 'Mr Deputy');
    expect(enrolled.registered).toMatchObject({ role: 'dsl', status: 'pending' });
    deputy = enrolled;
  });

  it('is pending, and says so about itself', async () => {
    expect(await infoOf(deputy)).toMatchObject({
      id: deputy.id,
      role: 'dsl',
      status: 'pending',
      revoked: false,
      enrolledBy: 'Office PC',
      personName: 'Mr Deputy',
      revokedAt: null,
    });
  });

  it('may fetch the recipient set and keep its key backup, and nothing else', async () => {
    expect((await signedFetch(server, deputy, 'GET', API.recipientSet)).status).toBe(200);
    const backup = keyBackup();
    expect((await signedFetch(server, deputy, 'PUT', API.keyBackup, backup)).status).toBe(204);
    const got = await signedFetch(server, deputy, 'GET', API.keyBackup);
    expect(await got.json()).toEqual(backup);
    const refused: [string, 'GET' | 'POST', string, unknown?][] = [
      ['pull', 'GET', `${API.envelopes}?after=0`],
      ['upload', 'POST', API.envelopes, { envelopes: [await seal(school, deputy)] }],
      ['list devices', 'GET', API.devices],
      ['create a code', 'POST', API.enrollmentCodes, {}],
      ['report status', 'POST', API.deviceSelfStatus, { queued: 0, oldestQueuedAt: null }],
      ['read an old set', 'GET', '/api/v1/recipient-sets/1'],
      ['approve itself', 'POST', `/api/v1/devices/${deputy.id}/approve`],
      ['publish a set', 'POST', API.recipientSet, school.recipientSet],
    ];
    for (const [what, method, path, body] of refused) {
      const res = await signedFetch(server, deputy, method, path, body);
      expect(res.status, what).toBe(403);
      expect(await res.json(), what).toEqual({
        error: 'device-pending',
        message: 'This device is waiting for a safeguarding lead to approve it.',
      });
    }
  });

  it('cannot be approved by a tablet, is approved by a DSL (idempotently), and can then pull', async () => {
    const tablet = await enrolTablet(server, school, 'Hall tablet');
    expect(await errorOf(await approve(server, tablet, deputy.id))).toEqual({
      status: 403,
      error: 'forbidden',
    });
    const res = await approve(server, school.dslDevice, deputy.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: deputy.id, status: 'approved', role: 'dsl' });
    expect((await approve(server, school.dslDevice, deputy.id)).status).toBe(200);
    expect((await infoOf(deputy)).status).toBe('approved');
    const pull = await signedFetch(server, deputy, 'GET', `${API.envelopes}?after=0`);
    expect(pull.status).toBe(200);
    expect(((await pull.json()) as PullResponse).cursor).toBe(0);
    // An approved DSL device can do what the first one can, including approving others.
    const third = await enrolDsl(server, school, 'Head’s laptop');
    expect((await approve(server, deputy, third.id)).status).toBe(200);
  });

  it('approving a device that does not exist is a 404', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'not%20an%20id']) {
      expect(
        await errorOf(
          await signedFetch(server, school.dslDevice, 'POST', `/api/v1/devices/${id}/approve`),
        ),
      ).toEqual({ status: 404, error: 'no-such-device' });
    }
  });
});

describe('enrollment codes with a role', () => {
  it('a code from an empty body enrols an approved tablet, enrolled by the DSL device', async () => {
    const res = await signedFetch(server, school.dslDevice, 'POST', API.enrollmentCodes, {});
    expect(res.status).toBe(201);
    const { code, role } = (await res.json()) as { code: string; role: string };
    expect(role).toBe('tablet');
    const reg = await registerRequest(server, code, 'Year 5 tablet');
    const body = (await reg.res.json()) as { deviceId: string; status: string; role: string };
    expect(body).toMatchObject({ role: 'tablet', status: 'approved' });
    const tablet = { id: body.deviceId, keys: reg.keys, publicJwk: reg.publicJwk };
    expect(await infoOf(tablet)).toMatchObject({
      status: 'approved',
      enrolledBy: 'Office PC',
      personName: null,
      queued: null,
      lastSyncAt: null,
    });
  });

  it('refuses a bad role, a name on a tablet code, and a bad name', async () => {
    for (const body of [{ role: 'admin' }, { name: 'Ms X' }, { role: 'dsl', name: '' }, []]) {
      expect(
        await errorOf(
          await signedFetch(server, school.dslDevice, 'POST', API.enrollmentCodes, body),
        ),
      ).toEqual({ status: 400, error: 'invalid-request' });
    }
  });
});

describe('outbox reports and the device list', () => {
  let tablet: TestDevice;
  beforeAll(async () => {
    tablet = await enrolTablet(server, school, 'Trip tablet');
  });

  it('a device reports its outbox and the DSL sees it, with its last sync', async () => {
    const oldest = '2025-03-01T09:30:00.000Z';
    const res = await signedFetch(server, tablet, 'POST', API.deviceSelfStatus, {
      queued: 3,
      oldestQueuedAt: oldest,
    });
    expect(res.status).toBe(204);
    const e = await seal(school, tablet);
    await signedFetch(server, tablet, 'POST', API.envelopes, { envelopes: [e] });
    const info = (await listDevices(server, school.dslDevice)).find((d) => d.id === tablet.id);
    expect(info).toMatchObject({ queued: 3, oldestQueuedAt: oldest, status: 'approved' });
    expect(Date.parse(info!.lastSyncAt!)).toBeGreaterThan(Date.now() - 60_000);
    // Every field of the list is metadata; the list has them all, for every device.
    for (const d of await listDevices(server, school.dslDevice)) {
      expect(Object.keys(d).sort()).toEqual(
        [
          'id',
          'name',
          'role',
          'publicKey',
          'enrolledAt',
          'lastSeenAt',
          'revoked',
          'status',
          'enrolledBy',
          'personName',
          'queued',
          'oldestQueuedAt',
          'lastSyncAt',
          'revokedAt',
          'readerKey',
        ].sort(),
      );
    }
    const lead = (await listDevices(server, school.dslDevice)).find(
      (d) => d.id === school.dslDevice.id,
    );
    expect(lead).toMatchObject({ enrolledBy: null, personName: 'Ms Lead', status: 'approved' });
  });

  it('an empty outbox is reported as 0 and null', async () => {
    const res = await signedFetch(server, tablet, 'POST', API.deviceSelfStatus, {
      queued: 0,
      oldestQueuedAt: null,
    });
    expect(res.status).toBe(204);
    expect(await infoOf(tablet)).toMatchObject({ queued: 0, oldestQueuedAt: null });
  });

  it.each([
    [{ queued: -1, oldestQueuedAt: null }],
    [{ queued: 1.5, oldestQueuedAt: null }],
    [{ queued: '3', oldestQueuedAt: null }],
    [{ queued: 2 }],
    [{ queued: 2, oldestQueuedAt: 'yesterday' }],
    [{ queued: 2, oldestQueuedAt: 12345 }],
    [[]],
  ])('refuses the report %j', async (body) => {
    expect(
      await errorOf(await signedFetch(server, tablet, 'POST', API.deviceSelfStatus, body)),
    ).toEqual({ status: 400, error: 'invalid-request' });
  });
});

describe('revoking', () => {
  it('shuts a tablet out of every route, and what it delivered stays in the log', async () => {
    const lost = await enrolTablet(server, school, 'Lost tablet');
    const delivered = await seal(school, lost, { note: 'before it was lost' });
    await signedFetch(server, lost, 'POST', API.envelopes, { envelopes: [delivered] });
    const res = await revoke(server, school.dslDevice, lost.id);
    expect(res.status).toBe(200);
    const info = (await res.json()) as DeviceInfo;
    expect(info).toMatchObject({ id: lost.id, status: 'revoked', revoked: true });
    expect(Date.parse(info.revokedAt!)).toBeGreaterThan(Date.now() - 60_000);
    // Idempotent: revoking again answers the same device.
    expect(
      ((await (await revoke(server, school.dslDevice, lost.id)).json()) as DeviceInfo).status,
    ).toBe('revoked');
    const attempts: ['GET' | 'POST', string, unknown?][] = [
      ['POST', API.envelopes, { envelopes: [await seal(school, lost)] }],
      ['GET', API.deviceSelf],
      ['GET', API.recipientSet],
      ['POST', API.deviceSelfStatus, { queued: 1, oldestQueuedAt: null }],
    ];
    for (const [method, path, body] of attempts) {
      const refused = await signedFetch(server, lost, method, path, body);
      expect(refused.status, path).toBe(403);
      expect(await refused.json(), path).toEqual({ error: 'device-revoked', message: REVOKED });
    }
    const pulled = (await (
      await signedFetch(server, school.dslDevice, 'GET', `${API.envelopes}?after=0`)
    ).json()) as PullResponse;
    expect(pulled.envelopes.map((p) => p.envelope)).toContainEqual(delivered);
    expect((await verifyChain(server.store)).ok).toBe(true);
    expect(await errorOf(await approve(server, school.dslDevice, lost.id))).toEqual({
      status: 409,
      error: 'already-revoked',
    });
  });

  it('a pending DSL device can be turned away by revoking it', async () => {
    const stranger = await enrolDsl(server, school, 'Unknown phone');
    expect((await revoke(server, school.dslDevice, stranger.id)).status).toBe(200);
    expect(await errorOf(await self(server, stranger))).toEqual({
      status: 403,
      error: 'device-revoked',
    });
  });

  it('a device enrolled by a DSL device that is later revoked still names it as enroller', async () => {
    const deputy = await enrolDsl(server, school, 'Supply DSL laptop');
    await approve(server, school.dslDevice, deputy.id);
    const { res, keys, publicJwk } = await registerRequest(
      server,
      await createCodeWith(server, deputy, {}),
      'Library tablet',
    );
    const tablet = { id: ((await res.json()) as { deviceId: string }).deviceId, keys, publicJwk };
    expect((await revoke(server, school.dslDevice, deputy.id)).status).toBe(200);
    expect(await infoOf(tablet)).toMatchObject({
      enrolledBy: 'Supply DSL laptop',
      status: 'approved',
    });
  });
});
