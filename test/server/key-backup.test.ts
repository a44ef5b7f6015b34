/**
 * Key backups over real HTTP: the set-up DSL's backup is returned to its device like any
 * other, a DSL device replaces its own (a passphrase change, or a new DSL setting one up,
 * even while pending), each device reaches only its own, and junk is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, MAX_KEY_BACKUP_BYTES } from '../../src/sync/protocol.ts';
import {
  enrolTablet,
  keyBackup,
  setupSchool,
  signedFetch,
  startTestServer,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';
import { enrolDsl, errorOf } from './lifecycle-helpers.ts';

let server: TestServer;
let school: TestSchool;

beforeAll(async () => {
  server = await startTestServer();
  school = await setupSchool(server);
});
afterAll(() => server.close());

const put = (device: TestDevice, body: unknown) =>
  signedFetch(server, device, 'PUT', API.keyBackup, body);
const get = (device: TestDevice) => signedFetch(server, device, 'GET', API.keyBackup);

describe('key backups', () => {
  it('returns the backup stored at set-up to the set-up device', async () => {
    const res = await get(school.dslDevice);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(school.keyBackup);
  });

  it('replaces a device’s backup (a passphrase change) and returns the new one', async () => {
    const changed = keyBackup();
    expect((await put(school.dslDevice, changed)).status).toBe(204);
    expect(await (await get(school.dslDevice)).json()).toEqual(changed);
  });

  it('keeps one backup per device: a new DSL has none until it stores its own', async () => {
    const deputy = await enrolDsl(server, school);
    expect(await errorOf(await get(deputy))).toEqual({ status: 404, error: 'no-key-backup' });
    const own = keyBackup();
    expect((await put(deputy, own)).status).toBe(204);
    expect(await (await get(deputy)).json()).toEqual(own);
    expect(await (await get(school.dslDevice)).json()).not.toEqual(own);
  });

  it('is for DSL devices only', async () => {
    const tablet = await enrolTablet(server, school);
    expect(await errorOf(await get(tablet))).toEqual({ status: 403, error: 'forbidden' });
    expect(await errorOf(await put(tablet, keyBackup()))).toEqual({
      status: 403,
      error: 'forbidden',
    });
  });

  it('refuses malformed backups and oversized bodies, keeping the old one', async () => {
    const before = await (await get(school.dslDevice)).json();
    const good = keyBackup();
    for (const body of [
      {},
      [],
      { ...good, salt: 'short' },
      { ...good, iterations: 0 },
      { ...good, iterations: '600000' },
      { ...good, iv: 'not base64!' },
      { ...good, ct: '' },
      { ...good, ct: 'A'.repeat(70_000) },
    ]) {
      expect(
        await errorOf(await put(school.dslDevice, body)),
        JSON.stringify(body).slice(0, 60),
      ).toEqual({
        status: 400,
        error: 'invalid-request',
      });
    }
    const padded = { ...good, pad: 'x'.repeat(MAX_KEY_BACKUP_BYTES) };
    expect(await errorOf(await put(school.dslDevice, padded))).toEqual({
      status: 413,
      error: 'body-too-large',
    });
    expect(await (await get(school.dslDevice)).json()).toEqual(before);
  });
});
