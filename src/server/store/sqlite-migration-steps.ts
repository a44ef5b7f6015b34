/**
 * The SQLite migrations after the first, each with why it exists: the list and the runner
 * are sqlite-schema.ts. Never edit a step that has shipped; add a new one.
 */
import type Database from 'better-sqlite3';
import { ctHash } from '../ct-hash.ts';

/**
 * SQL that copies tables into a new shape, following SQLite's own procedure for changes
 * ALTER TABLE cannot make: create the new table, copy the rows, drop the old one, rename
 * the new one. Dropping a table other tables reference fails while foreign keys are
 * enforced, so `migrate` switches enforcement off around this migration's transaction
 * (it cannot be switched inside one) and commits only if every reference still holds.
 */
export interface Rebuild {
  rebuild: string;
}

export type Migration = string | ((db: Database.Database) => void) | Rebuild;

/**
 * 2: the device lifecycle (approval, outbox reports, last sync), DSL enrollment codes, key
 * backups per DSL device, and the ciphertext hash that catches an envelope replayed under
 * a new id. Devices that exist already were approved by the code that enrolled them; the
 * one key backup so far belongs to the set-up device (the DSL device nobody enrolled).
 */
export const DEVICE_LIFECYCLE = `
  ALTER TABLE devices ADD COLUMN approved_at TEXT;
  UPDATE devices SET approved_at = enrolled_at;
  ALTER TABLE devices ADD COLUMN person_name TEXT;
  ALTER TABLE devices ADD COLUMN queued INTEGER;
  ALTER TABLE devices ADD COLUMN oldest_queued_at TEXT;
  ALTER TABLE devices ADD COLUMN last_sync_at TEXT;
  ALTER TABLE enrollment_codes ADD COLUMN role TEXT NOT NULL DEFAULT 'tablet'
    CHECK (role IN ('dsl', 'tablet'));
  ALTER TABLE enrollment_codes ADD COLUMN person_name TEXT;
  UPDATE devices SET person_name = (SELECT dsl_name FROM key_backups k WHERE k.school = devices.school)
    WHERE role = 'dsl' AND enrolled_by IS NULL;
  CREATE TABLE device_key_backups (
    device TEXT PRIMARY KEY REFERENCES devices(id),
    school TEXT NOT NULL REFERENCES school(id),
    json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  INSERT INTO device_key_backups (device, school, json, updated_at)
    SELECT d.id, k.school, k.json, d.enrolled_at FROM key_backups k
    JOIN devices d ON d.school = k.school AND d.role = 'dsl' AND d.enrolled_by IS NULL;
  DROP TABLE key_backups;
  ALTER TABLE device_key_backups RENAME TO key_backups;
  ALTER TABLE log ADD COLUMN ct_hash TEXT;
  CREATE INDEX log_ct_hash_idx ON log (ct_hash);
`;

/** Fills in ct_hash for entries stored before migration 2, a page at a time (bodies can be MBs). */
export function backfillCtHash(db: Database.Database): void {
  const page = db.prepare(
    `SELECT idx, json_extract(body, '$.ct') AS ct FROM log WHERE idx > ? ORDER BY idx LIMIT 100`,
  );
  const set = db.prepare('UPDATE log SET ct_hash = ? WHERE idx = ?');
  let after = 0;
  for (;;) {
    const rows = page.all(after) as { idx: number; ct: unknown }[];
    if (rows.length === 0) return;
    for (const { idx, ct } of rows) {
      if (typeof ct === 'string') set.run(ctHash(ct), idx);
      after = idx;
    }
  }
}

/**
 * 5: one endpoint may hold several schools (a trust's hub). Set-up codes get their own
 * table (each creates one school), and the log is keyed by (school, index): every school
 * has its own indexes and chain, and an envelope id or ciphertext is looked up only within
 * its school. The log is copied once into the new shape (SQLite cannot change a primary key
 * in place); the copy is inside the migration's transaction, so a crash keeps the old one.
 */
export const HUB = `
  CREATE TABLE setup_codes (
    n INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  INSERT INTO setup_codes (code, created_at)
    SELECT value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM meta
    WHERE key = 'setup_code' AND NOT EXISTS (SELECT 1 FROM school);
  DELETE FROM meta WHERE key = 'setup_code';
  CREATE TABLE log_v5 (
    school TEXT NOT NULL REFERENCES school(id),
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    created TEXT NOT NULL,
    size INTEGER NOT NULL,
    envelope_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    prev_head TEXT NOT NULL,
    head TEXT NOT NULL,
    received_at TEXT NOT NULL,
    receipt TEXT NOT NULL,
    ct_hash TEXT,
    PRIMARY KEY (school, idx),
    UNIQUE (school, id)
  );
  INSERT INTO log_v5 (school, idx, id, device, seq, kind, created, size, envelope_hash, body,
      prev_head, head, received_at, receipt, ct_hash)
    SELECT school, idx, id, device, seq, kind, created, size, envelope_hash, body,
      prev_head, head, received_at, receipt, ct_hash FROM log ORDER BY idx;
  DROP TABLE log;
  ALTER TABLE log_v5 RENAME TO log;
  CREATE INDEX log_ct_hash_idx ON log (school, ct_hash);
`;

/**
 * 6: retention erasure. An erased log entry keeps its row (index, id, hashes, heads,
 * receipt, ct_hash) with an empty body and the time it was erased; each erasure request is
 * one row of the school's erasure log (who, when, which ids: metadata only).
 */
export const ERASURE = `
  ALTER TABLE log ADD COLUMN erased_at TEXT;
  CREATE TABLE erasures (
    school TEXT NOT NULL REFERENCES school(id),
    idx INTEGER NOT NULL,
    device TEXT NOT NULL,
    at TEXT NOT NULL,
    ids TEXT NOT NULL,
    PRIMARY KEY (school, idx)
  );
`;

/**
 * 7: the school office's computer, a third device role. The role CHECKs of devices and
 * enrollment codes must admit 'office', so both tables are rebuilt with every row and column
 * kept (key_backups references devices, hence the rebuild; see Rebuild).
 */
export const OFFICE_ROLE: Rebuild = {
  rebuild: `
  CREATE TABLE devices_v7 (
    id TEXT PRIMARY KEY,
    school TEXT NOT NULL REFERENCES school(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('dsl', 'tablet', 'office')),
    public_jwk TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    enrolled_by TEXT,
    last_seen_at TEXT,
    revoked_at TEXT,
    approved_at TEXT,
    person_name TEXT,
    queued INTEGER,
    oldest_queued_at TEXT,
    last_sync_at TEXT,
    reader_key TEXT
  );
  INSERT INTO devices_v7 (id, school, name, role, public_jwk, enrolled_at, enrolled_by,
      last_seen_at, revoked_at, approved_at, person_name, queued, oldest_queued_at,
      last_sync_at, reader_key)
    SELECT id, school, name, role, public_jwk, enrolled_at, enrolled_by, last_seen_at,
      revoked_at, approved_at, person_name, queued, oldest_queued_at, last_sync_at, reader_key
    FROM devices;
  DROP TABLE devices;
  ALTER TABLE devices_v7 RENAME TO devices;
  CREATE TABLE enrollment_codes_v7 (
    code_hash TEXT PRIMARY KEY,
    school TEXT NOT NULL REFERENCES school(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT,
    role TEXT NOT NULL DEFAULT 'tablet' CHECK (role IN ('dsl', 'tablet', 'office')),
    person_name TEXT
  );
  INSERT INTO enrollment_codes_v7 (code_hash, school, created_by, created_at, expires_at,
      used_at, used_by, role, person_name)
    SELECT code_hash, school, created_by, created_at, expires_at, used_at, used_by, role,
      person_name
    FROM enrollment_codes;
  DROP TABLE enrollment_codes;
  ALTER TABLE enrollment_codes_v7 RENAME TO enrollment_codes;
`,
};
