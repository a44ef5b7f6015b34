/**
 * Each school's hash-chained log in PostgreSQL, and its erasure log. appendLogBatch is a
 * compare-and-append: in one transaction it locks the school's row (so appends to one school
 * queue up, while other schools' appends run alongside), re-reads the tail, checks the ids
 * and ciphertexts are new, and inserts every entry with one statement, so a whole upload
 * costs a handful of round trips rather than a handful per envelope. The primary key
 * (school, index) and the unique (school, id) and (school, ct_hash) are a second line of
 * defence: if a writer ever got past the lock, the database itself would refuse the fork,
 * which is reported as the tail having moved. Committed means durable (synchronous_commit
 * is on by default), so a receipt is only sent for an entry that survives a crash.
 *
 * Erasing empties the body in place. PostgreSQL keeps the old row version until (auto)vacuum
 * reclaims it, so the ciphertext is gone from every read at once and from the files soon
 * after; threat-model.md says so.
 */
import type pg from 'pg';
import {
  all,
  isUniqueViolation,
  lockSchool,
  one,
  PG_ERASURE_COLUMNS,
  PG_LOG_COLUMNS,
  tx,
} from './postgres-db.ts';
import { assertConsecutive } from './sqlite-log.ts';
import { toErasure } from './sqlite-rows.ts';
import type {
  AppendOutcome,
  ErasureRecord,
  KnownEntry,
  LogEntry,
  LogLookup,
  LogTail,
  NewLogEntry,
} from './types.ts';

export function logTail(pool: pg.Pool | pg.PoolClient, school: string): Promise<LogTail | null> {
  const sql = 'SELECT idx AS "index", head FROM log WHERE school = $1 ORDER BY idx DESC LIMIT 1';
  return one<LogTail>(pool, sql, [school]);
}

/** The first id or ciphertext problem in `entries`, against the log and each other. */
async function clash(client: pg.PoolClient, entries: NewLogEntry[]): Promise<AppendOutcome | null> {
  const rows = await all<{ id: string; ct_hash: string }>(
    client,
    `SELECT id, ct_hash FROM log WHERE school = $1 AND (id = ANY($2::text[]) OR ct_hash = ANY($3::text[]))`,
    [entries[0]!.school, entries.map((e) => e.id), entries.map((e) => e.ctHash)],
  );
  const ids = new Set(rows.map((r) => r.id));
  const cts = new Set(rows.map((r) => r.ct_hash));
  for (const e of entries) {
    if (ids.has(e.id)) return 'id-exists';
    if (cts.has(e.ctHash)) return 'ct-exists';
    ids.add(e.id);
    cts.add(e.ctHash);
  }
  return null;
}

const COLUMNS: [keyof NewLogEntry, string][] = [
  ['index', 'bigint'],
  ['id', 'text'],
  ['device', 'text'],
  ['seq', 'bigint'],
  ['kind', 'text'],
  ['created', 'text'],
  ['size', 'bigint'],
  ['envelopeHash', 'text'],
  ['body', 'text'],
  ['prevHead', 'text'],
  ['head', 'text'],
  ['receivedAt', 'text'],
  ['receipt', 'text'],
  ['ctHash', 'text'],
];

/** One INSERT for the whole batch: each column is passed as an array and unnested. */
const INSERT = `INSERT INTO log (school, idx, id, device, seq, kind, created, size, envelope_hash,
    body, prev_head, head, received_at, receipt, ct_hash)
  SELECT $1::text, * FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ')})`;

export async function appendLogBatch(
  pool: pg.Pool,
  entries: NewLogEntry[],
): Promise<AppendOutcome> {
  if (entries.length === 0) return 'appended';
  assertConsecutive(entries);
  const first = entries[0]!;
  try {
    return await tx(pool, async (client): Promise<AppendOutcome> => {
      // No such school: nothing can be appended, and the caller's retry will not help.
      if (!(await lockSchool(client, first.school))) throw new Error('No such school in the store');
      const problem = await clash(client, entries);
      if (problem) return problem;
      const tail = await logTail(client, first.school);
      if ((tail?.index ?? 0) !== first.index - 1 || (tail && tail.head !== first.prevHead))
        return 'tail-moved';
      await client.query(INSERT, [
        first.school,
        ...COLUMNS.map(([key]) => entries.map((e) => e[key])),
      ]);
      return 'appended';
    });
  } catch (err) {
    if (isUniqueViolation(err)) return 'tail-moved';
    throw err;
  }
}

export async function lookupLog(
  pool: pg.Pool,
  school: string,
  ids: string[],
  ctHashes: string[],
): Promise<LogLookup> {
  const [tail, rows] = await Promise.all([
    logTail(pool, school),
    all<KnownEntry & { ctHash: string }>(
      pool,
      `SELECT id, envelope_hash AS "envelopeHash", receipt, ct_hash AS "ctHash" FROM log
       WHERE school = $1 AND (id = ANY($2::text[]) OR ct_hash = ANY($3::text[]))`,
      [school, ids, ctHashes],
    ),
  ]);
  const wanted = new Set(ids);
  const cts = new Set(ctHashes);
  return {
    tail,
    known: rows
      .filter((r) => wanted.has(r.id))
      .map(({ id, envelopeHash, receipt }) => ({ id, envelopeHash, receipt })),
    ctHashes: rows.filter((r) => cts.has(r.ctHash)).map((r) => r.ctHash),
  };
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
