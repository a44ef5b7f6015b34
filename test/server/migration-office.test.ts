/**
 * Upgrading to schema 7 (the school office's computer): SQLite cannot change a CHECK in
 * place, so the devices and enrollment-code tables are rebuilt. Every row and every column
 * must come through unchanged (revoked, pending, reported, with reader keys and names), the
 * key backups must still point at their devices, and the upgraded file must then admit an
 * office code and an office device while still refusing a role nobody defined.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../src/server/store/sqlite-schema.ts';
import { SQLITE_FILE, SqliteStore } from '../../src/server/store/sqlite-store.ts';
import { device, LATER, T0 } from './store-fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'safetrail-migrate-office-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DEVICES = `INSERT INTO devices (id, school, name, role, public_jwk, enrolled_at, enrolled_by,
  last_seen_at, revoked_at, approved_at, person_name, queued, oldest_queued_at, last_sync_at,
  reader_key) VALUES (?, 'sch', ?, ?, '{"kty":"EC"}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const CODES = `INSERT INTO enrollment_codes (code_hash, school, created_by, created_at, expires_at,
  used_at, used_by, role, person_name) VALUES (?, 'sch', 'lead', ?, ?, ?, ?, ?, ?)`;

/** A schema-6 file with devices and codes of every kind the old schema allowed. */
function writeSchemaSix(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SQLITE_FILE));
  db.pragma('foreign_keys = ON');
  migrate(db, 6);
  db.prepare("INSERT INTO school VALUES ('sch', 'Hillside Primary', ?)").run(T0);
  const rk = '{"kid":"k1","publicKey":"pk"}';
  db.prepare(DEVICES).run(
    'lead',
    'Office PC',
    'dsl',
    T0,
    null,
    LATER,
    null,
    T0,
    'Ms Lead',
    0,
    null,
    LATER,
    rk,
  );
  db.prepare(DEVICES).run(
    'deputy',
    'Deputy phone',
    'dsl',
    T0,
    'lead',
    null,
    null,
    null,
    'Mr D',
    null,
    null,
    null,
    rk,
  );
  db.prepare(DEVICES).run(
    'tab',
    'Trip tablet',
    'tablet',
    T0,
    'lead',
    LATER,
    null,
    T0,
    null,
    3,
    T0,
    LATER,
    null,
  );
  db.prepare(DEVICES).run(
    'lost',
    'Lost tablet',
    'tablet',
    T0,
    'lead',
    T0,
    LATER,
    T0,
    null,
    null,
    null,
    null,
    null,
  );
  db.prepare(CODES).run('c-used', T0, LATER, T0, 'tab', 'tablet', null);
  db.prepare(CODES).run('c-dsl', T0, LATER, null, null, 'dsl', 'Mr New');
  db.prepare("INSERT INTO key_backups VALUES ('lead', 'sch', '{\"ct\":\"b\"}', ?)").run(T0);
  db.close();
}

const dump = (db: Database.Database) => ({
  devices: db.prepare('SELECT * FROM devices ORDER BY id').all(),
  codes: db.prepare('SELECT * FROM enrollment_codes ORDER BY code_hash').all(),
  backups: db.prepare('SELECT * FROM key_backups').all(),
});

describe('schema 7', () => {
  it('rebuilds the device tables keeping every row, then admits the office’s computer', async () => {
    const dataDir = join(root, 'data');
    writeSchemaSix(dataDir);
    const file = join(dataDir, SQLITE_FILE);
    const old = new Database(file, { readonly: true });
    const before = dump(old);
    old.close();

    const store = new SqliteStore(dataDir);
    try {
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(dump(db)).toEqual(before);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        expect(db.pragma('foreign_key_list(key_backups)')).toContainEqual(
          expect.objectContaining({ table: 'devices', from: 'device', to: 'id' }),
        );
        const leftovers = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%_v7'").all();
        expect(leftovers).toEqual([]);
      } finally {
        db.close();
      }
      expect(await store.getKeyBackup('lead')).toBe('{"ct":"b"}');
      expect(await store.revokeDevice('sch', 'lead', LATER)).toBe('last-dsl');

      await store.addEnrollmentCode({
        ...{ codeHash: 'c-office', school: 'sch', createdBy: 'lead', createdAt: T0 },
        ...{ expiresAt: LATER, usedAt: null, usedBy: null, role: 'office', personName: null },
      });
      const office = device('sch', { role: 'office', name: 'School office PC' });
      expect(await store.redeemEnrollmentCode('c-office', office, T0)).toBe('registered');
      expect((await store.getDevice(office.id))?.role).toBe('office');
      // The new CHECK still guards the column: only the three roles.
      await expect(
        store.addEnrollmentCode({
          ...{ codeHash: 'c-bad', school: 'sch', createdBy: 'lead', createdAt: T0 },
          ...{ expiresAt: LATER, usedAt: null, usedBy: null, personName: null },
          role: 'admin' as 'office',
        }),
      ).rejects.toThrow(/CHECK/);
      // The connection that ran the rebuild enforces foreign keys again.
      await expect(store.putKeyBackup('sch', 'nobody', '{}', T0)).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await store.close();
    }
  });
});
