/**
 * Somewhere empty on the test cluster for each test that wants it, dropped afterwards, so
 * PostgreSQL tests are as isolated as SQLite ones with their temp folders. Usually a schema
 * of its own in the shared database, chosen through the connection's search_path (a few
 * milliseconds, where a new database costs a checkpoint); a whole database where the test
 * needs one (a backup with pg_dump, a restore into an empty database).
 */
import pg from 'pg';
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const freshName = () => `safetrail_${randomBytes(6).toString('hex')}`;

/** An empty schema in the cluster's database, which the returned address makes the default. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = freshName();
  await admin((c) => c.query(`CREATE SCHEMA ${name}`));
  const u = new URL(inject('pgUrl'));
  u.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: u.toString(),
    name,
    drop: () => admin((c) => c.query(`DROP SCHEMA ${name} CASCADE`)).then(() => undefined),
  };
}

/** A whole new database. */
export async function createWholeDatabase(): Promise<TestDatabase> {
  const name = freshName();
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(inject('pgUrl'));
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: () =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
