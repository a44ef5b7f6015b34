/**
 * The small layer between the PostgreSQL store and the `pg` driver: a pool whose BIGINT
 * columns come back as numbers, one-row and many-row queries, and `tx`, which runs a
 * function in a transaction on one connection and rolls back if it throws. Column lists
 * are SQLite's (sqlite-rows.ts) with the aliases quoted, because PostgreSQL folds unquoted
 * names to lower case and the records use camelCase.
 */
import pg from 'pg';
import { CODE_COLUMNS, DEVICE_COLUMNS, ERASURE_COLUMNS, LOG_COLUMNS } from './sqlite-rows.ts';

export type Db = pg.Pool | pg.PoolClient;

const INT8 = 20;

export function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // Counters and indexes are validated safe integers: read them as numbers, not strings.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server (a restart, a failover) must not crash the
  // endpoint; the pool opens a new one for the next query.
  pool.on('error', () => undefined);
  return pool;
}

const quoteAliases = (columns: string) => columns.replace(/ AS (\w+)/g, ' AS "$1"');
export const PG_DEVICE_COLUMNS = quoteAliases(DEVICE_COLUMNS);
export const PG_CODE_COLUMNS = quoteAliases(CODE_COLUMNS);
export const PG_LOG_COLUMNS = quoteAliases(LOG_COLUMNS);
export const PG_ERASURE_COLUMNS = ERASURE_COLUMNS;

/**
 * SQL text, or a named statement: the hot paths' statements are named, so each pooled
 * connection parses and plans them once rather than on every call.
 */
export type Sql = string | { name: string; text: string };

const config = (sql: Sql, values: unknown[]) =>
  typeof sql === 'string' ? { text: sql, values } : { ...sql, values };

export async function one<T>(db: Db, sql: Sql, params: unknown[] = []): Promise<T | null> {
  const { rows } = await db.query(config(sql, params));
  return (rows[0] as T | undefined) ?? null;
}

export async function all<T>(db: Db, sql: Sql, params: unknown[] = []): Promise<T[]> {
  return (await db.query(config(sql, params))).rows as T[];
}

export async function run(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  return (await db.query(sql, params)).rowCount ?? 0;
}

/** Runs `fn` in one transaction: committed if it returns, rolled back if it throws. */
export async function tx<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Locks a school's row until the transaction ends: every change whose check reads more than
 * one row (the last approved DSL, the next recipient-set version, the erasure log's tail)
 * takes it first, so two of them for one school run one after the other (appending to the
 * log needs no lock: see postgres-append.ts). NO KEY UPDATE, so inserts
 * elsewhere that merely reference the school (their foreign-key check) are not held up.
 */
export async function lockSchool(client: pg.PoolClient, school: string): Promise<boolean> {
  const sql = 'SELECT 1 FROM schools WHERE id = $1 FOR NO KEY UPDATE';
  return (await one(client, sql, [school])) !== null;
}

/** True for a unique-constraint violation: another transaction got there first. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505';
}
