/**
 * Creating a school, in the lead DSL's browser: generate the school signing key, the DSL's
 * reader key, the break-glass recovery key and this browser's device key; sign the first
 * recipient set; encrypt the DSL's private keys under their passphrase; register with the
 * endpoint. Only public keys, the signed set and the encrypted bundle leave the browser.
 * The recovery private key is returned once, for the printable sheet, and stored nowhere.
 */
import { encryptDslBundle } from '../../crypto/dsl-keys.ts';
import { exportReaderPrivate, generateReaderKeyPair } from '../../crypto/hpke.ts';
import {
  exportPrivateJwk,
  exportPublicJwk,
  fingerprint,
  generateSigningKeyPair,
  signObject,
} from '../../crypto/signing.ts';
import { ulid } from '../../domain/ulid.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { saveDevice } from '../../storage/device-repo.ts';
import { saveDslVault } from '../../storage/vault-repo.ts';
import { createApiClient } from '../../sync/api-client.ts';
import { normaliseCode } from '../../sync/one-time-code.ts';
import { keyProofStatement } from '../../sync/protocol.ts';
import { signRecipientSet } from '../../sync/recipient-set.ts';

export interface CreateSchoolInput {
  endpoint: string;
  setupCode: string;
  schoolName: string;
  dslName: string;
  passphrase: string;
}

export interface RecoverySheet {
  schoolName: string;
  schoolId: string;
  fingerprint: string;
  recoveryKid: string;
  recoveryKey: string;
  createdAt: string;
}

export async function createSchool(
  db: SafetrailDb,
  input: CreateSchoolInput,
): Promise<RecoverySheet> {
  const setupCode = normaliseCode(input.setupCode);
  if (!setupCode)
    throw new Error(
      'That set-up code is not in the right form: twelve letters and digits, like ABCD-EFGH-JKMN.',
    );
  const api = createApiClient({ endpoint: input.endpoint });
  const status = await api.schoolStatus();
  if (status.configured)
    throw new Error('This endpoint already has a school. Ask its DSL to enroll you instead.');

  const schoolId = ulid();
  const schoolKey = await generateSigningKeyPair(true);
  const dslReader = await generateReaderKeyPair();
  const recovery = await generateReaderKeyPair();
  const deviceKey = await generateSigningKeyPair(false);
  const schoolPublic = await exportPublicJwk(schoolKey.publicKey);
  const devicePublic = await exportPublicJwk(deviceKey.publicKey);
  const issued = new Date().toISOString();

  const recipientSet = await signRecipientSet(
    {
      v: 1,
      school: schoolId,
      schoolName: input.schoolName.trim(),
      version: 1,
      issued,
      signingKey: schoolPublic,
      receiptKey: status.receiptKey,
      readers: [
        {
          kid: dslReader.kid,
          name: input.dslName.trim(),
          role: 'dsl',
          publicKey: dslReader.publicKey,
        },
        {
          kid: recovery.kid,
          name: 'Break-glass recovery key',
          role: 'recovery',
          publicKey: recovery.publicKey,
        },
      ],
    },
    schoolKey.privateKey,
  );
  const keyBackup = await encryptDslBundle(
    {
      schoolId,
      signingKey: await exportPrivateJwk(schoolKey.privateKey),
      readerKid: dslReader.kid,
      readerPrivate: await exportReaderPrivate(dslReader.privateKey),
    },
    input.passphrase,
  );
  const deviceName = `${input.dslName.trim()}’s console`;
  const proof = await signObject(
    deviceKey.privateKey,
    keyProofStatement('setup', deviceName, devicePublic, setupCode),
  );
  const { deviceId } = await api.setup({
    setupCode,
    recipientSet,
    device: { name: deviceName, publicKey: devicePublic, proof },
    dslName: input.dslName.trim(),
    keyBackup,
  });

  const fp = await fingerprint(schoolPublic);
  await saveDslVault(db, {
    key: 'dsl',
    salt: keyBackup.salt,
    iterations: keyBackup.iterations,
    wrapped: { iv: keyBackup.iv, ct: keyBackup.ct },
    readerKid: dslReader.kid,
    dslName: input.dslName.trim(),
  });
  await saveDevice(db, {
    key: 'self',
    deviceId,
    schoolId,
    schoolName: recipientSet.schoolName,
    endpoint: input.endpoint,
    name: deviceName,
    role: 'dsl',
    signingKey: deviceKey.privateKey,
    publicKey: devicePublic,
    pinnedFingerprint: fp,
    recipientSet,
    nextSeq: 1,
    enrolledAt: issued,
  });
  return {
    schoolName: recipientSet.schoolName,
    schoolId,
    fingerprint: fp,
    recoveryKid: recovery.kid,
    recoveryKey: await exportReaderPrivate(recovery.privateKey),
    createdAt: issued,
  };
}
