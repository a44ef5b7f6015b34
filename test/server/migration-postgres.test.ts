/**
 * Upgrading a PostgreSQL database to schema 3 (the school office's computer): the role
 * CHECKs of devices and enrollment codes are replaced in place. Every row comes through
 * unchanged, and the upgraded database then admits an office code and an office device
 * while still refusing a role nobody defined. And to schema 4 (how log bodies are kept):
 * stored entries come through unchanged, and bodies of every size are kept whole.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, PG_SCHEMA_VERSION } from '../../src/server/store/postgres-schema.ts';
import { PostgresStore } from '../../src/server/store/postgres-store.ts';
import { createTestDatabase, type TestDatabase } from './postgres-db.ts';
import type { LogEntry } from '../../src/server/store/types.ts';
import { device, entry, LATER, T0 } from './store-fixtures.ts';

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 1 });
});
afterAll(async () => {
  await pool.end();
  await db.drop();
});

const DEVICES = `INSERT INTO devices (id, school, name, role, public_jwk, enrolled_at, enrolled_by,
  revoked_at, approved_at, person_name, queued, reader_key)
  VALUES ($1, 'sch', $2, $3, '{"kty":"EC"}', $4, $5, $6, $7, $8, $9, $10)`;
const CODES = `INSERT INTO enrollment_codes (code_hash, school, created_by, created_at, expires_at,
  role, person_name) VALUES ($1, 'sch', 'lead', $2, $3, $4, $5)`;

const LOG = `INSERT INTO log (school, idx, id, device, seq, kind, created, size, envelope_hash,
  body, prev_head, head, received_at, receipt, ct_hash)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`;

async function dump() {
  const devices = await pool.query('SELECT * FROM devices ORDER BY id');
  const codes = await pool.query('SELECT * FROM enrollment_codes ORDER BY code_hash');
  return { devices: devices.rows, codes: codes.rows };
}

describe('PostgreSQL schema 3', () => {
  it('replaces the role CHECKs keeping every row, then admits the office’s computer', async () => {
    const client = await pool.connect();
    try {
      await migratePostgres(client, 2);
      await client.query("INSERT INTO schools VALUES ('sch', 'Hillside Primary', $1)", [T0]);
      const rk = '{"kid":"k1","publicKey":"pk"}';
      await client.query(DEVICES, ['lead', 'Office PC', 'dsl', T0, null, null, T0, 'Ms L', 0, rk]);
      await client.query(DEVICES, [
        'tab',
        'Tablet',
        'tablet',
        T0,
        'lead',
        LATER,
        T0,
        null,
        4,
        null,
      ]);
      await client.query(CODES, ['c-tab', T0, LATER, 'tablet', null]);
      await client.query(CODES, ['c-dsl', T0, LATER, 'dsl', 'Mr New']);
      await expect(client.query(CODES, ['c-early', T0, LATER, 'office', null])).rejects.toThrow(
        /check constraint/,
      );
    } finally {
      client.release();
    }
    const before = await dump();

    const store = await PostgresStore.open(db.url);
    try {
      const { rows } = await pool.query<{ version: number }>(
        'SELECT version FROM safetrail_schema',
      );
      expect(rows[0]!.version).toBe(PG_SCHEMA_VERSION);
      expect(await dump()).toEqual(before);
      await store.addEnrollmentCode({
        ...{ codeHash: 'c-office', school: 'sch', createdBy: 'lead', createdAt: T0 },
        ...{ expiresAt: LATER, usedAt: null, usedBy: null, role: 'office', personName: null },
      });
      const office = device('sch', { role: 'office', name: 'School office PC' });
      expect(await store.redeemEnrollmentCode('c-office', office, T0)).toBe('registered');
      expect((await store.getDevice(office.id))?.role).toBe('office');
      expect(await store.revokeDevice('sch', 'lead', LATER)).toBe('last-dsl');
      await expect(pool.query(CODES, ['c-bad', T0, LATER, 'admin', null])).rejects.toThrow(
        /check constraint/,
      );
      await expect(
        pool.query(DEVICES, ['bad', 'X', 'admin', T0, null, null, T0, null, null, null]),
      ).rejects.toThrow(/check constraint/);
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL schema 4', () => {
  it('keeps log bodies uncompressed from now on, with every stored entry unchanged', async () => {
    const older = await createTestDatabase();
    const olderPool = new pg.Pool({ connectionString: older.url, max: 1 });
    try {
      const client = await olderPool.connect();
      const stored: LogEntry[] = [];
      try {
        await migratePostgres(client, 3);
        await client.query("INSERT INTO schools VALUES ('sch', 'Hillside Primary', $1)", [T0]);
        for (let i = 1; i <= 3; i++) {
          const e = entry('sch', i, stored.at(-1)?.head ?? 'genesis', {
            body: `{"ct":"${'b'.repeat(2_400)}"}`,
          });
          stored.push(e);
          await client.query(LOG, [
            ...[e.school, e.index, e.id, e.device, e.seq, e.kind, e.created, e.size],
            ...[e.envelopeHash, e.body, e.prevHead, e.head, e.receivedAt, e.receipt, e.ctHash],
          ]);
        }
      } finally {
        client.release();
      }

      const store = await PostgresStore.open(older.url);
      try {
        expect(await store.readLog('sch', 0, 10)).toEqual(stored);
        const { rows } = await olderPool.query<{ options: string[]; storage: string }>(
          `SELECT c.reloptions AS options, a.attstorage AS storage
           FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
           WHERE c.relname = 'log' AND a.attname = 'body'`,
        );
        expect(rows[0]).toEqual({ options: ['toast_tuple_target=8160'], storage: 'e' });
        // A typical record, and one with attachments far larger than a page.
        const last = stored.at(-1)!;
        const small = entry('sch', 4, last.head, { body: 'c'.repeat(2_400) });
        const large = entry('sch', 5, small.head, { body: 'a'.repeat(300_000) });
        expect(await store.appendLogBatch([small, large])).toBe('appended');
        expect(await store.readLog('sch', 3, 10)).toEqual([small, large]);
      } finally {
        await store.close();
      }
    } finally {
      await olderPool.end();
      await older.drop();
    }
  });
});
