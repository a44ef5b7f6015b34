/**
 * What an upload does to a school's log in PostgreSQL: one query to look the log up (its
 * tail, and which of the upload's ids and ciphertexts it already holds), then one statement
 * appending the whole batch. One round trip each: as a transaction of separate checks and
 * an insert, the append cost six, and on a busy machine each round trip waits for the
 * server process to be scheduled.
 *
 * The append is a compare-and-append. The statement inserts the batch only if it continues
 * the tail the statement reads, and the unique keys refuse the rest: (school, id) and
 * (school, ct_hash) an id or ciphertext the log already holds (or the batch repeats), and
 * (school, index) a fork. The keys hold against every committed row, whatever the
 * statement's snapshot, so a writer that committed after the tail was read cannot slip in
 * between: the batch's first index would collide with that writer's. Two appends at one
 * place never both succeed, as with a lock on the school's row; the loser is refused whole
 * and told why by one more lookup (only a race or a bad batch pays for it), and the caller
 * reads the log again. The statement is its own transaction and answers only after its
 * commit, and committed means durable (synchronous_commit is on by default), so a receipt
 * is only ever sent for an entry that survives a crash.
 */
import type pg from 'pg';
import { isUniqueViolation, one } from './postgres-db.ts';
import { assertConsecutive } from './sqlite-log.ts';
import type { AppendOutcome, KnownEntry, LogLookup, NewLogEntry } from './types.ts';

const TAIL = 'SELECT idx, head FROM log WHERE school = $1 ORDER BY idx DESC LIMIT 1';

const KNOWN = 'id, envelope_hash AS "envelopeHash", receipt, ct_hash AS "ctHash"';

/**
 * Named, so each pooled connection parses and plans it once. Each id and ciphertext is one
 * probe of its unique index (LATERAL, so the plan cannot become a join over all the school's
 * entries, which a plan cached while the log was small might otherwise be).
 */
const LOOKUP = {
  name: 'safetrail_lookup_log',
  text: `WITH tail AS (${TAIL}), known AS (
    SELECT found.* FROM unnest($2::text[]) AS wanted (id), LATERAL (
      SELECT ${KNOWN} FROM log WHERE school = $1 AND id = wanted.id LIMIT 1) AS found
    UNION
    SELECT found.* FROM unnest($3::text[]) AS wanted (ct_hash), LATERAL (
      SELECT ${KNOWN} FROM log WHERE school = $1 AND ct_hash = wanted.ct_hash LIMIT 1) AS found
  )
  SELECT (SELECT idx FROM tail) AS "tailIndex", (SELECT head FROM tail) AS "tailHead",
    (SELECT coalesce(json_agg(known), '[]') FROM known) AS known`,
};

export async function lookupLog(
  pool: pg.Pool,
  school: string,
  ids: string[],
  ctHashes: string[],
): Promise<LogLookup> {
  const row = (await one<{
    tailIndex: number | null;
    tailHead: string | null;
    known: (KnownEntry & { ctHash: string })[];
  }>(pool, LOOKUP, [school, ids, ctHashes]))!;
  const wanted = new Set(ids);
  const cts = new Set(ctHashes);
  return {
    tail: row.tailIndex === null ? null : { index: row.tailIndex, head: row.tailHead! },
    known: row.known
      .filter((k) => wanted.has(k.id))
      .map(({ id, envelopeHash, receipt }) => ({ id, envelopeHash, receipt })),
    ctHashes: row.known.filter((k) => cts.has(k.ctHash)).map((k) => k.ctHash),
  };
}

const COLUMNS: [keyof NewLogEntry, string, string][] = [
  ['index', 'idx', 'bigint'],
  ['id', 'id', 'text'],
  ['device', 'device', 'text'],
  ['seq', 'seq', 'bigint'],
  ['kind', 'kind', 'text'],
  ['created', 'created', 'text'],
  ['size', 'size', 'bigint'],
  ['envelopeHash', 'envelope_hash', 'text'],
  ['body', 'body', 'text'],
  ['prevHead', 'prev_head', 'text'],
  ['head', 'head', 'text'],
  ['receivedAt', 'received_at', 'text'],
  ['receipt', 'receipt', 'text'],
  ['ctHash', 'ct_hash', 'text'],
];

/**
 * The append for a batch of `rows` entries, named per batch size (at most MAX_BATCH), so
 * each pooled connection parses and plans each size once. Every value is a parameter of
 * its own, $2… row by row after the school ($1): PostgreSQL binds them as they are, where
 * the whole batch as one array per column had to be parsed out of array text first (and
 * escaped into it), which cost more than the insert itself. `continues` is an uncorrelated
 * subquery, decided once, before any row is inserted.
 */
function appendStatement(rows: number): { name: string; text: string } {
  const width = COLUMNS.length;
  const param = (row: number, key: keyof NewLogEntry) => {
    const i = COLUMNS.findIndex(([k]) => k === key);
    return `$${2 + row * width + i}::${COLUMNS[i]![2]}`;
  };
  const values = Array.from(
    { length: rows },
    (_, row) => `(${COLUMNS.map(([key]) => param(row, key)).join(', ')})`,
  );
  const columns = COLUMNS.map(([, column]) => column).join(', ');
  return {
    name: `safetrail_append_log_${rows}`,
    text: `WITH tail AS (${TAIL}), verdict AS (
    SELECT EXISTS (SELECT 1 FROM schools WHERE id = $1) AS school,
      coalesce((SELECT idx FROM tail), 0) = ${param(0, 'index')} - 1
        AND coalesce((SELECT head FROM tail) = ${param(0, 'prevHead')}, true) AS continues
  ), added AS (
    INSERT INTO log (school, ${columns})
    SELECT $1, * FROM (VALUES ${values.join(', ')}) AS batch (${columns})
    WHERE (SELECT school AND continues FROM verdict)
    RETURNING 1
  )
  SELECT (SELECT school FROM verdict) AS school, (SELECT count(*) FROM added) AS added`,
  };
}

const appendStatements = new Map<number, { name: string; text: string }>();

function appendFor(rows: number): { name: string; text: string } {
  let statement = appendStatements.get(rows);
  if (!statement) appendStatements.set(rows, (statement = appendStatement(rows)));
  return statement;
}

/**
 * The first id or ciphertext problem in `entries`, against those the log holds and each
 * other, in the batch's order (as SQLite's store answers).
 */
function clash(entries: NewLogEntry[], ids: Set<string>, cts: Set<string>): AppendOutcome | null {
  for (const e of entries) {
    if (ids.has(e.id)) return 'id-exists';
    if (cts.has(e.ctHash)) return 'ct-exists';
    ids.add(e.id);
    cts.add(e.ctHash);
  }
  return null;
}

export async function appendLogBatch(
  pool: pg.Pool,
  entries: NewLogEntry[],
): Promise<AppendOutcome> {
  if (entries.length === 0) return 'appended';
  assertConsecutive(entries);
  const { school } = entries[0]!;
  const values: unknown[] = [school];
  for (const e of entries) for (const [key] of COLUMNS) values.push(e[key]);
  try {
    const verdict = (await one<{ school: boolean; added: number }>(
      pool,
      appendFor(entries.length),
      values,
    ))!;
    // No such school: nothing can be appended, and the caller's retry will not help.
    if (!verdict.school) throw new Error('No such school in the store');
    if (verdict.added > 0) return 'appended';
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const look = await lookupLog(
    pool,
    school,
    entries.map((e) => e.id),
    entries.map((e) => e.ctHash),
  );
  const ids = new Set(look.known.map((k) => k.id));
  return clash(entries, ids, new Set(look.ctHashes)) ?? 'tail-moved';
}
