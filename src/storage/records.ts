/**
 * The shapes of every row the device keeps in IndexedDB. This file is the inventory of what
 * may be stored at rest, and it is deliberately short: sealed envelopes (already encrypted
 * canonical JSON), `Sealed` {iv, ct} blobs, salts, non-extractable CryptoKeys, and metadata
 * (ids, times, counts, states). No plaintext incident content has a field to live in.
 */
import type { Sealed } from '../crypto/aead.ts';
import type { PublicJwk } from '../crypto/signing.ts';
import type { EventKind } from '../domain/events.ts';
import type { SignedRecipientSet } from '../sync/recipient-set.ts';

export interface DeviceRecord {
  key: 'self';
  deviceId: string;
  schoolId: string;
  schoolName: string;
  endpoint: string;
  name: string;
  /** 'office': the school office's computer, which holds no key that opens a record. */
  role: 'tablet' | 'dsl' | 'office';
  /** Private, non-extractable; IndexedDB keeps it by structured clone, so it never leaves WebCrypto. */
  /**
   * A tablet's non-extractable AES key that wraps each staff key a second time (over the
   * PIN layer), so a copy of this database on another machine cannot even begin a PIN guess.
   */
  vaultKey?: CryptoKey;
  signingKey: CryptoKey;
  publicKey: PublicJwk;
  pinnedFingerprint: string;
  recipientSet: SignedRecipientSet;
  nextSeq: number;
  enrolledAt: string;
}

export interface StaffProfileRecord {
  id: string;
  name: string;
  salt: string;
  iterations: number;
  wrappedKey: Sealed;
  createdAt: string;
  failedAttempts: number;
  /** When the last wrong PIN was entered (ms since the epoch), for the growing delay. */
  lastFailedAt?: number | null;
}

export interface DraftRecord {
  id: string;
  profileId: string;
  createdAt: string;
  updatedAt: string;
  wrappedKey: Sealed;
  data: Sealed;
}

/**
 * One encrypted chunk of a photo or screenshot kept with a draft (crypto/evidence.ts): the
 * chunk's ciphertext under the draft key, and the ids that say where it belongs.
 */
export interface EvidenceChunkRecord {
  evidenceId: string;
  index: number;
  draftId: string;
  data: Sealed;
}

/**
 * A trip roster, encrypted under the staff key (crypto/roster-seal.ts). The trip's last
 * day is readable so expired rosters can be deleted before anyone unlocks.
 */
export interface RosterRecord {
  id: string;
  profileId: string;
  createdAt: string;
  /** `YYYY-MM-DD`: the trip's last day. */
  endsOn: string;
  data: Sealed;
}

export type OutboxState = 'sealed' | 'uploading' | 'quarantined' | 'rejected';

export interface OutboxRecord {
  /** The event's ULID, which is also the upload idempotency key. */
  id: string;
  seq: number;
  kind: EventKind;
  school: string;
  createdAt: string;
  state: OutboxState;
  /** Canonical JSON of the sealed Envelope, sent byte for byte. */
  envelope: string;
  /** envelopeHash of that envelope: what a receipt must commit to. */
  hash: string;
  attempts: number;
  lastAttemptAt: number | null;
  nextAttemptAt: number;
  lastError: string | null;
  /** Short non-identifying reference such as ST-ABC123. */
  reference: string;
}

export interface TombstoneRecord {
  id: string;
  seq: number;
  kind: EventKind;
  reference: string;
  createdAt: string;
  deliveredAt: string;
  logIndex: number;
  envelopeHash: string;
  chainHead: string;
}

export interface DslVaultRecord {
  key: 'dsl';
  salt: string;
  iterations: number;
  wrapped: Sealed;
  readerKid: string;
  dslName: string;
}

export interface InboxRecord {
  logIndex: number;
  id: string;
  receivedAt: string;
  /** Sealed canonical JSON exactly as pulled; opened only in memory on a DSL device. */
  envelope: string;
  /** The entry's link in the endpoint's hash chain, as pulled (absent from older endpoints). */
  prevHead?: string;
  head?: string;
}
