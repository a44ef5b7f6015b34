/**
 * The PostgreSQL schema and its migrations, like sqlite-schema.ts: each runs once, in order,
 * in one transaction with the version bump, so a crash mid-upgrade leaves the previous
 * version intact. Several hub processes may start at once against one database, so each
 * migration first takes a transaction-scoped advisory lock and re-reads the version: exactly
 * one of them applies it. Append new migrations; never edit one that has shipped.
 *
 * Times are ISO 8601 text, exactly as the records carry them (timestamptz would re-format
 * them, and receipts and chain heads commit to the text). Counters are BIGINT, read back as
 * JavaScript numbers (postgres-store.ts): every value is a validated safe integer.
 */
import type { PoolClient } from 'pg';

/** An arbitrary constant naming Safetrail's migration lock among the database's advisory locks. */
export const MIGRATION_LOCK = 0x5afe7a11;

/**
 * 1: everything SQLite's schema 5 holds, for many schools from the start: each school has
 * its own log keyed by (school, index), and its ids and ciphertexts are unique within it.
 */
const INITIAL = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE setup_codes (
    n BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE schools (id TEXT PRIMARY KEY, name TEXT NOT NULL, created TEXT NOT NULL);
  CREATE TABLE recipient_sets (
    school TEXT NOT NULL REFERENCES schools(id),
    version INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (school, version)
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    school TEXT NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('dsl', 'tablet')),
    public_jwk TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    enrolled_by TEXT,
    last_seen_at TEXT,
    revoked_at TEXT,
    approved_at TEXT,
    person_name TEXT,
    queued BIGINT,
    oldest_queued_at TEXT,
    last_sync_at TEXT,
    reader_key TEXT
  );
  CREATE INDEX devices_school_idx ON devices (school, enrolled_at, id);
  CREATE TABLE enrollment_codes (
    code_hash TEXT PRIMARY KEY,
    school TEXT NOT NULL REFERENCES schools(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT,
    role TEXT NOT NULL DEFAULT 'tablet' CHECK (role IN ('dsl', 'tablet')),
    person_name TEXT
  );
  CREATE TABLE key_backups (
    device TEXT PRIMARY KEY REFERENCES devices(id),
    school TEXT NOT NULL REFERENCES schools(id),
    json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE policy_packs (
    id BIGSERIAL PRIMARY KEY,
    school TEXT NOT NULL REFERENCES schools(id),
    json TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
  );
  CREATE INDEX policy_packs_school_idx ON policy_packs (school, id);
  CREATE TABLE log (
    school TEXT NOT NULL REFERENCES schools(id),
    idx BIGINT NOT NULL,
    id TEXT NOT NULL,
    device TEXT NOT NULL,
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    created TEXT NOT NULL,
    size BIGINT NOT NULL,
    envelope_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    prev_head TEXT NOT NULL,
    head TEXT NOT NULL,
    received_at TEXT NOT NULL,
    receipt TEXT NOT NULL,
    ct_hash TEXT NOT NULL,
    PRIMARY KEY (school, idx),
    UNIQUE (school, id),
    UNIQUE (school, ct_hash)
  );
`;

/**
 * 2: retention erasure, as SQLite's schema 6: an erased log entry keeps its row with an
 * empty body and the time it was erased; each request is a row of the school's erasure log.
 */
const ERASURE = `
  ALTER TABLE log ADD COLUMN erased_at TEXT;
  CREATE TABLE erasures (
    school TEXT NOT NULL REFERENCES schools(id),
    idx BIGINT NOT NULL,
    device TEXT NOT NULL,
    at TEXT NOT NULL,
    ids TEXT NOT NULL,
    PRIMARY KEY (school, idx)
  );
`;

/**
 * 3: the school office's computer, a third device role, as SQLite's schema 7. PostgreSQL
 * changes a CHECK in place: the old ones (named by PostgreSQL's default rule, as INITIAL
 * created them) are dropped by name, so a database whose constraint is not where it should
 * be stops the upgrade instead of keeping the old rule silently.
 */
const OFFICE_ROLE = `
  ALTER TABLE devices DROP CONSTRAINT devices_role_check;
  ALTER TABLE devices ADD CONSTRAINT devices_role_check
    CHECK (role IN ('dsl', 'tablet', 'office'));
  ALTER TABLE enrollment_codes DROP CONSTRAINT enrollment_codes_role_check;
  ALTER TABLE enrollment_codes ADD CONSTRAINT enrollment_codes_role_check
    CHECK (role IN ('dsl', 'tablet', 'office'));
`;

/**
 * 4: how a log row's body is kept. Bodies are ciphertext, which does not compress, yet at
 * about 2 kB a typical one made PostgreSQL try (its default above a quarter of a page) on
 * every insert. Rows up to a page now stay whole and uncompressed, and larger bodies (a
 * record with attachments) are moved out of line without a compression attempt. Only new
 * rows are affected; nothing stored is rewritten.
 */
const BODY_STORAGE = `
  ALTER TABLE log SET (toast_tuple_target = 8160);
  ALTER TABLE log ALTER COLUMN body SET STORAGE EXTERNAL;
`;

export const PG_MIGRATIONS: string[] = [INITIAL, ERASURE, OFFICE_ROLE, BODY_STORAGE];
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

async function currentVersion(client: PoolClient): Promise<number> {
  await client.query('CREATE TABLE IF NOT EXISTS safetrail_schema (version INTEGER NOT NULL)');
  const { rows } = await client.query<{ version: number }>('SELECT version FROM safetrail_schema');
  if (rows.length === 0) {
    await client.query('INSERT INTO safetrail_schema (version) VALUES (0)');
    return 0;
  }
  return rows[0]!.version;
}

/** Brings the database up to `target` (the latest unless a test asks for an older one). */
export async function migratePostgres(
  client: PoolClient,
  target = PG_SCHEMA_VERSION,
): Promise<void> {
  for (;;) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const version = await currentVersion(client);
      if (version > PG_SCHEMA_VERSION) {
        throw new Error(
          `The database was written by a newer Safetrail (schema ${version}, this one knows ${PG_SCHEMA_VERSION}). Upgrade Safetrail instead.`,
        );
      }
      if (version >= target) {
        await client.query('COMMIT');
        return;
      }
      await client.query(PG_MIGRATIONS[version]!);
      await client.query('UPDATE safetrail_schema SET version = $1', [version + 1]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  }
}
