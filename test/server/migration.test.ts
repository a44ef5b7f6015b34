/**
 * Upgrading a database written before the device lifecycle (schema 1): existing devices
 * stay approved, the one key backup becomes the set-up device's and is returned to it,
 * the lead DSL's name moves to their device, and entries already in the log get their
 * ciphertext hash, so an old record replayed under a new id is refused like a new one.
 * After every upgrade (schema 7 rebuilt the device tables) it enrols the school office's
 * computer, and the references to devices still hold.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/crypto/canonical-json.ts';
import { envelopeHash, unsigned, type Envelope } from '../../src/crypto/envelope.ts';
import { generateReaderKeyPair } from '../../src/crypto/hpke.ts';
import { exportPublicJwk, generateSigningKeyPair, signObject } from '../../src/crypto/signing.ts';
import { ulid } from '../../src/domain/ulid.ts';
import { genesisHead, nextHead, verifyChain } from '../../src/server/chain.ts';
import { ctHash } from '../../src/server/ct-hash.ts';
import { startServer, type RunningServer } from '../../src/server/start.ts';
import { migrate, SCHEMA_VERSION } from '../../src/server/store/sqlite-schema.ts';
import { SQLITE_FILE } from '../../src/server/store/sqlite-store.ts';
import { API, type DeviceInfo, type UploadItemResult } from '../../src/sync/protocol.ts';
import {
  keyBackup,
  recipientSetBody,
  registerRequest,
  seal,
  signedFetch,
  type TestDevice,
  type TestSchool,
  type TestServer,
} from './helpers.ts';
import { createCodeWith, listDevices } from './lifecycle-helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'safetrail-migrate-'));
const dataDir = join(root, 'data');
const backup = keyBackup();
let lead: TestDevice;
let tablet: TestDevice;
let school: TestSchool;
let old: Envelope;
let server: RunningServer;

async function device(id: string): Promise<TestDevice> {
  const keys = await generateSigningKeyPair(false);
  return { id, keys, publicJwk: await exportPublicJwk(keys.publicKey) };
}

/** A schema-1 database as the endpoint of this morning wrote it: set up, one tablet, one record. */
async function writeSchemaOne(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SQLITE_FILE));
  migrate(db, 1);
  const signing = await generateSigningKeyPair(true);
  const [dsl, recovery] = await Promise.all([generateReaderKeyPair(), generateReaderKeyPair()]);
  const setBody = await recipientSetBody(await exportPublicJwk(signing.publicKey), signing, [
    dsl,
    recovery,
  ]);
  school = { id: setBody.school, dsl, recovery } as TestSchool;
  lead = await device('LEADLEADLEADLEADLEADLE');
  tablet = await device('TABLETTABLETTABLETTABL');
  const at = '2025-01-01T00:00:00.000Z';
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  run('INSERT INTO school VALUES (?, ?, ?)', school.id, 'Hillside Primary', at);
  run(
    'INSERT INTO recipient_sets VALUES (?, 1, ?)',
    school.id,
    JSON.stringify({ ...setBody, sig: 'x' }),
  );
  run('INSERT INTO key_backups VALUES (?, ?, ?)', school.id, 'Ms Lead', JSON.stringify(backup));
  const insertDevice = `INSERT INTO devices (id, school, name, role, public_jwk, enrolled_at, enrolled_by)
    VALUES (?, ?, ?, ?, ?, ?, ?)`;
  run(
    insertDevice,
    lead.id,
    school.id,
    'Office PC',
    'dsl',
    JSON.stringify(lead.publicJwk),
    at,
    null,
  );
  run(
    insertDevice,
    tablet.id,
    school.id,
    'Tablet 1',
    'tablet',
    JSON.stringify(tablet.publicJwk),
    at,
    lead.id,
  );
  run(
    'INSERT INTO enrollment_codes (code_hash, school, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ...['hash', school.id, lead.id, at, at],
  );
  old = await seal(school, tablet);
  const hash = await envelopeHash(old);
  const prev = await genesisHead(school.id);
  const head = await nextHead(prev, 1, old.id, hash);
  const receipt = JSON.stringify({ id: old.id, logIndex: 1, chainHead: head, envelopeHash: hash });
  run(
    `INSERT INTO log (idx, id, school, device, seq, kind, created, size, envelope_hash, body, prev_head,
       head, received_at, receipt) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ...[old.id, school.id, tablet.id, old.seq, old.kind, old.created, old.size, hash],
    ...[canonicalJson(old), prev, head, at, receipt],
  );
  db.close();
}

beforeAll(async () => {
  await writeSchemaOne();
  server = await startServer({ host: '127.0.0.1', port: 0, dataDir, distDir: join(root, 'dist') });
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** signedFetch needs only the server's address. */
const http = () => server as unknown as TestServer;

describe('upgrading a schema-1 database', () => {
  it('reaches the latest schema and fills in what the new columns need', () => {
    const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT ct_hash FROM log WHERE idx = 1').get()).toEqual({
        ct_hash: ctHash(old.ct),
      });
      expect(db.prepare('SELECT role, person_name FROM enrollment_codes').get()).toEqual({
        role: 'tablet',
        person_name: null,
      });
    } finally {
      db.close();
    }
  });

  it('keeps existing devices approved, with the lead DSL’s name on their device', async () => {
    const res = await signedFetch(http(), lead, 'GET', API.devices);
    const { devices } = (await res.json()) as { devices: DeviceInfo[] };
    expect(devices.find((d) => d.id === lead.id)).toMatchObject({
      status: 'approved',
      enrolledBy: null,
      personName: 'Ms Lead',
    });
    expect(devices.find((d) => d.id === tablet.id)).toMatchObject({
      status: 'approved',
      enrolledBy: 'Office PC',
    });
  });

  it('returns the set-up key backup to the set-up device', async () => {
    const res = await signedFetch(http(), lead, 'GET', API.keyBackup);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(backup);
  });

  it('refuses an old record replayed under a new id, and the chain still verifies', async () => {
    const body = unsigned({ ...old, id: ulid() });
    const replay = { ...body, sig: await signObject(tablet.keys.privateKey, body) };
    const res = await signedFetch(http(), tablet, 'POST', API.envelopes, { envelopes: [replay] });
    const [result] = ((await res.json()) as { results: UploadItemResult[] }).results;
    expect(result).toMatchObject({ status: 'rejected', error: 'replayed-envelope' });
    expect((await verifyChain(server.store)).ok).toBe(true);
  });

  it('then enrols the school office’s computer, which sees the old devices', async () => {
    const code = await createCodeWith(http(), lead, { role: 'office' });
    const { res, keys, publicJwk } = await registerRequest(http(), code, 'School office PC');
    expect(res.status).toBe(201);
    const body = (await res.json()) as { deviceId: string; role: string; status: string };
    expect(body).toMatchObject({ role: 'office', status: 'approved' });
    const office = { id: body.deviceId, keys, publicJwk };
    const devices = await listDevices(http(), office);
    expect(devices.map((d) => [d.name, d.role])).toEqual([
      ['Office PC', 'dsl'],
      ['Tablet 1', 'tablet'],
      ['School office PC', 'office'],
    ]);
    const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
    try {
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_key_list(key_backups)')).toContainEqual(
        expect.objectContaining({ table: 'devices', from: 'device', to: 'id' }),
      );
      expect(db.prepare('SELECT role FROM enrollment_codes ORDER BY created_at').all()).toEqual([
        { role: 'tablet' },
        { role: 'office' },
      ]);
    } finally {
      db.close();
    }
  });
});
