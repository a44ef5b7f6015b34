/**
 * The SQLite schema and its migrations. Each migration runs once, in order, inside one
 * transaction with the `user_version` bump, so a crash mid-upgrade leaves the previous
 * version intact. Append new migrations to the list; never edit one that has shipped.
 * A migration is SQL, or a function when it must compute something SQL cannot, or a table
 * rebuild (SQLite cannot change a column's CHECK in place).
 */
import type Database from 'better-sqlite3';
import {
  DEVICE_LIFECYCLE,
  ERASURE,
  HUB,
  OFFICE_ROLE,
  backfillCtHash,
  type Migration,
} from './sqlite-migration-steps.ts';

export const MIGRATIONS: Migration[] = [
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
  (db) => {
    db.exec(DEVICE_LIFECYCLE);
    backfillCtHash(db);
  },
  // 3: a DSL device's announced reader key, so another DSL can add it to the recipient set.
  `ALTER TABLE devices ADD COLUMN reader_key TEXT;`,
  // 4: the school's policy packs, newest last (procedures are data a DSL can replace).
  `CREATE TABLE policy_packs (
     id INTEGER PRIMARY KEY,
     school TEXT NOT NULL REFERENCES school(id),
     json TEXT NOT NULL,
     uploaded_by TEXT NOT NULL,
     uploaded_at TEXT NOT NULL
   );`,
  HUB,
  ERASURE,
  OFFICE_ROLE,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database up to `target` (the latest unless a test asks for an older one). */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `The database was written by a newer Safetrail (schema ${current}, this one knows ${SCHEMA_VERSION}). Upgrade Safetrail instead.`,
    );
  }
  for (let v = current; v < target; v++) {
    const migration = MIGRATIONS[v]!;
    if (typeof migration === 'object') {
      rebuild(db, migration.rebuild, v + 1);
      continue;
    }
    db.transaction(() => {
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Runs a Rebuild with foreign keys unenforced, checking them all before it commits. */
function rebuild(db: Database.Database, sql: string, version: number): void {
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0)
        throw new Error(
          `Schema ${version} would break ${broken.length} references; nothing changed.`,
        );
      db.pragma(`user_version = ${version}`);
    })();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}
