/**
 * The embedded store: one SQLite file (`DATA_DIR/safetrail.sqlite`) through better-sqlite3,
 * in WAL mode so readers never wait for the writer. better-sqlite3 is synchronous, so each
 * atomic operation is one `db.transaction`; the async interface is kept for PostgreSQL.
 * Usually it holds one school; it can hold several (a small trust's hub), each with its own
 * log keyed by (school, index). Schools and set-up codes are in sqlite-schools.ts, the log
 * and the erasure log in sqlite-log.ts.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteDevices } from './sqlite-devices.ts';
import { SqliteLog } from './sqlite-log.ts';
import { CODE_COLUMNS, DEVICE_COLUMNS, toDevice } from './sqlite-rows.ts';
import { migrate, SCHEMA_VERSION } from './sqlite-schema.ts';
import { SqliteSchools } from './sqlite-schools.ts';
import type {
  AppendOutcome,
  ApproveOutcome,
  DeviceRecord,
  EndpointStore,
  EnrollmentCodeRecord,
  ErasureRecord,
  LogEntry,
  LogLookup,
  LogTail,
  MetaKey,
  NewDevice,
  NewLogEntry,
  NewSchool,
  RedeemOutcome,
  RevokeOutcome,
  SchoolRecord,
  SetupOutcome,
  StoredRecipientSet,
} from './types.ts';

export const SQLITE_FILE = 'safetrail.sqlite';

type DeviceRow = Parameters<typeof toDevice>[0];

export class SqliteStore implements EndpointStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly devices: SqliteDevices;
  private readonly schools: SqliteSchools;
  private readonly log: SqliteLog;

  /**
   * `readonly` opens an existing file (a backup being checked) without changing a byte of
   * it: no journal-mode switch and no migration (an older file is refused instead).
   */
  constructor(dataDir: string, options: { file?: string; readonly?: boolean } = {}) {
    const file = options.file ?? join(dataDir, SQLITE_FILE);
    if (options.readonly) {
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      const version = this.db.pragma('user_version', { simple: true });
      if (version !== SCHEMA_VERSION) {
        this.db.close();
        throw new Error(`${file} is at schema ${String(version)}, not ${SCHEMA_VERSION}.`);
      }
    } else {
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      // FULL: an acknowledged upload (the device deletes its copy on the receipt) must
      // survive a power cut, which NORMAL does not promise in WAL mode.
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      // An erased envelope's ciphertext is overwritten with zeros, not merely marked free.
      this.db.pragma('secure_delete = ON');
      migrate(this.db);
    }
    this.devices = new SqliteDevices(this.db);
    this.schools = new SqliteSchools(this.db, this.devices);
    this.log = new SqliteLog(this.db);
  }

  private one<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.db.prepare(sql).get(...params) as T | undefined;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }

  private run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params).changes;
  }

  async getMeta(key: MetaKey): Promise<string | null> {
    return this.one<{ value: string }>('SELECT value FROM meta WHERE key = ?', key)?.value ?? null;
  }

  async initMeta(key: MetaKey, value: string): Promise<string> {
    this.run('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)', key, value);
    return (await this.getMeta(key))!;
  }

  async getSchool(id: string): Promise<SchoolRecord | null> {
    return this.schools.get(id);
  }

  async listSchools(): Promise<SchoolRecord[]> {
    return this.schools.list();
  }

  async ensureSetupCodes(slots: number, make: () => string): Promise<string[]> {
    return this.schools.ensureCodes(slots, make);
  }

  async pendingSetupCodes(): Promise<string[]> {
    return this.schools.pendingCodes();
  }

  async setupSchool(input: NewSchool, setupCode: string): Promise<SetupOutcome> {
    return this.schools.setup(input, setupCode);
  }

  async latestRecipientSet(school: string): Promise<StoredRecipientSet | null> {
    const sql =
      'SELECT version, json FROM recipient_sets WHERE school = ? ORDER BY version DESC LIMIT 1';
    return this.one<StoredRecipientSet>(sql, school) ?? null;
  }

  async getRecipientSet(school: string, version: number): Promise<StoredRecipientSet | null> {
    const sql = 'SELECT version, json FROM recipient_sets WHERE school = ? AND version = ?';
    return this.one<StoredRecipientSet>(sql, school, version) ?? null;
  }

  async hasRecipientSet(school: string, version: number): Promise<boolean> {
    const sql = 'SELECT 1 FROM recipient_sets WHERE school = ? AND version = ?';
    return this.one(sql, school, version) !== undefined;
  }

  async addRecipientSet(school: string, set: StoredRecipientSet): Promise<boolean> {
    return this.db.transaction(() => {
      const sql = 'SELECT MAX(version) AS v FROM recipient_sets WHERE school = ?';
      const latest = this.one<{ v: number | null }>(sql, school)?.v ?? 0;
      if (latest + 1 !== set.version) return false;
      this.schools.insertRecipientSet(school, set);
      return true;
    })();
  }

  async getDevice(id: string): Promise<DeviceRecord | null> {
    const row = this.one<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`, id);
    return row ? toDevice(row) : null;
  }

  async listDevices(school: string): Promise<DeviceRecord[]> {
    const sql = `SELECT ${DEVICE_COLUMNS} FROM devices WHERE school = ? ORDER BY enrolled_at, id`;
    return this.all<DeviceRow>(sql, school).map(toDevice);
  }

  async touchDevice(id: string, at: string): Promise<void> {
    this.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', at, id);
  }

  async approveDevice(school: string, id: string, at: string): Promise<ApproveOutcome> {
    return this.devices.approve(school, id, at);
  }

  async revokeDevice(school: string, id: string, at: string): Promise<RevokeOutcome> {
    return this.devices.revoke(school, id, at);
  }

  async reportDeviceStatus(id: string, queued: number, oldestQueuedAt: string | null) {
    this.devices.reportStatus(id, queued, oldestQueuedAt);
  }

  async markSynced(id: string, at: string): Promise<void> {
    this.devices.markSynced(id, at);
  }

  async putKeyBackup(school: string, device: string, json: string, at: string): Promise<void> {
    this.devices.putKeyBackup(school, device, json, at);
  }

  async getKeyBackup(device: string): Promise<string | null> {
    return this.devices.getKeyBackup(device);
  }

  async getPolicy(school: string): Promise<string | null> {
    const sql = 'SELECT json FROM policy_packs WHERE school = ? ORDER BY id DESC LIMIT 1';
    return this.one<{ json: string }>(sql, school)?.json ?? null;
  }

  async putPolicy(school: string, json: string, by: string, at: string): Promise<void> {
    // Earlier packs are kept: which procedure applied on a given day is part of the record.
    this.run(
      'INSERT INTO policy_packs (school, json, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?)',
      school,
      json,
      by,
      at,
    );
  }

  async addEnrollmentCode(c: EnrollmentCodeRecord): Promise<void> {
    this.run(
      `INSERT INTO enrollment_codes (code_hash, school, created_by, created_at, expires_at, role,
         person_name)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ...[c.codeHash, c.school, c.createdBy, c.createdAt, c.expiresAt, c.role, c.personName],
    );
  }

  async getEnrollmentCode(codeHash: string): Promise<EnrollmentCodeRecord | null> {
    const sql = `SELECT ${CODE_COLUMNS} FROM enrollment_codes WHERE code_hash = ?`;
    return this.one<EnrollmentCodeRecord>(sql, codeHash) ?? null;
  }

  async redeemEnrollmentCode(codeHash: string, device: NewDevice, now: string) {
    return this.db.transaction((): RedeemOutcome => {
      const sql = `SELECT ${CODE_COLUMNS} FROM enrollment_codes WHERE code_hash = ?`;
      const code = this.one<EnrollmentCodeRecord>(sql, codeHash);
      if (!code) return 'unknown';
      if (code.usedAt !== null) return 'used';
      if (code.expiresAt <= now) return 'expired';
      const mark = 'UPDATE enrollment_codes SET used_at = ?, used_by = ? WHERE code_hash = ?';
      this.run(mark, now, device.id, codeHash);
      this.devices.insert(device);
      return 'registered';
    })();
  }

  async logTail(school: string): Promise<LogTail | null> {
    return this.log.tail(school);
  }

  async appendLog(entry: NewLogEntry): Promise<AppendOutcome> {
    return this.log.append([entry]);
  }

  async appendLogBatch(entries: NewLogEntry[]): Promise<AppendOutcome> {
    return this.log.append(entries);
  }

  async lookupLog(school: string, ids: string[], ctHashes: string[]): Promise<LogLookup> {
    return this.log.lookup(school, ids, ctHashes);
  }

  async findLogEntry(school: string, id: string): Promise<LogEntry | null> {
    return this.log.find(school, id);
  }

  async readLog(school: string, after: number, limit: number, maxBytes = Infinity) {
    return this.log.read(school, after, limit, maxBytes);
  }

  async eraseEnvelopes(school: string, ids: string[], device: string, at: string) {
    return this.log.erase(school, ids, device, at);
  }

  async listErasures(school: string, after: number, limit: number): Promise<ErasureRecord[]> {
    return this.log.listErasures(school, after, limit);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
