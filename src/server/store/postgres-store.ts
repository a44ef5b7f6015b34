/**
 * The PostgreSQL store, for a trust running one hub for many schools (`DATABASE_URL`). It
 * keeps the same contract as the SQLite store (types.ts) and passes the same contract
 * tests: every change that must not half-happen is one transaction, and every check that
 * reads several rows first locks the school's row (postgres-db.ts), which is what SQLite's
 * single writer gives for free; appending to the log is one statement the unique keys keep
 * correct instead (postgres-append.ts). Schools and set-up codes are in postgres-schools.ts,
 * the device lifecycle in postgres-devices.ts, reading the log and the erasure log in
 * postgres-log.ts.
 */
import type pg from 'pg';
import { appendLogBatch, lookupLog } from './postgres-append.ts';
import {
  all,
  createPool,
  lockSchool,
  one,
  PG_CODE_COLUMNS,
  PG_DEVICE_COLUMNS,
  run,
  tx,
} from './postgres-db.ts';
import * as devices from './postgres-devices.ts';
import * as log from './postgres-log.ts';
import { migratePostgres } from './postgres-schema.ts';
import * as schools from './postgres-schools.ts';
import { toDevice } from './sqlite-rows.ts';
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

type DeviceRow = Parameters<typeof toDevice>[0];

export class PostgresStore implements EndpointStore {
  readonly kind = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and brings the schema up to date; fails with the driver's error if it cannot. */
  static async open(connectionString: string): Promise<PostgresStore> {
    const pool = createPool(connectionString);
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client);
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStore(pool);
  }

  async getMeta(key: MetaKey): Promise<string | null> {
    const row = await one<{ value: string }>(this.pool, 'SELECT value FROM meta WHERE key = $1', [
      key,
    ]);
    return row?.value ?? null;
  }

  async initMeta(key: MetaKey, value: string): Promise<string> {
    const sql = 'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING';
    await run(this.pool, sql, [key, value]);
    return (await this.getMeta(key))!;
  }

  getSchool(id: string): Promise<SchoolRecord | null> {
    return one<SchoolRecord>(this.pool, 'SELECT id, name, created FROM schools WHERE id = $1', [
      id,
    ]);
  }

  listSchools(): Promise<SchoolRecord[]> {
    return all<SchoolRecord>(
      this.pool,
      'SELECT id, name, created FROM schools ORDER BY created, id',
    );
  }

  ensureSetupCodes(slots: number, make: () => string): Promise<string[]> {
    return schools.ensureSetupCodes(this.pool, slots, make);
  }

  pendingSetupCodes(): Promise<string[]> {
    return schools.pendingSetupCodes(this.pool);
  }

  setupSchool(input: NewSchool, setupCode: string): Promise<SetupOutcome> {
    return schools.setupSchool(this.pool, input, setupCode);
  }

  latestRecipientSet(school: string): Promise<StoredRecipientSet | null> {
    const sql =
      'SELECT version, json FROM recipient_sets WHERE school = $1 ORDER BY version DESC LIMIT 1';
    return one<StoredRecipientSet>(this.pool, sql, [school]);
  }

  getRecipientSet(school: string, version: number): Promise<StoredRecipientSet | null> {
    const sql = 'SELECT version, json FROM recipient_sets WHERE school = $1 AND version = $2';
    return one<StoredRecipientSet>(this.pool, sql, [school, version]);
  }

  /**
   * Recipient sets are only ever added, never changed or removed, so one found is there for
   * good: every upload asks, and remembering saves it a round trip. What is not found is
   * asked again (another hub process may add it).
   */
  private readonly knownSets = new Set<string>();

  async hasRecipientSet(school: string, version: number): Promise<boolean> {
    const key = `${version} ${school}`;
    if (this.knownSets.has(key)) return true;
    const sql = 'SELECT 1 FROM recipient_sets WHERE school = $1 AND version = $2';
    const found = (await one(this.pool, sql, [school, version])) !== null;
    if (found) this.knownSets.add(key);
    return found;
  }

  addRecipientSet(school: string, set: StoredRecipientSet): Promise<boolean> {
    return tx(this.pool, async (client) => {
      if (!(await lockSchool(client, school))) return false;
      const sql = 'SELECT MAX(version) AS v FROM recipient_sets WHERE school = $1';
      const latest = (await one<{ v: number | null }>(client, sql, [school]))?.v ?? 0;
      if (latest + 1 !== set.version) return false;
      await schools.insertRecipientSet(client, school, set);
      return true;
    });
  }

  async getDevice(id: string): Promise<DeviceRecord | null> {
    const sql = `SELECT ${PG_DEVICE_COLUMNS} FROM devices WHERE id = $1`;
    const row = await one<DeviceRow>(this.pool, sql, [id]);
    return row ? toDevice(row) : null;
  }

  async listDevices(school: string): Promise<DeviceRecord[]> {
    const sql = `SELECT ${PG_DEVICE_COLUMNS} FROM devices WHERE school = $1 ORDER BY enrolled_at, id`;
    return (await all<DeviceRow>(this.pool, sql, [school])).map(toDevice);
  }

  async touchDevice(id: string, at: string): Promise<void> {
    await run(this.pool, 'UPDATE devices SET last_seen_at = $1 WHERE id = $2', [at, id]);
  }

  approveDevice(school: string, id: string, at: string): Promise<ApproveOutcome> {
    return devices.approveDevice(this.pool, school, id, at);
  }

  revokeDevice(school: string, id: string, at: string): Promise<RevokeOutcome> {
    return devices.revokeDevice(this.pool, school, id, at);
  }

  async reportDeviceStatus(id: string, queued: number, oldestQueuedAt: string | null) {
    const sql = 'UPDATE devices SET queued = $1, oldest_queued_at = $2 WHERE id = $3';
    await run(this.pool, sql, [queued, oldestQueuedAt, id]);
  }

  async markSynced(id: string, at: string): Promise<void> {
    await run(this.pool, 'UPDATE devices SET last_sync_at = $1 WHERE id = $2', [at, id]);
  }

  putKeyBackup(school: string, device: string, json: string, at: string): Promise<void> {
    return devices.putKeyBackup(this.pool, school, device, json, at);
  }

  async getKeyBackup(device: string): Promise<string | null> {
    const sql = 'SELECT json FROM key_backups WHERE device = $1';
    return (await one<{ json: string }>(this.pool, sql, [device]))?.json ?? null;
  }

  async getPolicy(school: string): Promise<string | null> {
    const sql = 'SELECT json FROM policy_packs WHERE school = $1 ORDER BY id DESC LIMIT 1';
    return (await one<{ json: string }>(this.pool, sql, [school]))?.json ?? null;
  }

  async putPolicy(school: string, json: string, by: string, at: string): Promise<void> {
    // Earlier packs are kept: which procedure applied on a given day is part of the record.
    const sql =
      'INSERT INTO policy_packs (school, json, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4)';
    await run(this.pool, sql, [school, json, by, at]);
  }

  async addEnrollmentCode(c: EnrollmentCodeRecord): Promise<void> {
    await run(
      this.pool,
      `INSERT INTO enrollment_codes (code_hash, school, created_by, created_at, expires_at, role,
         person_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [c.codeHash, c.school, c.createdBy, c.createdAt, c.expiresAt, c.role, c.personName],
    );
  }

  getEnrollmentCode(codeHash: string): Promise<EnrollmentCodeRecord | null> {
    const sql = `SELECT ${PG_CODE_COLUMNS} FROM enrollment_codes WHERE code_hash = $1`;
    return one<EnrollmentCodeRecord>(this.pool, sql, [codeHash]);
  }

  redeemEnrollmentCode(codeHash: string, device: NewDevice, now: string): Promise<RedeemOutcome> {
    return tx(this.pool, async (client): Promise<RedeemOutcome> => {
      // FOR UPDATE: a second redemption of this code waits here, then sees it used.
      const sql = `SELECT ${PG_CODE_COLUMNS} FROM enrollment_codes WHERE code_hash = $1 FOR UPDATE`;
      const code = await one<EnrollmentCodeRecord>(client, sql, [codeHash]);
      if (!code) return 'unknown';
      if (code.usedAt !== null) return 'used';
      if (code.expiresAt <= now) return 'expired';
      const mark = 'UPDATE enrollment_codes SET used_at = $1, used_by = $2 WHERE code_hash = $3';
      await run(client, mark, [now, device.id, codeHash]);
      await devices.insertDevice(client, device);
      return 'registered';
    });
  }

  logTail(school: string): Promise<LogTail | null> {
    return log.logTail(this.pool, school);
  }

  appendLog(entry: NewLogEntry): Promise<AppendOutcome> {
    return appendLogBatch(this.pool, [entry]);
  }

  appendLogBatch(entries: NewLogEntry[]): Promise<AppendOutcome> {
    return appendLogBatch(this.pool, entries);
  }

  lookupLog(school: string, ids: string[], ctHashes: string[]): Promise<LogLookup> {
    return lookupLog(this.pool, school, ids, ctHashes);
  }

  findLogEntry(school: string, id: string): Promise<LogEntry | null> {
    return log.findLogEntry(this.pool, school, id);
  }

  readLog(school: string, after: number, limit: number, maxBytes = Infinity): Promise<LogEntry[]> {
    return log.readLog(this.pool, school, after, limit, maxBytes);
  }

  eraseEnvelopes(school: string, ids: string[], device: string, at: string) {
    return log.eraseEnvelopes(this.pool, school, ids, device, at);
  }

  listErasures(school: string, after: number, limit: number): Promise<ErasureRecord[]> {
    return log.listErasures(this.pool, school, after, limit);
  }

  private closing: Promise<void> | null = null;

  close(): Promise<void> {
    return (this.closing ??= this.pool.end());
  }
}
