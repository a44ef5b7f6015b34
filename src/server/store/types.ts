/**
 * The endpoint's storage contract. Routes and the ingest logic talk only to this interface,
 * so the embedded SQLite store and the PostgreSQL store a trust hub will use are
 * interchangeable and can share one contract test suite. Every method is async (PostgreSQL
 * is), and every multi-step change that must not half-happen (setting up, redeeming a
 * code, appending to the log) is a single method the store makes atomic.
 *
 * Records hold only what the endpoint may know: ids, public keys, times, sizes and
 * ciphertext. Times are ISO 8601 UTC strings.
 */
import type { PublicJwk } from '../../crypto/signing.ts';

export type DeviceRole = 'dsl' | 'tablet';

export interface SchoolRecord {
  id: string;
  name: string;
  created: string;
}

export interface DeviceRecord {
  id: string;
  school: string;
  name: string;
  role: DeviceRole;
  publicKey: PublicJwk;
  enrolledAt: string;
  enrolledBy: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export type NewDevice = Omit<DeviceRecord, 'lastSeenAt' | 'revokedAt'>;

export interface StoredRecipientSet {
  version: number;
  /** The signed set as JSON text, served without re-encoding (its signature is over canonical JSON). */
  json: string;
}

export interface NewSchool {
  school: SchoolRecord;
  recipientSet: StoredRecipientSet;
  dslName: string;
  keyBackupJson: string;
  device: NewDevice;
}

export interface EnrollmentCodeRecord {
  codeHash: string;
  school: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
}

export type RedeemOutcome = 'registered' | 'unknown' | 'expired' | 'used';

export interface LogEntry {
  index: number;
  id: string;
  school: string;
  device: string;
  seq: number;
  kind: string;
  created: string;
  size: number;
  envelopeHash: string;
  /** Canonical JSON of the envelope. */
  body: string;
  prevHead: string;
  head: string;
  receivedAt: string;
  /** The signed receipt as JSON text, returned unchanged for a duplicate upload. */
  receipt: string;
}

export interface LogTail {
  index: number;
  head: string;
}

/** 'tail-moved': someone appended since the caller read the tail; read it again and retry. */
export type AppendOutcome = 'appended' | 'tail-moved' | 'id-exists';

export type MetaKey = 'setup_code' | 'receipt_key';

export interface EndpointStore {
  /** Reported by the health route ('sqlite', 'postgres'). */
  readonly kind: string;

  getMeta(key: MetaKey): Promise<string | null>;
  /** Stores `value` unless the key is set; returns whichever value is stored afterwards. */
  initMeta(key: MetaKey, value: string): Promise<string>;

  getSchool(): Promise<SchoolRecord | null>;
  /** Creates the school, its first recipient set, key backup and DSL device, and forgets
   * the set-up code, all or nothing. False if a school already exists. */
  setupSchool(input: NewSchool): Promise<boolean>;

  latestRecipientSet(school: string): Promise<StoredRecipientSet | null>;
  hasRecipientSet(school: string, version: number): Promise<boolean>;
  /** Adds a set only if `set.version` is exactly one more than the latest. */
  addRecipientSet(school: string, set: StoredRecipientSet): Promise<boolean>;

  getDevice(id: string): Promise<DeviceRecord | null>;
  listDevices(school: string): Promise<DeviceRecord[]>;
  touchDevice(id: string, at: string): Promise<void>;

  addEnrollmentCode(code: EnrollmentCodeRecord): Promise<void>;
  getEnrollmentCode(codeHash: string): Promise<EnrollmentCodeRecord | null>;
  /** Marks the code used and registers the device in one step; exactly one of two
   * concurrent redemptions of a code can succeed. */
  redeemEnrollmentCode(codeHash: string, device: NewDevice, now: string): Promise<RedeemOutcome>;

  logTail(school: string): Promise<LogTail | null>;
  /** Appends only if the log's tail is still (entry.index - 1, entry.prevHead). */
  appendLog(entry: LogEntry): Promise<AppendOutcome>;
  findLogEntry(id: string): Promise<LogEntry | null>;
  /**
   * Entries with index > after, in index order: at most `limit`, and no more than fit in
   * `maxBytes` of body (but always the first, however large), so a page stays a sane size
   * when records carry attachments.
   */
  readLog(school: string, after: number, limit: number, maxBytes?: number): Promise<LogEntry[]>;

  close(): Promise<void>;
}
