import type { ReaderKeyAnnouncement } from '../../sync/protocol.ts';
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

/**
 * The most entries one appendLogBatch takes: ten uploads' worth. PostgreSQL's append binds
 * every value as a parameter of its own, and a statement has at most 65,535.
 */
export const MAX_APPEND_BATCH = 1000;

/** 'office': the school office's computer, which sees device metadata and can read no record. */
export type DeviceRole = 'dsl' | 'tablet' | 'office';

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
  /** The id of the device (a DSL's, or the office's) that created its code; null for the set-up device. */
  enrolledBy: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** Null while a DSL device waits for another DSL's approval; tablets and office devices are approved by their code. */
  approvedAt: string | null;
  /** The person a DSL device belongs to (never logged). */
  personName: string | null;
  /** The device's last outbox report. */
  queued: number | null;
  oldestQueuedAt: string | null;
  /** The last upload that stored (or recognised) at least one record. */
  lastSyncAt: string | null;
  /** A DSL device's announced reader key (JSON {kid, publicKey}); null for tablets. */
  readerKey: ReaderKeyAnnouncement | null;
}

export type NewDevice = Omit<
  DeviceRecord,
  'lastSeenAt' | 'revokedAt' | 'queued' | 'oldestQueuedAt' | 'lastSyncAt'
>;

export type ApproveOutcome = 'approved' | 'already-approved' | 'revoked' | 'not-found';
/** 'last-dsl': it is the school's last approved DSL device, which is never revoked. */
export type RevokeOutcome = 'revoked' | 'already-revoked' | 'last-dsl' | 'not-found';

export interface StoredRecipientSet {
  version: number;
  /** The signed set as JSON text, served without re-encoding (its signature is over canonical JSON). */
  json: string;
}

export interface NewSchool {
  school: SchoolRecord;
  recipientSet: StoredRecipientSet;
  keyBackupJson: string;
  /** The lead DSL's device; its personName is the lead DSL's name. */
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
  /** What the code enrols: a tablet or the office's computer (approved at once), or a DSL device (pending). */
  role: DeviceRole;
  /** For a DSL code, the person it is meant for, if the DSL said. */
  personName: string | null;
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
  /** SHA-256 of the envelope's ciphertext bytes: the same sealed content under a new id is a replay. */
  ctHash: string;
  /**
   * When a DSL erased the envelope (retention), or null. An erased entry keeps its index, id,
   * hashes, heads and receipt, so the chain still verifies and a replay is still refused,
   * but its body is the empty string: the ciphertext is gone.
   */
  erasedAt: string | null;
}

/** What an append writes: every entry starts unerased. */
export type NewLogEntry = Omit<LogEntry, 'erasedAt'>;

/** What an upload needs to know about an envelope id the log already holds. */
export interface KnownEntry {
  id: string;
  envelopeHash: string;
  /** The signed receipt as JSON text. */
  receipt: string;
}

/** lookupLog's answer: where the log ends, and which of the ids and ciphertexts it holds. */
export interface LogLookup {
  tail: LogTail | null;
  known: KnownEntry[];
  ctHashes: string[];
}

/** One entry of a school's erasure log: metadata only, never anything that was erased. */
export interface ErasureRecord {
  school: string;
  /** 1, 2, 3… within the school. */
  index: number;
  /** The DSL device that asked. */
  device: string;
  at: string;
  /** The envelope ids this request erased (not those already erased, or unknown). */
  ids: string[];
}

export interface LogTail {
  index: number;
  head: string;
}

/**
 * 'tail-moved': someone appended since the caller read the tail; read it again and retry.
 * 'ct-exists': the log already holds this ciphertext under another id (a replay).
 */
export type AppendOutcome = 'appended' | 'tail-moved' | 'id-exists' | 'ct-exists';

export type MetaKey = 'receipt_key';

/** 'code-used': the set-up code is no longer pending (used, or never issued). */
export type SetupOutcome = 'created' | 'code-used' | 'school-exists';

export interface EndpointStore {
  /** Reported by the health route ('sqlite', 'postgres'). */
  readonly kind: string;

  getMeta(key: MetaKey): Promise<string | null>;
  /** Stores `value` unless the key is set; returns whichever value is stored afterwards. */
  initMeta(key: MetaKey, value: string): Promise<string>;

  getSchool(id: string): Promise<SchoolRecord | null>;
  /** Every school the endpoint holds (one, unless it is a trust's hub), oldest first. */
  listSchools(): Promise<SchoolRecord[]>;

  /**
   * Set-up codes: each one, used once, creates one school. Tops the pending codes up (with
   * `make()`) or trims the newest so that schools + pending codes = `slots`, but never
   * fewer than zero pending, all in one transaction; answers the pending codes, oldest first.
   */
  ensureSetupCodes(slots: number, make: () => string): Promise<string[]>;
  pendingSetupCodes(): Promise<string[]>;
  /** Consumes `setupCode` and creates the school, its first recipient set, the DSL device
   * and its key backup, all or nothing. */
  setupSchool(input: NewSchool, setupCode: string): Promise<SetupOutcome>;

  latestRecipientSet(school: string): Promise<StoredRecipientSet | null>;
  getRecipientSet(school: string, version: number): Promise<StoredRecipientSet | null>;
  hasRecipientSet(school: string, version: number): Promise<boolean>;
  /** Adds a set only if `set.version` is exactly one more than the latest. */
  addRecipientSet(school: string, set: StoredRecipientSet): Promise<boolean>;

  getDevice(id: string): Promise<DeviceRecord | null>;
  listDevices(school: string): Promise<DeviceRecord[]>;
  touchDevice(id: string, at: string): Promise<void>;
  /** Approves a pending device of `school`. */
  approveDevice(school: string, id: string, at: string): Promise<ApproveOutcome>;
  /** Revokes a device of `school`, checking in the same transaction that another approved
   * DSL device remains, so two DSLs revoking each other at once cannot leave none. */
  revokeDevice(school: string, id: string, at: string): Promise<RevokeOutcome>;
  reportDeviceStatus(id: string, queued: number, oldestQueuedAt: string | null): Promise<void>;
  markSynced(id: string, at: string): Promise<void>;

  /** The encrypted key backup of a DSL device as JSON text, replacing any earlier one. */
  putKeyBackup(school: string, device: string, json: string, at: string): Promise<void>;
  getKeyBackup(device: string): Promise<string | null>;
  /** The school's uploaded policy pack (JSON), or null to serve the default pack. */
  getPolicy(school: string): Promise<string | null>;
  putPolicy(school: string, json: string, by: string, at: string): Promise<void>;

  addEnrollmentCode(code: EnrollmentCodeRecord): Promise<void>;
  getEnrollmentCode(codeHash: string): Promise<EnrollmentCodeRecord | null>;
  /** Marks the code used and registers the device in one step; exactly one of two
   * concurrent redemptions of a code can succeed. */
  redeemEnrollmentCode(codeHash: string, device: NewDevice, now: string): Promise<RedeemOutcome>;

  logTail(school: string): Promise<LogTail | null>;
  /** Appends to entry.school's log only if its tail is still (entry.index - 1,
   * entry.prevHead), the id is new there and no entry of that school holds the same
   * ciphertext. Each school has its own log, indexes and chain. */
  appendLog(entry: NewLogEntry): Promise<AppendOutcome>;
  /**
   * appendLog for several consecutive entries of one school (each one's index and prevHead
   * follow the one before), in one transaction: all are appended, or none is and the
   * outcome says why (the first problem found). An empty list is 'appended'. At most
   * MAX_APPEND_BATCH entries (an upload holds at most the protocol's MAX_BATCH).
   */
  appendLogBatch(entries: NewLogEntry[]): Promise<AppendOutcome>;
  /** The tail, and which of `ids` and `ctHashes` the school's log already holds. */
  lookupLog(school: string, ids: string[], ctHashes: string[]): Promise<LogLookup>;
  /** Envelope ids are unique within a school's log; another school's ids are invisible. */
  findLogEntry(school: string, id: string): Promise<LogEntry | null>;
  /**
   * Entries with index > after, in index order: at most `limit`, and no more than fit in
   * `maxBytes` of body (but always the first, however large), so a page stays a sane size
   * when records carry attachments. Erased entries are included (with an empty body).
   */
  readLog(school: string, after: number, limit: number, maxBytes?: number): Promise<LogEntry[]>;
  /**
   * Erases the ciphertext of those of `ids` in the school's log that are not erased yet
   * (another school's ids, or unknown ones, are ignored) and records the request in the
   * school's erasure log with the next index, in one transaction. Answers that record;
   * its `ids` are the ones this call erased, in request order.
   */
  eraseEnvelopes(school: string, ids: string[], device: string, at: string): Promise<ErasureRecord>;
  /** The school's erasure log after index `after`, in index order, at most `limit`. */
  listErasures(school: string, after: number, limit: number): Promise<ErasureRecord[]>;

  close(): Promise<void>;
}
