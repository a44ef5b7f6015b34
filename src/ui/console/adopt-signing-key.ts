/**
 * A lead approved by another DSL receives the school signing key inside the sealed
 * `key.granted` event. At unlock (the only time the passphrase is at hand) it is unwrapped,
 * checked against the school's public key, and added to the lead's passphrase-encrypted
 * bundle here and in the endpoint's backup. Offline or not yet granted: try again next time.
 */
import { addSigningKeyToBundle, type UnlockedDslKeys } from '../../crypto/dsl-keys.ts';
import type { Envelope } from '../../crypto/envelope-format.ts';
import { unwrapSchoolSigningKey } from '../../crypto/key-grant.ts';
import { importPrivateJwk } from '../../crypto/signing.ts';
import type { SafetrailDb } from '../../storage/db.ts';
import { getDevice } from '../../storage/device-repo.ts';
import { listInbox } from '../../storage/inbox-repo.ts';
import type { DslVaultRecord } from '../../storage/records.ts';
import { saveDslVault } from '../../storage/vault-repo.ts';
import type { ApiClient } from '../../sync/api-client.ts';
import { collectGrants } from './grants.ts';
import { pullNew } from './inbox.ts';
import { bundleOf, vaultOf } from './vault-bundle.ts';

export async function adoptSigningKey(
  db: SafetrailDb,
  api: ApiClient,
  keys: UnlockedDslKeys,
  passphrase: string,
  vault: DslVaultRecord,
): Promise<UnlockedDslKeys> {
  if (keys.signingKey) return keys;
  const device = await getDevice(db);
  if (!device) return keys;
  let devices;
  try {
    await pullNew(db, api);
    devices = (await api.listDevices()).devices;
  } catch {
    return keys; // offline, or not approved yet
  }
  const byId = new Map(devices.map((d) => [d.id, d.publicKey]));
  const envelopes = (await listInbox(db)).map((i) => JSON.parse(i.envelope) as Envelope);
  const { events } = await collectGrants(envelopes, keys.reader, (id) => byId.get(id));
  const handover = [...events].reverse().find((e) => e.signingKey);
  if (!handover?.signingKey) return keys;
  const jwk = await unwrapSchoolSigningKey(handover.signingKey, keys.reader, {
    schoolId: device.schoolId,
    signingKey: device.recipientSet.signingKey,
  });
  const stored = await addSigningKeyToBundle(bundleOf(vault), passphrase, jwk);
  await saveDslVault(db, vaultOf(stored, vault));
  await api.putKeyBackup(stored);
  return { ...keys, signingKey: await importPrivateJwk(jwk, false), signingJwk: jwk };
}
