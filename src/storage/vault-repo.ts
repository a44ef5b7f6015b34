/**
 * The DSL's reading key at rest: wrapped under a passphrase-derived key, with the salt and
 * iteration count needed to unwrap it and the reader key id it belongs to. Only a DSL
 * device has this row; a teacher's tablet never holds a key that can open envelopes.
 */
import { isBase64Url } from '../crypto/bytes.ts';
import type { SafetrailDb } from './db.ts';
import { guardRead, guardWrite } from './errors.ts';
import { check, int, saltOnly, sealedOnly, str } from './guards.ts';
import type { DslVaultRecord } from './records.ts';

export async function getDslVault(db: SafetrailDb): Promise<DslVaultRecord | undefined> {
  return guardRead(() => db.vault.get('dsl'));
}

export async function saveDslVault(db: SafetrailDb, vault: DslVaultRecord): Promise<void> {
  check(vault.key === 'dsl', 'a vault record whose key is not "dsl"');
  check(int(vault.iterations, 'iterations') >= 1, 'a vault with no KDF iterations');
  check(isBase64Url(vault.readerKid, 16), 'a vault whose reader key id is malformed');
  const row: DslVaultRecord = {
    key: 'dsl',
    salt: saltOnly(vault.salt, 'vault salt'),
    iterations: vault.iterations,
    wrapped: sealedOnly(vault.wrapped, 'vault wrapped key'),
    readerKid: vault.readerKid,
    dslName: str(vault.dslName, 'dslName'),
  };
  await guardWrite(() => db.vault.put(row));
}
