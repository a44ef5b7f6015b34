/**
 * Each school's hash-chained log in SQLite, and its erasure log. SQLite has one writer, so
 * each compare-and-append is simply one transaction: re-read the tail, check the ids and
 * ciphertexts are new, insert. A batch is one transaction too, so a whole upload costs one
 * commit (one fsync) instead of one per envelope. Statements are prepared once.
 *
 * Erasing keeps the row and empties its body: secure_delete (set by the store) makes
 * SQLite zero the freed space, and a checkpoint afterwards copies the change into the main
 * file and empties the write-ahead log, which still held pages with the old ciphertext.
 */
import type Database from 'better-sqlite3';
import { ERASURE_COLUMNS, LOG_COLUMNS, toErasure } from './sqlite-rows.ts';
import {
  MAX_APPEND_BATCH,
  type AppendOutcome,
  type ErasureRecord,
  type KnownEntry,
  type LogEntry,
  type LogLookup,
  type LogTail,
  type NewLogEntry,
} from './types.ts';

type ErasureRow = Parameters<typeof toErasure>[0];

export class SqliteLog {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    const where = 'FROM log WHERE school = ? AND';
    this.q = {
      tail: db.prepare(
        'SELECT idx AS "index", head FROM log WHERE school = ? ORDER BY idx DESC LIMIT 1',
      ),
      hasId: db.prepare(`SELECT 1 ${where} id = ?`),
      hasCt: db.prepare(`SELECT 1 ${where} ct_hash = ?`),
      known: db.prepare(`SELECT id, envelope_hash AS envelopeHash, receipt ${where} id = ?`),
      find: db.prepare(`SELECT ${LOG_COLUMNS} ${where} id = ?`),
      page: db.prepare(`SELECT ${LOG_COLUMNS} ${where} idx > ? ORDER BY idx LIMIT ?`),
      insert: db.prepare(
        `INSERT INTO log (idx, id, school, device, seq, kind, created, size, envelope_hash, body,
           prev_head, head, received_at, receipt, ct_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      erase: db.prepare(
        `UPDATE log SET body = '', erased_at = ?
         WHERE school = ? AND id = ? AND erased_at IS NULL`,
      ),
      lastErasure: db.prepare('SELECT MAX(idx) AS n FROM erasures WHERE school = ?'),
      addErasure: db.prepare(
        'INSERT INTO erasures (school, idx, device, at, ids) VALUES (?, ?, ?, ?, ?)',
      ),
      erasures: db.prepare(
        `SELECT ${ERASURE_COLUMNS} FROM erasures WHERE school = ? AND idx > ? ORDER BY idx LIMIT ?`,
      ),
    };
  }

  tail(school: string): LogTail | null {
    return (this.q.tail.get(school) as LogTail | undefined) ?? null;
  }

  append(entries: NewLogEntry[]): AppendOutcome {
    if (entries.length === 0) return 'appended';
    assertConsecutive(entries);
    return this.db.transaction((): AppendOutcome => {
      const { school } = entries[0]!;
      const ids = new Set<string>();
      const cts = new Set<string>();
      // Every check before any insert, so a refused batch leaves nothing behind.
      for (const e of entries) {
        if (ids.has(e.id) || this.q.hasId.get(school, e.id)) return 'id-exists';
        if (cts.has(e.ctHash) || this.q.hasCt.get(school, e.ctHash)) return 'ct-exists';
        ids.add(e.id);
        cts.add(e.ctHash);
      }
      const first = entries[0]!;
      const tail = this.tail(school);
      if ((tail?.index ?? 0) !== first.index - 1 || (tail && tail.head !== first.prevHead))
        return 'tail-moved';
      for (const e of entries) {
        this.q.insert.run(
          ...[e.index, e.id, e.school, e.device, e.seq, e.kind, e.created, e.size],
          ...[e.envelopeHash, e.body, e.prevHead, e.head, e.receivedAt, e.receipt, e.ctHash],
        );
      }
      return 'appended';
    })();
  }

  lookup(school: string, ids: string[], ctHashes: string[]): LogLookup {
    return this.db.transaction((): LogLookup => {
      const known: KnownEntry[] = [];
      for (const id of new Set(ids)) {
        const row = this.q.known.get(school, id) as KnownEntry | undefined;
        if (row) known.push(row);
      }
      const cts = [...new Set(ctHashes)].filter((ct) => this.q.hasCt.get(school, ct));
      return { tail: this.tail(school), known, ctHashes: cts };
    })();
  }

  find(school: string, id: string): LogEntry | null {
    return (this.q.find.get(school, id) as LogEntry | undefined) ?? null;
  }

  read(school: string, after: number, limit: number, maxBytes: number): LogEntry[] {
    const entries: LogEntry[] = [];
    let bytes = 0;
    for (const entry of this.q.page.iterate(school, after, limit) as Iterable<LogEntry>) {
      bytes += entry.body.length;
      if (entries.length > 0 && bytes > maxBytes) break;
      entries.push(entry);
    }
    return entries;
  }

  erase(school: string, ids: string[], device: string, at: string): ErasureRecord {
    const record = this.db.transaction((): ErasureRecord => {
      const erased = [...new Set(ids)].filter((id) => this.q.erase.run(at, school, id).changes);
      const last = (this.q.lastErasure.get(school) as { n: number | null }).n ?? 0;
      const record = { school, index: last + 1, device, at, ids: erased };
      this.q.addErasure.run(school, record.index, device, at, JSON.stringify(erased));
      return record;
    })();
    // Best effort: another process reading (a backup in progress) can hold the log back
    // (for up to the busy timeout); the next checkpoint finishes the job.
    if (record.ids.length > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return record;
  }

  listErasures(school: string, after: number, limit: number): ErasureRecord[] {
    return (this.q.erasures.all(school, after, limit) as ErasureRow[]).map(toErasure);
  }
}

/** A batch is one school's consecutive entries, each linked to the one before. */
export function assertConsecutive(entries: NewLogEntry[]): void {
  if (entries.length > MAX_APPEND_BATCH)
    throw new Error(`A log batch holds at most ${MAX_APPEND_BATCH} entries`);
  for (let i = 1; i < entries.length; i++) {
    const [prev, e] = [entries[i - 1]!, entries[i]!];
    if (e.school !== prev.school || e.index !== prev.index + 1 || e.prevHead !== prev.head)
      throw new Error('A log batch must be one school’s consecutive, linked entries');
  }
}
