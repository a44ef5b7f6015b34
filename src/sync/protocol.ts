/**
 * The wire protocol between devices and the school endpoint: paths, request and response
 * bodies, limits and error shapes. Client and server both import this module; the server
 * never redefines a shape.
 */
import type { Envelope } from '../crypto/envelope.ts';
import type { PublicJwk } from '../crypto/signing.ts';
import type { Receipt } from './receipt.ts';
import type { SignedRecipientSet } from './recipient-set.ts';

export const SYNC_FORMAT_VERSION = 1;

/** Largest request body the endpoint accepts (documented in the README). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Most envelopes in one upload request. */
export const MAX_BATCH = 100;
/** Most envelopes returned by one pull. */
export const MAX_PULL = 200;

export const API = {
  health: '/api/v1/health',
  school: '/api/v1/school',
  setup: '/api/v1/setup',
  recipientSet: '/api/v1/recipient-set',
  enrollmentCodes: '/api/v1/enrollment-codes',
  devices: '/api/v1/devices',
  register: '/api/v1/devices/register',
  envelopes: '/api/v1/envelopes',
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

/** POST /api/v1/enrollment-codes (DSL device only). */
export interface EnrollmentCodeResponse {
  code: string;
  expiresAt: string;
}

/** POST /api/v1/devices/register: a tablet redeems a one-time enrollment code. */
export interface RegisterRequest {
  code: string;
  device: DeviceKeyProof;
}

export interface RegisterResponse {
  deviceId: string;
  recipientSet: SignedRecipientSet;
}

/** GET /api/v1/devices: metadata only (the office and DSL consoles, and signature checks). */
export interface DeviceInfo {
  id: string;
  name: string;
  role: 'dsl' | 'tablet';
  publicKey: PublicJwk;
  enrolledAt: string;
  lastSeenAt: string | null;
  revoked: boolean;
}

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

/** GET /api/v1/envelopes?after=N&limit=M (DSL devices only) */
export interface PulledEnvelope {
  logIndex: number;
  receivedAt: string;
  envelope: Envelope;
}

export interface PullResponse {
  envelopes: PulledEnvelope[];
  /** Pass as `after` to continue; equal to the request's `after` when nothing is new. */
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
