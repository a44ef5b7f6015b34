import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReaderKeyPair } from '../../src/crypto/hpke.ts';
import { exportPublicJwk, generateSigningKeyPair, isPublicJwk } from '../../src/crypto/signing.ts';
import { startServer } from '../../src/server/start.ts';
import { API, type SchoolStatus } from '../../src/sync/protocol.ts';
import { signRecipientSet, type RecipientSetBody } from '../../src/sync/recipient-set.ts';
import {
  deviceProof,
  getJson,
  keyBackup,
  postJson,
  recipientSetBody,
  rows,
  startTestServer,
  type TestServer,
} from './helpers.ts';

let server: TestServer;
let status: SchoolStatus;
const signing = await generateSigningKeyPair(true);
const [dsl, recovery] = await Promise.all([generateReaderKeyPair(), generateReaderKeyPair()]);
const deviceKeys = await generateSigningKeyPair(false);

beforeAll(async () => {
  server = await startTestServer();
  status = await getJson<SchoolStatus>(server, API.school);
});
afterAll(() => server.close());

async function request(
  overrides: {
    body?: Partial<RecipientSetBody>;
    code?: string;
    proofCode?: string;
    signer?: CryptoKeyPair;
  } = {},
) {
  const body = {
    ...(await recipientSetBody(status.receiptKey, signing, [dsl, recovery])),
    ...overrides.body,
  };
  const recipientSet = await signRecipientSet(body, (overrides.signer ?? signing).privateKey);
  const device = await deviceProof(
    'setup',
    'Office PC',
    deviceKeys,
    overrides.proofCode ?? server.setupCode!,
  );
  return {
    setupCode: overrides.code ?? server.setupCode,
    recipientSet,
    device,
    dslName: 'Ms Lead',
    keyBackup: keyBackup(),
  };
}

async function expectRefused(body: unknown, status: number, error: string) {
  const res = await postJson(server, API.setup, body);
  expect(res.status).toBe(status);
  const json = (await res.json()) as { error: string; message: string };
  expect(json.error).toBe(error);
  expect(json.message.length).toBeGreaterThan(10);
  expect(rows(server, 'school')).toBe(0);
  expect(rows(server, 'devices')).toBe(0);
}

describe('before set-up', () => {
  it('reports an unconfigured school with the endpoint receipt key and has a set-up code', () => {
    expect(status.configured).toBe(false);
    expect(status.school).toBeNull();
    expect(isPublicJwk(status.receiptKey)).toBe(true);
    expect(server.setupCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });
});

describe('set-up refusals', () => {
  it('refuses a wrong set-up code with 403', async () => {
    await expectRefused(await request({ code: 'AAAA-BBBB-CCCC' }), 403, 'wrong-setup-code');
    await expectRefused(await request({ code: 'nonsense' }), 403, 'wrong-setup-code');
  });

  it('refuses a recipient set that names another receipt key', async () => {
    const other = await exportPublicJwk((await generateSigningKeyPair(false)).publicKey);
    await expectRefused(await request({ body: { receiptKey: other } }), 400, 'wrong-receipt-key');
  });

  it('refuses a recipient set whose signature does not hold', async () => {
    const body = await request();
    await expectRefused(
      { ...body, recipientSet: { ...body.recipientSet, schoolName: 'Evil Academy' } },
      400,
      'invalid-recipient-set',
    );
    const other = await generateSigningKeyPair(false);
    // Signed by a different key from the one it names.
    await expectRefused(await request({ signer: other }), 400, 'invalid-recipient-set');
  });

  it('refuses a first set that is not version 1, or lacks a recovery reader', async () => {
    await expectRefused(await request({ body: { version: 2 } }), 400, 'invalid-recipient-set');
    const onlyDsl = await recipientSetBody(status.receiptKey, signing, [dsl]);
    await expectRefused(
      await request({ body: { readers: onlyDsl.readers } }),
      400,
      'missing-readers',
    );
  });

  it('refuses a device proof for another code, and malformed bodies', async () => {
    await expectRefused(await request({ proofCode: 'ZZZZ-ZZZZ-ZZZZ' }), 400, 'bad-proof');
    await expectRefused({ setupCode: server.setupCode }, 400, 'invalid-recipient-set');
    const good = await request();
    await expectRefused({ ...good, keyBackup: { salt: 1 } }, 400, 'invalid-request');
    await expectRefused({ ...good, dslName: '' }, 400, 'invalid-request');
    await expectRefused([good], 400, 'invalid-request');
  });
});

describe('set-up', () => {
  it('creates the school, its DSL device and forgets the code (typed in lower case without dashes)', async () => {
    const body = await request({ code: server.setupCode!.toLowerCase().replace(/-/g, ' ') });
    const res = await postJson(server, API.setup, body);
    expect(res.status).toBe(201);
    const json = (await res.json()) as { deviceId: string; school: { id: string; name: string } };
    expect(json.school).toEqual({ id: body.recipientSet.school, name: 'Hillside Primary' });
    expect(json.deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const after = await getJson<SchoolStatus>(server, API.school);
    expect(after).toEqual({ configured: true, school: json.school, receiptKey: status.receiptKey });
    expect(rows(server, 'devices')).toBe(1);
    expect(rows(server, 'key_backups')).toBe(1);
    expect(rows(server, 'meta')).toBe(1); // the receipt key only: the set-up code is gone
  });

  it('refuses a second set-up with 409, even with the old code', async () => {
    const res = await postJson(server, API.setup, await request());
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toBe('already-set-up');
    expect(rows(server, 'school')).toBe(1);
  });
});

describe('restarts', () => {
  it('keep the receipt key and the set-up code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safetrail-restart-'));
    const options = {
      host: '127.0.0.1',
      port: 0,
      dataDir: join(dir, 'data'),
      distDir: join(dir, 'dist'),
    };
    try {
      const first = await startServer(options);
      const key = ((await (await fetch(first.url + API.school)).json()) as SchoolStatus).receiptKey;
      await first.close();
      const again = await startServer(options);
      expect(again.setupCode).toBe(first.setupCode);
      expect(
        ((await (await fetch(again.url + API.school)).json()) as SchoolStatus).receiptKey,
      ).toEqual(key);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
