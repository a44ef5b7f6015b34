/**
 * Storage test fixtures: a fresh, uniquely named SafetrailDb per test, deleted afterwards
 * (so tests cannot see each other's rows), plus small builders for encrypted-looking blobs
 * and a non-extractable device key.
 */
import { afterEach, beforeEach } from 'vitest';
import type { Sealed } from '../../src/crypto/aead.ts';
import { randomBytes, toBase64Url } from '../../src/crypto/bytes.ts';
import { exportPublicJwk, generateSigningKeyPair } from '../../src/crypto/signing.ts';
import { SafetrailDb } from '../../src/storage/db.ts';
import type { DeviceRecord, StaffProfileRecord } from '../../src/storage/records.ts';
import type { SignedRecipientSet } from '../../src/sync/recipient-set.ts';

export const uniqueName = () => `test-${crypto.randomUUID()}`;

/** Registers beforeEach/afterEach hooks; call the returned function inside a test. */
export function useTestDb(): () => SafetrailDb {
  let db: SafetrailDb | null = null;
  beforeEach(async () => {
    db = new SafetrailDb(uniqueName());
    await db.open();
  });
  afterEach(async () => {
    await db?.delete();
    db = null;
  });
  return () => {
    if (!db) throw new Error('useTestDb: no database (called outside a test?)');
    return db;
  };
}

export const sealedBlob = (bytes = 48): Sealed => ({
  iv: toBase64Url(randomBytes(12)),
  ct: toBase64Url(randomBytes(bytes)),
});
export const salt = () => toBase64Url(randomBytes(16));

/** A stored staff profile with no wrong tries; its key is random bytes, not a real wrap. */
export const profileRecord = (id: string, name: string): StaffProfileRecord => ({
  id,
  name,
  salt: salt(),
  iterations: 600_000,
  wrappedKey: sealedBlob(),
  createdAt: '2025-01-01T00:00:00.000Z',
  failedAttempts: 0,
  lastFailedAt: null,
});

/** A structurally complete recipient set; the repository does not check signatures. */
export function recipientSet(version: number, school = 'sch1'): SignedRecipientSet {
  return { version, school, schoolName: `School v${version}` } as unknown as SignedRecipientSet;
}

export async function deviceRecord(overrides: Partial<DeviceRecord> = {}): Promise<DeviceRecord> {
  const keys = await generateSigningKeyPair(false);
  return {
    key: 'self',
    deviceId: 'dev1',
    schoolId: 'sch1',
    schoolName: 'Test School',
    endpoint: 'https://school.example',
    name: 'Class 4 tablet',
    role: 'tablet',
    signingKey: keys.privateKey,
    publicKey: await exportPublicJwk(keys.publicKey),
    pinnedFingerprint: 'fp',
    recipientSet: recipientSet(1),
    nextSeq: 1,
    enrolledAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}
