/**
 * Each school's hash-chained log in PostgreSQL. appendLog is a compare-and-append: in one
 * transaction it locks the school's row (so appends to one school queue up, while other
 * schools' appends run alongside), re-reads the tail, checks the id and the ciphertext are
 * new, and inserts. The primary key (school, index) and the unique (school, id) and
 * (school, ct_hash) are a second line of defence: if a writer ever got past the lock, the
 * database itself would refuse the fork, which is reported as the tail having moved.
 * Committed means durable (synchronous_commit is on by default), so a receipt is only sent
 * for an entry that survives a crash.
 */
import type pg from 'pg';
import { all, isUniqueViolation, lockSchool, one, PG_LOG_COLUMNS, tx } from './postgres-db.ts';
import type { AppendOutcome, LogEntry, LogTail } from './types.ts';

export function logTail(pool: pg.Pool | pg.PoolClient, school: string): Promise<LogTail | null> {
  const sql = 'SELECT idx AS "index", head FROM log WHERE school = $1 ORDER BY idx DESC LIMIT 1';
  return one<LogTail>(pool, sql, [school]);
}

export async function appendLog(pool: pg.Pool, e: LogEntry): Promise<AppendOutcome> {
  try {
    return await tx(pool, async (client): Promise<AppendOutcome> => {
      // No such school: nothing can be appended, and the caller's retry will not help.
      if (!(await lockSchool(client, e.school))) throw new Error('No such school in the store');
      const where = 'FROM log WHERE school = $1 AND';
      if (await one(client, `SELECT 1 ${where} id = $2`, [e.school, e.id])) return 'id-exists';
      if (await one(client, `SELECT 1 ${where} ct_hash = $2`, [e.school, e.ctHash]))
        return 'ct-exists';
      const tail = await logTail(client, e.school);
      if ((tail?.index ?? 0) !== e.index - 1 || (tail && tail.head !== e.prevHead))
        return 'tail-moved';
      await client.query(
        `INSERT INTO log (idx, id, school, device, seq, kind, created, size, envelope_hash, body,
           prev_head, head, received_at, receipt, ct_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          ...[e.index, e.id, e.school, e.device, e.seq, e.kind, e.created, e.size],
          ...[e.envelopeHash, e.body, e.prevHead, e.head, e.receivedAt, e.receipt, e.ctHash],
        ],
      );
      return 'appended';
    });
  } catch (err) {
    if (isUniqueViolation(err)) return 'tail-moved';
    throw err;
  }
}

export function findLogEntry(pool: pg.Pool, school: string, id: string): Promise<LogEntry | null> {
  const sql = `SELECT ${PG_LOG_COLUMNS} FROM log WHERE school = $1 AND id = $2`;
  return one<LogEntry>(pool, sql, [school, id]);
}

/**
 * A page of the log. The sizes are read first (octet_length reads a stored length, not the
 * body), so bodies past the byte budget are never fetched: a page of attachments stays a
 * page. The log is append-only, so the two reads agree.
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
