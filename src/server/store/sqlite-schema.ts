/**
 * The SQLite schema and its migrations. Each migration runs once, in order, inside one
 * transaction with the `user_version` bump, so a crash mid-upgrade leaves the previous
 * version intact. Append new migrations to the list; never edit one that has shipped.
 */
import type Database from 'better-sqlite3';

const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE school (id TEXT PRIMARY KEY, name TEXT NOT NULL, created TEXT NOT NULL);
  CREATE TABLE recipient_sets (
    school TEXT NOT NULL REFERENCES school(id),
    version INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (school, version)
  );
  CREATE TABLE key_backups (
    school TEXT NOT NULL REFERENCES school(id),
    dsl_name TEXT NOT NULL,
    json TEXT NOT NULL
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    school TEXT NOT NULL REFERENCES school(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('dsl', 'tablet')),
    public_jwk TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    enrolled_by TEXT,
    last_seen_at TEXT,
    revoked_at TEXT
  );
  CREATE TABLE enrollment_codes (
    code_hash TEXT PRIMARY KEY,
    school TEXT NOT NULL REFERENCES school(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT
  );
  CREATE TABLE log (
    idx INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    school TEXT NOT NULL REFERENCES school(id),
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
    receipt TEXT NOT NULL
  );
  CREATE INDEX log_school_idx ON log (school, idx);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `The database was written by a newer Safetrail (schema ${current}, this one knows ${SCHEMA_VERSION}). Upgrade Safetrail instead.`,
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
