/**
 * The wire protocol between devices and the school endpoint: paths, request and response
 * bodies, limits and error shapes. Client and server both import this module; the server
 * never redefines a shape.
 */
import type { Envelope } from '../crypto/envelope.ts';
import type { PublicJwk } from '../crypto/signing.ts';
import type { Receipt } from './receipt.ts';
import type { SignedRecipientSet } from './recipient-set.ts';

// The retention-erasure messages (protocol-erasures.ts) are part of this one protocol.
export * from './protocol-erasures.ts';

export const SYNC_FORMAT_VERSION = 1;

/** Largest request body the endpoint accepts (documented in the README). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Most envelopes in one upload request. */
export const MAX_BATCH = 100;
/**
 * Most envelopes returned by one pull. A console pulling a year's records (ten thousand) in
 * pages of 1,000 makes 10 requests, well inside the per-device rate limit; the endpoint's
 * byte budget per page still keeps a page of photo parts to a few megabytes.
 */
export const MAX_PULL = 1000;
/** Largest key-backup body (PUT /api/v1/key-backup); a real one is a few kilobytes. */
export const MAX_KEY_BACKUP_BYTES = 96 * 1024;

export const API = {
  health: '/api/v1/health',
  school: '/api/v1/school',
  setup: '/api/v1/setup',
  recipientSet: '/api/v1/recipient-set',
  enrollmentCodes: '/api/v1/enrollment-codes',
  devices: '/api/v1/devices',
  register: '/api/v1/devices/register',
  envelopes: '/api/v1/envelopes',
  /** GET: the calling device's own DeviceInfo (how a tablet learns it was approved). */
  deviceSelf: '/api/v1/devices/self',
  /** POST DeviceStatusReport: what the calling device has waiting in its outbox. */
  deviceSelfStatus: '/api/v1/devices/self/status',
  /** PUT or GET the calling DSL device's encrypted key backup. */
  keyBackup: '/api/v1/key-backup',
  /** GET (public): the school's policy pack; PUT (DSL): replace it with a validated pack. */
  policy: '/api/v1/policy',
  /** POST ErasureRequest (approved DSL devices): erase envelopes' ciphertext; GET: the erasure log. */
  erasures: '/api/v1/erasures',
} as const;

/** Largest policy pack the endpoint accepts (the default pack is about 140 kB). */
export const MAX_POLICY_BYTES = 1024 * 1024;

/**
 * Routes with a parameter: the pattern the endpoint routes on. Clients build the path with
 * `apiPath`, which encodes the parameter so an id can never change the route.
 */
export const API_PATTERNS = {
  approveDevice: '/api/v1/devices/:id/approve',
  revokeDevice: '/api/v1/devices/:id/revoke',
  recipientSetVersion: '/api/v1/recipient-sets/:version',
} as const;

export const apiPath = {
  approveDevice: (id: string) => `/api/v1/devices/${encodeURIComponent(id)}/approve`,
  revokeDevice: (id: string) => `/api/v1/devices/${encodeURIComponent(id)}/revoke`,
  recipientSetVersion: (version: number) => `/api/v1/recipient-sets/${version}`,
} as const;

/** Error codes a client branches on for the device lifecycle and key management. */
export const API_ERRORS = {
  deviceRevoked: 'device-revoked',
  devicePending: 'device-pending',
  staleRecipientSet: 'stale-recipient-set',
  replayedEnvelope: 'replayed-envelope',
  cannotRevokeSelf: 'cannot-revoke-self',
  lastDsl: 'last-dsl',
} as const;

export interface ErrorBody {
  error: string;
  message: string;
}

export interface HealthResponse {
  status: 'ok';
  version: string;
  syncFormat: number;
  store: string;
}

/** GET /api/v1/school: public facts a browser needs before it is set up or enrolled. */
export interface SchoolStatus {
  configured: boolean;
  school: { id: string; name: string } | null;
  /** The endpoint's receipt-signing key, to be included in the signed recipient set. */
  receiptKey: PublicJwk;
}

/** A public key plus proof that the sender holds the private half. */
export interface DeviceKeyProof {
  name: string;
  publicKey: PublicJwk;
  /** Signature by the device key over canonical JSON of {purpose, name, publicKey, code}. */
  proof: string;
}

/**
 * A DSL's reading and signing keys, encrypted under their passphrase in the browser. The
 * endpoint keeps one per DSL device (PUT/GET /api/v1/key-backup) and cannot open it.
 */
export interface KeyBackup {
  salt: string;
  iterations: number;
  iv: string;
  ct: string;
}

/** POST /api/v1/setup: the lead DSL's browser claims a fresh endpoint. */
export interface SetupRequest {
  setupCode: string;
  recipientSet: SignedRecipientSet;
  device: DeviceKeyProof;
  dslName: string;
  keyBackup: KeyBackup;
}

export interface SetupResponse {
  deviceId: string;
  school: { id: string; name: string };
}

/**
 * What a code enrols: a tablet (approved by the code itself), a DSL device (pending), or the
 * school office's computer (approved by the code itself; it sees device metadata only).
 */
export type EnrollmentRole = 'tablet' | 'dsl' | 'office';

/**
 * POST /api/v1/enrollment-codes (approved DSL devices; the office's computer may ask for
 * tablet codes only). Every field is optional.
 */
export interface EnrollmentCodeRequest {
  /** 5 to 10080; 1440 (24 hours) if absent. */
  ttlMinutes?: number;
  /** 'tablet' if absent. */
  role?: EnrollmentRole;
  /** The name of the person a 'dsl' code is for (1 to 200 characters); only with role 'dsl'. */
  name?: string;
}

export interface EnrollmentCodeResponse {
  code: string;
  expiresAt: string;
  role?: EnrollmentRole;
}

/** POST /api/v1/devices/register: a tablet redeems a one-time enrollment code. */
/** A safeguarding lead's HPKE reader key, announced when their browser enrolls. */
export interface ReaderKeyAnnouncement {
  kid: string;
  publicKey: string;
}

export interface RegisterRequest {
  code: string;
  device: DeviceKeyProof;
  /**
   * Only with a DSL code: the new lead's reader key, so the approving DSL can add it to the
   * recipient set. The endpoint could swap it, so the approving DSL compares its key id with
   * the one shown on the new lead's own screen before approving.
   */
  readerKey?: ReaderKeyAnnouncement;
}

export interface RegisterResponse {
  deviceId: string;
  recipientSet: SignedRecipientSet;
  /** Added with the device lifecycle; absent from older endpoints (treat as tablet, approved). */
  role?: EnrollmentRole;
  /** 'pending' for a DSL device until another DSL approves it. */
  status?: 'pending' | 'approved';
}

export type DeviceStatus = 'pending' | 'approved' | 'revoked';

/**
 * GET /api/v1/devices (approved DSL and office devices), GET /api/v1/devices/self, and the
 * answer to approve and revoke: metadata only (the office and DSL consoles, and signature checks).
 */
export interface DeviceInfo {
  id: string;
  name: string;
  role: EnrollmentRole;
  publicKey: PublicJwk;
  enrolledAt: string;
  lastSeenAt: string | null;
  /** Kept for older clients: `status === 'revoked'`. */
  revoked: boolean;
  status: DeviceStatus;
  /** The name of the DSL device that created its enrollment code; null for the set-up device. */
  enrolledBy: string | null;
  /** The person a DSL device belongs to (the set-up DSL, or the name given with a DSL code). */
  personName: string | null;
  /** From the device's last status report; null until it sends one. */
  queued: number | null;
  oldestQueuedAt: string | null;
  /** The last upload from it that the endpoint stored (or recognised as already stored). */
  lastSyncAt: string | null;
  revokedAt: string | null;
  /** The reader key a DSL device announced at enrollment (null for tablets). */
  readerKey: ReaderKeyAnnouncement | null;
}

/** POST /api/v1/devices/self/status (approved devices) → 204. Outbox metadata, no content. */
export interface DeviceStatusReport {
  /** Sealed records waiting to upload: a whole number, 0 or more. */
  queued: number;
  /** When the oldest of them was sealed (ISO time), or null when nothing is queued. */
  oldestQueuedAt: string | null;
}

/**
 * GET /api/v1/recipient-set answers the latest SignedRecipientSet; GET
 * /api/v1/recipient-sets/:version (approved devices) any earlier one, for audits. POST
 * /api/v1/recipient-set (approved DSL devices) publishes exactly the next version: an older
 * or equal version is refused with 409 'stale-recipient-set'.
 */

/** POST /api/v1/envelopes */
export interface UploadRequest {
  envelopes: Envelope[];
}

export type UploadItemResult =
  | { id: string; status: 'stored' | 'duplicate'; receipt: Receipt }
  | { id: string; status: 'conflict' | 'rejected'; error: string; message: string };

export interface UploadResponse {
  results: UploadItemResult[];
}

/**
 * GET /api/v1/envelopes?after=N&limit=M (DSL devices only). Entries a DSL erased are left
 * out of `envelopes` (every item always carries its envelope, so a client from before
 * erasure is never handed one without), so log indexes may skip; `cursor` still moves past
 * them.
 */
export interface PulledEnvelope {
  logIndex: number;
  receivedAt: string;
  /**
   * The entry's link in the school's hash chain, so a DSL console can re-derive `head` from
   * `prevHead`, the index, the id and the hash of the envelope it received (chain-link.ts).
   * Absent from endpoints before this field.
   */
  prevHead?: string;
  head?: string;
  envelope: Envelope;
}

export interface PullResponse {
  envelopes: PulledEnvelope[];
  /**
   * Pass as `after` to continue: the last log index this page covered, erased entries
   * included, so it can be past the last envelope's logIndex (and a page can be empty with
   * `more` true). Equal to the request's `after` when nothing is new.
   */
  cursor: number;
  more: boolean;
}

/** The proof statement a device key signs; `code` is in the normaliseCode() form (XXXX-XXXX-XXXX). */
export function keyProofStatement(
  purpose: 'setup' | 'register',
  name: string,
  publicKey: PublicJwk,
  code: string,
) {
  return { purpose: `safetrail/v1/${purpose}`, name, publicKey, code };
}
