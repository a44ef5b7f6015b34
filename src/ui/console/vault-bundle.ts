/** The stored DSL vault as the crypto layer's EncryptedBundle, and back. */
import type { EncryptedBundle } from '../../crypto/dsl-keys.ts';
import type { DslVaultRecord } from '../../storage/records.ts';

export const bundleOf = (v: DslVaultRecord): EncryptedBundle => ({
  salt: v.salt,
  iterations: v.iterations,
  ...v.wrapped,
});

export const vaultOf = (
  b: EncryptedBundle,
  v: Pick<DslVaultRecord, 'readerKid' | 'dslName'>,
): DslVaultRecord => ({
  key: 'dsl',
  salt: b.salt,
  iterations: b.iterations,
  wrapped: { iv: b.iv, ct: b.ct },
  readerKid: v.readerKid,
  dslName: v.dslName,
});
