/**
 * The school office's computer over HTTP, run against both stores (office-sqlite.test.ts and
 * office-postgres.test.ts). A DSL's office code enrols it approved at once; it may list the
 * devices, report its own status, create tablet codes and revoke tablets, and nothing else:
 * every record, every key backup and every DSL power is refused, with a plain sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReaderKeyPair } from '../../src/crypto/hpke.ts';
import { generateSigningKeyPair } from '../../src/crypto/signing.ts';
import {
  API,
  type DeviceInfo,
  type EnrollmentCodeResponse,
  type RegisterResponse,
} from '../../src/sync/protocol.ts';
import {
  deviceProof,
  enrolTablet,
  postJson,
  registerRequest,
  seal,
  setupSchool,
  signedFetch,
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

const DSL_ONLY = 'Only a safeguarding lead’s device can do this.';

export function describeOffice(storeName: string, start: () => Promise<TestServer>): void {
  let server: TestServer;
  let school: TestSchool;
  let office: TestDevice;

  /** An office device enrolled with a fresh office code from the lead DSL. */
  async function enrolOffice(name = 'School office PC'): Promise<TestDevice> {
    const code = await createCodeWith(server, school.dslDevice, { role: 'office' });
    const { res, keys, publicJwk } = await registerRequest(server, code, name);
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
    return { id: ((await res.json()) as RegisterResponse).deviceId, keys, publicJwk };
  }

  async function refusal(res: Response) {
    return { status: res.status, ...((await res.json()) as { error: string; message: string }) };
  }

  beforeAll(async () => {
    server = await start();
    school = await setupSchool(server);
    office = await enrolOffice();
  });
  afterAll(() => server.close());

  describe(`the school office’s computer (${storeName})`, () => {
    it('is enrolled by a DSL’s office code, approved at once', async () => {
      const res = await signedFetch(server, school.dslDevice, 'POST', API.enrollmentCodes, {
        role: 'office',
      });
      expect(res.status).toBe(201);
      const { code, role } = (await res.json()) as EnrollmentCodeResponse;
      expect(role).toBe('office');
      const reg = await registerRequest(server, code, 'Reception PC');
      expect(reg.res.status).toBe(201);
      const body = (await reg.res.json()) as RegisterResponse;
      expect(body).toMatchObject({ role: 'office', status: 'approved' });
      expect(body.recipientSet).toEqual(school.recipientSet);
      const me = (await (
        await self(server, { id: body.deviceId, keys: reg.keys, publicJwk: reg.publicJwk })
      ).json()) as DeviceInfo;
      expect(me).toMatchObject({
        role: 'office',
        status: 'approved',
        enrolledBy: 'Office PC',
        personName: null,
        readerKey: null,
      });
    });

    it('refuses a name with an office code, and a reader key with one', async () => {
      expect(
        await errorOf(
          await signedFetch(server, school.dslDevice, 'POST', API.enrollmentCodes, {
            role: 'office',
            name: 'Ms Office',
          }),
        ),
      ).toEqual({ status: 400, error: 'invalid-request' });
      const code = await createCodeWith(server, school.dslDevice, { role: 'office' });
      const reader = await generateReaderKeyPair();
      const device = await deviceProof(
        'register',
        'Office 2',
        await generateSigningKeyPair(false),
        code,
      );
      const readerKey = { kid: reader.kid, publicKey: reader.publicKey };
      expect(
        await errorOf(await postJson(server, API.register, { code, device, readerKey })),
      ).toEqual({ status: 400, error: 'unexpected-reader-key' });
    });

    it('lists the school’s devices and reports its own status', async () => {
      const tablet = await enrolTablet(server, school, 'Hall tablet');
      await signedFetch(server, tablet, 'POST', API.deviceSelfStatus, {
        queued: 2,
        oldestQueuedAt: '2026-01-05T08:00:00.000Z',
      });
      const report = await signedFetch(server, office, 'POST', API.deviceSelfStatus, {
        queued: 0,
        oldestQueuedAt: null,
      });
      expect(report.status).toBe(204);
      const devices = await listDevices(server, office);
      expect(devices.find((d) => d.id === tablet.id)).toMatchObject({
        role: 'tablet',
        queued: 2,
        oldestQueuedAt: '2026-01-05T08:00:00.000Z',
      });
      expect(devices.find((d) => d.id === office.id)).toMatchObject({ role: 'office', queued: 0 });
      expect(devices.find((d) => d.id === school.dslDevice.id)?.role).toBe('dsl');
      // A tablet still may not, and is told who may.
      expect(await refusal(await signedFetch(server, tablet, 'GET', API.devices))).toEqual({
        status: 403,
        error: 'forbidden',
        message: 'Only a safeguarding lead’s device or the school office’s computer can do this.',
      });
    });

    it('creates tablet codes, which enrol approved tablets it enrolled', async () => {
      for (const body of [undefined, {}, { role: 'tablet', ttlMinutes: 30 }]) {
        const res = await signedFetch(server, office, 'POST', API.enrollmentCodes, body);
        expect(res.status).toBe(201);
        expect(((await res.json()) as EnrollmentCodeResponse).role).toBe('tablet');
      }
      const code = await createCodeWith(server, office, {});
      const reg = await registerRequest(server, code, 'Library tablet');
      expect(await reg.res.json()).toMatchObject({ role: 'tablet', status: 'approved' });
      const tablet = (await listDevices(server, school.dslDevice)).find(
        (d) => d.name === 'Library tablet',
      );
      expect(tablet).toMatchObject({ status: 'approved', enrolledBy: 'School office PC' });
    });

    it('may not create a code for a DSL or for another office computer', async () => {
      for (const body of [{ role: 'dsl' }, { role: 'dsl', name: 'Mr X' }, { role: 'office' }]) {
        expect(
          await refusal(await signedFetch(server, office, 'POST', API.enrollmentCodes, body)),
        ).toEqual({
          status: 403,
          error: 'forbidden',
          message:
            'The school office’s computer can create codes for tablets only. Ask a safeguarding lead for any other code.',
        });
      }
    });

    it('revokes a tablet, and only a tablet', async () => {
      const lost = await enrolTablet(server, school, 'Lost tablet');
      const res = await revoke(server, office, lost.id);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: lost.id, status: 'revoked', revoked: true });
      expect(await errorOf(await self(server, lost))).toEqual({
        status: 403,
        error: 'device-revoked',
      });
      const deputy = await enrolDsl(server, school, 'Deputy phone');
      const other = await enrolOffice('Reception PC 2');
      for (const target of [school.dslDevice.id, deputy.id, other.id, office.id]) {
        expect(await refusal(await revoke(server, office, target)), target).toEqual({
          status: 403,
          error: 'forbidden',
          message:
            'The school office’s computer can revoke tablets only. Ask a safeguarding lead to revoke this device.',
        });
      }
      expect(await errorOf(await revoke(server, office, 'AAAAAAAAAAAAAAAAAAAAAA'))).toEqual({
        status: 404,
        error: 'no-such-device',
      });
      const after = await listDevices(server, school.dslDevice);
      for (const id of [school.dslDevice.id, deputy.id, other.id, office.id])
        expect(after.find((d) => d.id === id)?.revoked, id).toBe(false);
    });

    it('is refused every record, key backup and DSL power', async () => {
      const pending = await enrolDsl(server, school, 'New lead phone');
      const refused: [string, 'GET' | 'POST' | 'PUT', string, unknown?][] = [
        ['pull envelopes', 'GET', `${API.envelopes}?after=0`],
        ['read the erasure log', 'GET', `${API.erasures}?after=0`],
        ['erase', 'POST', API.erasures, { ids: ['01J0000000000000000000000A'] }],
        ['read a key backup', 'GET', API.keyBackup],
        [
          'store a key backup',
          'PUT',
          API.keyBackup,
          { salt: 'x', iterations: 1, iv: 'x', ct: 'x' },
        ],
        ['approve a device', 'POST', `/api/v1/devices/${pending.id}/approve`],
        ['publish a recipient set', 'POST', API.recipientSet, school.recipientSet],
        ['replace the policy pack', 'PUT', API.policy, { id: 'x' }],
      ];
      for (const [what, method, path, body] of refused) {
        const res = await signedFetch(server, office, method, path, body);
        expect(await refusal(res), what).toEqual({
          status: 403,
          error: 'forbidden',
          message: DSL_ONLY,
        });
      }
      // It records nothing, so it sends nothing either.
      const upload = await signedFetch(server, office, 'POST', API.envelopes, {
        envelopes: [await seal(school, office)],
      });
      expect(await refusal(upload)).toEqual({
        status: 403,
        error: 'forbidden',
        message: 'Only a staff tablet or a safeguarding lead’s device can do this.',
      });
      const info = (await listDevices(server, school.dslDevice)).find((d) => d.id === pending.id);
      expect(info?.status).toBe('pending');
      expect((await approve(server, school.dslDevice, pending.id)).status).toBe(200);
    });

    it('is revoked by a DSL like any lost device, and is then shut out', async () => {
      const spare = await enrolOffice('Old office PC');
      expect((await revoke(server, school.dslDevice, spare.id)).status).toBe(200);
      expect(await errorOf(await signedFetch(server, spare, 'GET', API.devices))).toEqual({
        status: 403,
        error: 'device-revoked',
      });
    });
  });
}
