/** The endpoint serves the school's policy pack and accepts only valid replacements from a DSL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPack } from '../../src/policy/default-pack/index.ts';
import { API } from '../../src/sync/protocol.ts';
import {
  enrolTablet,
  getJson,
  setupSchool,
  signedFetch,
  startTestServer,
  type TestSchool,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let school: TestSchool;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const put = (device: TestSchool['dslDevice'], body: unknown) =>
  signedFetch(server, device, 'PUT', API.policy, body);

describe('the policy pack', () => {
  it('serves the default pack before and after set-up, with no key needed', async () => {
    expect(((await getJson(server, API.policy)) as { name: string }).name).toBe(defaultPack.name);
    school = await setupSchool(server);
    const pack = (await getJson(server, API.policy)) as typeof defaultPack;
    expect(pack.settings.idleLockMinutes).toBe(10);
    expect(pack.flowcharts.length).toBe(defaultPack.flowcharts.length);
  });

  it('refuses a broken pack with the path of the problem, and keeps serving the old one', async () => {
    const broken = {
      ...defaultPack,
      settings: { ...defaultPack.settings, idleLockMinutes: 'ten' },
    };
    const res = await put(school.dslDevice, broken);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('invalid-policy-pack');
    expect(body.message).toContain('$.settings.idleLockMinutes');
    expect(
      ((await getJson(server, API.policy)) as typeof defaultPack).settings.idleLockMinutes,
    ).toBe(10);
  });

  it('lets only a DSL replace it, and then serves the new pack', async () => {
    const tablet = await enrolTablet(server, school);
    const edited = {
      ...defaultPack,
      version: '1.0.1',
      settings: { ...defaultPack.settings, idleLockMinutes: 1 },
    };
    expect((await put(tablet, edited)).status).toBe(403);
    expect((await put(school.dslDevice, edited)).status).toBe(204);
    const served = (await getJson(server, API.policy)) as typeof defaultPack;
    expect(served.version).toBe('1.0.1');
    expect(served.settings.idleLockMinutes).toBe(1);
  });
});
