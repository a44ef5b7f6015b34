/**
 * This browser's enrollment: who it is to the school endpoint, its non-extractable signing
 * key, the pinned school-key fingerprint, the recipient set it seals to, and the per-device
 * event sequence. One row, key 'self'.
 *
 * Repositories in src/storage are plain functions taking the database first, so the UI and
 * the service worker share them and tests pass a database of their own.
 */
import { isPublicJwk } from '../crypto/jwk.ts';
import type { SignedRecipientSet } from '../sync/recipient-set.ts';
import type { SafetrailDb } from './db.ts';
import { guardRead, guardWrite, OlderRecipientSetError } from './errors.ts';
import { check, int, nonExtractableKey, str } from './guards.ts';
import type { DeviceRecord } from './records.ts';

export async function getDevice(db: SafetrailDb): Promise<DeviceRecord | undefined> {
  return guardRead(() => db.device.get('self'));
}

export async function saveDevice(db: SafetrailDb, device: DeviceRecord): Promise<void> {
  check(device.key === 'self', 'a device record whose key is not "self"');
  check(
    device.role === 'tablet' || device.role === 'dsl' || device.role === 'office',
    'a device record with an unknown role',
  );
  check(isPublicJwk(device.publicKey), 'a device record without a valid public key');
  check(int(device.nextSeq, 'nextSeq') >= 1, 'a device record whose next sequence is below 1');
  const row: DeviceRecord = {
    key: 'self',
    deviceId: str(device.deviceId, 'deviceId'),
    schoolId: str(device.schoolId, 'schoolId'),
    schoolName: str(device.schoolName, 'schoolName'),
    endpoint: str(device.endpoint, 'endpoint'),
    name: str(device.name, 'name'),
    role: device.role,
    signingKey: nonExtractableKey(device.signingKey, 'signingKey'),
    ...(device.vaultKey
      ? { vaultKey: nonExtractableKey(device.vaultKey, 'vaultKey', 'secret') }
      : {}),
    publicKey: { kty: 'EC', crv: 'P-256', x: device.publicKey.x, y: device.publicKey.y },
    pinnedFingerprint: str(device.pinnedFingerprint, 'pinnedFingerprint'),
    recipientSet: device.recipientSet,
    nextSeq: device.nextSeq,
    enrolledAt: str(device.enrolledAt, 'enrolledAt'),
  };
  await guardWrite(() => db.device.put(row));
}

/**
 * Hands out the next event sequence number. Read and increment happen in one readwrite
 * transaction, so two tabs sealing at once can never get the same number.
 */
export async function takeNextSeq(db: SafetrailDb): Promise<number> {
  return takeSeqs(db, 1);
}

/** Reserves `count` consecutive numbers (an incident and its photo parts); returns the first. */
export async function takeSeqs(db: SafetrailDb, count: number): Promise<number> {
  if (!Number.isSafeInteger(count) || count < 1) throw new Error('Reserve at least one number.');
  return guardWrite(() =>
    db.transaction('rw', db.device, async () => {
      const device = await db.device.get('self');
      if (!device) throw new Error('This device is not enrolled, so it cannot number events.');
      await db.device.update('self', { nextSeq: device.nextSeq + count });
      return device.nextSeq;
    }),
  );
}

/**
 * Stores a newer recipient set. The caller must have checked it with verifyRecipientSet
 * (signature against the pinned key); this only refuses a rollback, as a second line of
 * defence, inside the same transaction that writes it.
 */
export async function replaceRecipientSet(db: SafetrailDb, set: SignedRecipientSet): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.device, async () => {
      const device = await db.device.get('self');
      if (!device)
        throw new Error(
          'This device is not enrolled, so it has no list of safeguarding leads to replace.',
        );
      if (set.school !== device.schoolId) {
        throw new Error(
          'This list of safeguarding leads belongs to another school and was not saved.',
        );
      }
      if (set.version < device.recipientSet.version) {
        throw new OlderRecipientSetError(device.recipientSet.version, set.version);
      }
      await db.device.update('self', { recipientSet: set, schoolName: set.schoolName });
    }),
  );
}
