/**
 * Enrolling a tablet: make a non-extractable signing key (it can sign uploads but can never
 * be copied off the device), redeem the one-time code (the ticket holds it normalised), and accept the school's list of
 * readers only if it is signed by the key whose fingerprint the code carried.
 *
 * The school office's computer enrols the same way, with an office code: the endpoint's
 * answer says which it is. It gets no vault key, because no staff profile lives on it.
 */
import { exportPublicJwk, generateSigningKeyPair, signObject } from '../../crypto/signing.ts';
import { generateDeviceVaultKey } from '../../crypto/staff-key.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { saveDevice } from '../../storage/device-repo.ts';
import { createApiClient } from '../../sync/api-client.ts';
import type { EnrollmentTicket } from '../../sync/enrollment-link.ts';
import { keyProofStatement } from '../../sync/protocol.ts';
import { verifyRecipientSet } from '../../sync/recipient-set.ts';

export async function enrollDevice(
  db: SafetrailDb,
  ticket: EnrollmentTicket,
  name: string,
): Promise<void> {
  const deviceKey = await generateSigningKeyPair(false);
  const publicKey = await exportPublicJwk(deviceKey.publicKey);
  const deviceName = name.trim();
  const proof = await signObject(
    deviceKey.privateKey,
    keyProofStatement('register', deviceName, publicKey, ticket.code),
  );
  const api = createApiClient({ endpoint: ticket.endpoint });
  const { deviceId, recipientSet, role } = await api.register({
    code: ticket.code,
    device: { name: deviceName, publicKey, proof },
  });
  const verified = await verifyRecipientSet(recipientSet, ticket.fingerprint);
  const office = role === 'office';
  await saveDevice(db, {
    key: 'self',
    deviceId,
    schoolId: verified.school,
    schoolName: verified.schoolName,
    endpoint: ticket.endpoint,
    name: deviceName,
    role: office ? 'office' : 'tablet',
    signingKey: deviceKey.privateKey,
    ...(office ? {} : { vaultKey: await generateDeviceVaultKey() }),
    publicKey,
    pinnedFingerprint: ticket.fingerprint,
    recipientSet: verified,
    nextSeq: 1,
    enrolledAt: new Date().toISOString(),
  });
}
