/**
 * Fills a school's log with many entries fast, straight into the store's database in big
 * transactions (never over HTTP), so the ingest rate can be measured against a log of
 * 10,000 to 1,000,000 entries. Run only while no endpoint has the database open: the
 * endpoint is (re)started on it afterwards, so nothing it keeps in memory goes stale.
 *
 * Each entry continues the school's real hash chain (index, previous head, head and
 * envelope hash are exactly what appendEnvelope would write, so verifyChain passes over
 * them) and has a body of a real envelope's shape and size: a sealed template with a fresh
 * id, seq and random ciphertext. Only the signatures are not real (the device's and the
 * receipt's): the endpoint checks them on upload, never in what it has stored, and signing
 * a million of each would take minutes.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { canonicalJson } from '../src/crypto/canonical-json.ts';
import type { Envelope } from '../src/crypto/envelope.ts';
import { ulid } from '../src/domain/ulid.ts';
import { genesisHead } from '../src/server/chain.ts';
import { SQLITE_FILE } from '../src/server/store/sqlite-store.ts';
import type { LogTail } from '../src/server/store/types.ts';

/** One log row as appendEnvelope writes it (the store's own types are being reworked). */
interface Entry {
  school: string;
  index: number;
  id: string;
  device: string;
  seq: number;
  kind: string;
  created: string;
  size: number;
  envelopeHash: string;
  body: string;
  prevHead: string;
  head: string;
  receivedAt: string;
  receipt: string;
  ctHash: string;
}

/** Rows per transaction. */
const CHUNK = 5_000;

const COLUMNS = [
  'school',
  'idx',
  'id',
  'device',
  'seq',
  'kind',
  'created',
  'size',
  'envelope_hash',
  'body',
  'prev_head',
  'head',
  'received_at',
  'receipt',
  'ct_hash',
] as const;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

const values = (e: Entry) => [
  ...[e.school, e.index, e.id, e.device, e.seq, e.kind, e.created, e.size, e.envelopeHash],
  ...[e.body, e.prevHead, e.head, e.receivedAt, e.receipt, e.ctHash],
];

/**
 * `template`'s canonical JSON cut where its id, seq and ciphertext go, so each body is a
 * join rather than a fresh canonicalisation (checked against canonicalJson once per chunk).
 */
function bodyMaker(template: Envelope): (id: string, seq: number, ct: string) => string {
  const marks = { id: '@@id@@', seq: Number.MAX_SAFE_INTEGER, ct: '@@ct@@' };
  const text = canonicalJson({ ...template, ...marks });
  const pattern = new RegExp(`${marks.id}|${marks.seq}|${marks.ct}`, 'g');
  const order = [...text.matchAll(pattern)].map((m) => m[0]);
  const parts = text.split(pattern);
  if (order.length !== 3) throw new Error('The envelope template has an unexpected shape.');
  return (id, seq, ct) => {
    const fill: Record<string, string> = {
      [marks.id]: id,
      [marks.seq]: String(seq),
      [marks.ct]: ct,
    };
    return (
      parts[0]! +
      fill[order[0]!]! +
      parts[1]! +
      fill[order[1]!]! +
      parts[2]! +
      fill[order[2]!]! +
      parts[3]!
    );
  };
}

/** The next `count` entries after `tail`, each a copy of `template` with its own id and ciphertext. */
function nextEntries(template: Envelope, tail: LogTail, count: number): Entry[] {
  const makeBody = bodyMaker(template);
  const ctBytes = Buffer.from(template.ct, 'base64url').length;
  const random = randomBytes(count * (ctBytes + 64));
  const entries: Entry[] = [];
  let { index, head } = tail;
  const now = new Date().toISOString();
  for (let i = 0; i < count; i++) {
    const raw = random.subarray(i * (ctBytes + 64), i * (ctBytes + 64) + ctBytes);
    const sig = random.subarray(i * (ctBytes + 64) + ctBytes, (i + 1) * (ctBytes + 64));
    const ct = raw.toString('base64url');
    const id = ulid();
    const seq = 1_000_000_000 + index;
    const body = makeBody(id, seq, ct);
    if (i === 0 && body !== canonicalJson({ ...template, id, seq, ct }))
      throw new Error('The filler body is not the canonical JSON of its envelope.');
    const envelopeHash = sha256(body); // = envelopeHash(envelope): SHA-256 of canonical JSON
    const prevHead = head;
    index++;
    head = sha256(`${prevHead}|${index}|${id}|${envelopeHash}`); // = nextHead()
    const receipt = {
      ...{ v: 1, school: template.school, id, envelopeHash, logIndex: index, chainHead: head },
      ...{ receivedAt: now, sig: sig.toString('base64url') },
    };
    entries.push({
      index,
      id,
      school: template.school,
      device: template.device,
      seq,
      kind: template.kind,
      created: template.created,
      size: template.size,
      envelopeHash,
      body,
      prevHead,
      head,
      receivedAt: now,
      receipt: JSON.stringify(receipt),
      ctHash: createHash('sha256').update(raw).digest('base64url'), // = ctHash(ct)
    });
  }
  return entries;
}

interface LogWriter {
  tail(school: string): Promise<LogTail | null>;
  insert(entries: Entry[]): Promise<void>;
  close(): Promise<void>;
}

function sqliteWriter(dataDir: string): LogWriter {
  const file = join(dataDir, SQLITE_FILE);
  const db = new Database(file);
  // Filler only, with the endpoint stopped: no journal and no flushes (a crash would only
  // lose filler), a big page cache for the index updates. The endpoint's own connection
  // sets its own synchronous = FULL, and WAL is switched back on below.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const tailSql = db.prepare(
    'SELECT idx AS "index", head FROM log WHERE school = ? ORDER BY idx DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO log (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertAll = db.transaction((entries: Entry[]) => {
    for (const e of entries) insert.run(...values(e));
  });
  return {
    tail: async (school) => (tailSql.get(school) as LogTail | undefined) ?? null,
    insert: async (entries) => void insertAll(entries),
    close: async () => {
      db.pragma('journal_mode = WAL');
      db.close();
      // Written without flushes: flush now, or the endpoint's first fsync would pay for
      // writing gigabytes of filler to disk in the middle of the timed uploads.
      const fd = openSync(file, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}

async function postgresWriter(url: string): Promise<LogWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const types: Record<string, string> = { idx: 'bigint', seq: 'bigint', size: 'bigint' };
  // One statement per chunk, its rows as one JSON parameter (node-pg's own array encoding
  // is far slower than JSON.stringify), unpacked by the server into columns.
  const sql = `INSERT INTO log (${COLUMNS.join(', ')})
    SELECT ${COLUMNS.join(', ')} FROM json_to_recordset($1::json)
    AS r(${COLUMNS.map((c) => `${c} ${types[c] ?? 'text'}`).join(', ')})`;
  return {
    tail: async (school) => {
      const { rows } = await client.query<{ index: string; head: string }>(
        'SELECT idx AS "index", head FROM log WHERE school = $1 ORDER BY idx DESC LIMIT 1',
        [school],
      );
      return rows[0] ? { index: Number(rows[0].index), head: rows[0].head } : null;
    },
    insert: async (entries) => {
      const rows = entries.map((e) => {
        const v = values(e);
        return Object.fromEntries(COLUMNS.map((c, i) => [c, v[i]]));
      });
      await client.query(sql, [JSON.stringify(rows)]);
    },
    close: async () => {
      // What autovacuum would have done by the time a real log reached this size: without
      // fresh statistics the planner would still think the table was empty, and without the
      // vacuum its first pass over the freshly written gigabytes would run during the timed
      // uploads (it was seen doing so), measuring the fill rather than the ingest.
      await client.query('VACUUM (ANALYZE) log');
      await client.query('CHECKPOINT');
      await client.end();
    },
  };
}

/**
 * Appends entries to `school`'s log until it holds `total`, continuing its chain from
 * whatever is there. Answers how many it added and the seconds spent making them.
 */
export async function fillLog(
  store: { dataDir: string } | { databaseUrl: string },
  school: string,
  template: Envelope,
  total: number,
): Promise<{ added: number; generating: number }> {
  const writer =
    'databaseUrl' in store ? await postgresWriter(store.databaseUrl) : sqliteWriter(store.dataDir);
  try {
    let tail = (await writer.tail(school)) ?? { index: 0, head: await genesisHead(school) };
    const start = tail.index;
    let generating = 0;
    // Generating the next chunk overlaps with the database writing the last (PostgreSQL
    // works in its own process; better-sqlite3 is synchronous, so there it does not).
    let pending: Promise<void> = Promise.resolve();
    while (tail.index < total) {
      const t0 = performance.now();
      const entries = nextEntries(template, tail, Math.min(CHUNK, total - tail.index));
      generating += performance.now() - t0;
      await pending;
      pending = writer.insert(entries);
      const last = entries[entries.length - 1]!;
      tail = { index: last.index, head: last.head };
    }
    await pending;
    return { added: tail.index - start, generating: generating / 1000 };
  } finally {
    await writer.close();
  }
}
