/**
 * Every refusal is one warn line in the log, {msg: 'refused', reason, route, device}
 * (plus `envelope` for an upload item), and the log never holds what a record says, a
 * one-time code, a person's name or anything else a client sent. The log stream is the
 * server's real one, captured by the fixture; the refusals are in refusal-cases.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { generateCode } from '../../src/server/codes.ts';
import { API } from '../../src/sync/protocol.ts';
import {
  deviceProof,
  enrolTablet,
  keyBackup,
  postJson,
  setupSchool,
  startTestServer,
  type TestServer,
} from './helpers.ts';
import { enrolDsl, revoke } from './lifecycle-helpers.ts';
import { MARKER, PERSON, REFUSAL_CASES, type World } from './refusal-cases.ts';

interface Refused {
  level: number;
  msg: string;
  reason: string;
  route: string;
  device: string | null;
  envelope?: string | null;
}

let world: World;

function refusedLines(server: TestServer = world.server): Refused[] {
  return server
    .logs()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Refused)
    .filter((l) => l.msg === 'refused');
}

beforeAll(async () => {
  const server = await startTestServer();
  const secrets = [MARKER, PERSON, server.setupCode!];
  const school = await setupSchool(server);
  const tablet = await enrolTablet(server, school, 'Tablet 1');
  const revoked = await enrolTablet(server, school, 'Lost tablet');
  await revoke(server, school.dslDevice, revoked.id);
  const pending = await enrolDsl(server, school, 'New phone', PERSON);
  world = { server, school, tablet, revoked, pending, secrets };
});
afterAll(() => world.server.close());

describe('the refusal log', () => {
  it.each(REFUSAL_CASES)('$reason on $route: one line naming the route and device', async (c) => {
    const before = refusedLines().length;
    const item = await c.send(world);
    const added = refusedLines().slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ level: 40, reason: c.reason, route: c.route });
    expect(added[0]!.device).toBe(c.device(world));
    expect(added[0]!.envelope).toBe(item ? item.envelope : undefined);
  });

  it('a wrong set-up code is refused and logged without the code', async () => {
    const fresh = await startTestServer();
    try {
      const wrong = generateCode();
      const res = await postJson(fresh, API.setup, {
        setupCode: wrong,
        recipientSet: world.school.recipientSet,
        device: await deviceProof('setup', PERSON, await generateSigningKeyPair(false), wrong),
        dslName: PERSON,
        keyBackup: keyBackup(),
      });
      expect(res.status).toBe(403);
      expect(refusedLines(fresh)).toEqual([
        expect.objectContaining({ reason: 'wrong-setup-code', route: API.setup, device: null }),
      ]);
      for (const secret of [wrong, fresh.setupCode!, PERSON]) {
        expect(fresh.logs()).not.toContain(secret);
      }
    } finally {
      await fresh.close();
    }
  });

  it('holds no record content, code or name, and refusal lines hold only their fields', () => {
    const logs = world.server.logs();
    // The set-up code, the marker, a name, four enrollment codes and a sealed ciphertext.
    expect(world.secrets).toHaveLength(8);
    for (const secret of world.secrets) expect(logs, secret).not.toContain(secret);
    const allowed = ['level', 'time', 'pid', 'hostname', 'reqId', 'msg'].concat([
      'reason',
      'route',
      'device',
      'envelope',
    ]);
    for (const line of refusedLines()) {
      for (const key of Object.keys(line)) expect(allowed, key).toContain(key);
    }
    const reasons = new Set(refusedLines().map((l) => l.reason));
    for (const { reason } of REFUSAL_CASES) expect(reasons, reason).toContain(reason);
  });
});
