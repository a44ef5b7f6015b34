/**
 * A new safeguarding lead joins from their own browser with a DSL enrollment link: it makes
 * their device key and their reader key, announces the reader key with the registration,
 * and keeps the reader key only wrapped under their passphrase (backed up, still wrapped,
 * on the endpoint). They read nothing until an existing DSL approves them.
 */
import { encryptDslBundle, type UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import { exportReaderPrivate, generateReaderKeyPair } from '../../crypto/hpke.ts';
import { exportPublicJwk, generateSigningKeyPair, signObject } from '../../crypto/signing.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { saveDevice } from '../../storage/device-repo.ts';
import { saveDslVault } from '../../storage/vault-repo.ts';
import { createApiClient } from '../../sync/api-client.ts';
import type { EnrollmentTicket } from '../../sync/enrollment-link.ts';
import { keyProofStatement } from '../../sync/protocol.ts';
import { verifyRecipientSet } from '../../sync/recipient-set.ts';

export async function joinAsLead(
  db: SafetrailDb,
  ticket: EnrollmentTicket,
  input: { name: string; passphrase: string },
): Promise<UnlockedDslKeys> {
  const name = input.name.trim();
  const deviceName = `${name}’s console`;
  const deviceKey = await generateSigningKeyPair(false);
  const reader = await generateReaderKeyPair();
  const publicKey = await exportPublicJwk(deviceKey.publicKey);
  const proof = await signObject(
    deviceKey.privateKey,
    keyProofStatement('register', deviceName, publicKey, ticket.code),
  );
  const api = createApiClient({ endpoint: ticket.endpoint });
  const registered = await api.register({
    code: ticket.code,
    device: { name: deviceName, publicKey, proof },
    readerKey: { kid: reader.kid, publicKey: reader.publicKey },
  });
  if (registered.role !== 'dsl')
    throw new Error(
      'That link enrolls a tablet, not a safeguarding lead. Use “Enroll this device” instead.',
    );
  const set = await verifyRecipientSet(registered.recipientSet, ticket.fingerprint);
  const bundle = await encryptDslBundle(
    {
      schoolId: set.school,
      readerKid: reader.kid,
      readerPrivate: await exportReaderPrivate(reader.privateKey),
    },
    input.passphrase,
  );
  await saveDslVault(db, {
    key: 'dsl',
    salt: bundle.salt,
    iterations: bundle.iterations,
    wrapped: { iv: bundle.iv, ct: bundle.ct },
    readerKid: reader.kid,
    dslName: name,
  });
  await saveDevice(db, {
    key: 'self',
    deviceId: registered.deviceId,
    schoolId: set.school,
    schoolName: set.schoolName,
    endpoint: ticket.endpoint,
    name: deviceName,
    role: 'dsl',
    signingKey: deviceKey.privateKey,
    publicKey,
    pinnedFingerprint: ticket.fingerprint,
    recipientSet: set,
    nextSeq: 1,
    enrolledAt: new Date().toISOString(),
  });
  const signed = createApiClient({
    endpoint: ticket.endpoint,
    device: { deviceId: registered.deviceId, signingKey: deviceKey.privateKey },
  });
  await signed.putKeyBackup(bundle);
  return { schoolId: set.school, reader: { kid: reader.kid, privateKey: reader.privateKey } };
}
