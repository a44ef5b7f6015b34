/**
 * Each school's hash-chained log in PostgreSQL, and its erasure log. What an upload does to
 * the log (look it up, then compare-and-append) is in postgres-append.ts.
 *
 * Erasing empties the body in place. PostgreSQL keeps the old row version until (auto)vacuum
 * reclaims it, so the ciphertext is gone from every read at once and from the files soon
 * after; threat-model.md says so.
 */
import type pg from 'pg';
import { all, lockSchool, one, PG_ERASURE_COLUMNS, PG_LOG_COLUMNS, tx } from './postgres-db.ts';
import { toErasure } from './sqlite-rows.ts';
import type { ErasureRecord, LogEntry, LogTail } from './types.ts';

export function logTail(pool: pg.Pool | pg.PoolClient, school: string): Promise<LogTail | null> {
  const sql = 'SELECT idx AS "index", head FROM log WHERE school = $1 ORDER BY idx DESC LIMIT 1';
  return one<LogTail>(pool, sql, [school]);
}

export function findLogEntry(pool: pg.Pool, school: string, id: string): Promise<LogEntry | null> {
  const sql = `SELECT ${PG_LOG_COLUMNS} FROM log WHERE school = $1 AND id = $2`;
  return one<LogEntry>(pool, sql, [school, id]);
}

/**
 * A page of the log. The sizes are read first (octet_length reads a stored length, not the
 * body), so bodies past the byte budget are never fetched: a page of attachments stays a
 * page. Entries are only ever appended or erased, so the two reads agree on which entries
 * there are (an entry erased in between comes back with an empty body, as it should).
 */
export async function readLog(
  pool: pg.Pool,
  school: string,
  after: number,
  limit: number,
  maxBytes: number,
): Promise<LogEntry[]> {
  const sizes = await all<{ idx: number; bytes: number }>(
    pool,
    `SELECT idx, octet_length(body) AS bytes FROM log WHERE school = $1 AND idx > $2
     ORDER BY idx LIMIT $3`,
    [school, after, limit],
  );
  let bytes = 0;
  let last = after;
  for (const [i, s] of sizes.entries()) {
    bytes += s.bytes;
    if (i > 0 && bytes > maxBytes) break;
    last = s.idx;
  }
  if (last === after) return [];
  const sql = `SELECT ${PG_LOG_COLUMNS} FROM log WHERE school = $1 AND idx > $2 AND idx <= $3
    ORDER BY idx`;
  return all<LogEntry>(pool, sql, [school, after, last]);
}

export function eraseEnvelopes(
  pool: pg.Pool,
  school: string,
  ids: string[],
  device: string,
  at: string,
): Promise<ErasureRecord> {
  return tx(pool, async (client) => {
    // The school's lock orders erasures (their indexes) and appends alike.
    if (!(await lockSchool(client, school))) throw new Error('No such school in the store');
    const unique = [...new Set(ids)];
    const done = await all<{ id: string }>(
      client,
      `UPDATE log SET body = '', erased_at = $3
       WHERE school = $1 AND id = ANY($2::text[]) AND erased_at IS NULL RETURNING id`,
      [school, unique, at],
    );
    const erasedSet = new Set(done.map((r) => r.id));
    const erased = unique.filter((id) => erasedSet.has(id));
    const last = await one<{ n: number | null }>(
      client,
      'SELECT MAX(idx) AS n FROM erasures WHERE school = $1',
      [school],
    );
    const record = { school, index: (last?.n ?? 0) + 1, device, at, ids: erased };
    await client.query(
      'INSERT INTO erasures (school, idx, device, at, ids) VALUES ($1, $2, $3, $4, $5)',
      [school, record.index, device, at, JSON.stringify(erased)],
    );
    return record;
  });
}

export async function listErasures(
  pool: pg.Pool,
  school: string,
  after: number,
  limit: number,
): Promise<ErasureRecord[]> {
  const sql = `SELECT ${PG_ERASURE_COLUMNS} FROM erasures WHERE school = $1 AND idx > $2
    ORDER BY idx LIMIT $3`;
  return (await all<Parameters<typeof toErasure>[0]>(pool, sql, [school, after, limit])).map(
    toErasure,
  );
}
