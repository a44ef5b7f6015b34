/**
 * Shared set-up for the engine tests: real ECDSA receipt keys (the endpoint's and an
 * impostor's), a memory outbox filled with synthetic envelopes, and engine dependencies
 * with a fixed clock and a fixed jitter.
 */
import { canonicalJson } from '../../../src/crypto/canonical-json.ts';
import { envelopeHash } from '../../../src/crypto/envelope.ts';
import {
  exportPublicJwk,
  generateSigningKeyPair,
  type PublicJwk,
} from '../../../src/crypto/signing.ts';
import type { UploadDeps, UploadTransport } from '../../../src/sync/engine.ts';
import { createMemoryOutboxStore, type MemoryOutboxStore } from '../../../src/sync/outbox.ts';
import { fakeEnvelope, SCHOOL } from './fixtures.ts';

export const NOW = 1_700_000_000_000;

export interface Keys {
  receipt: CryptoKeyPair;
  receiptJwk: PublicJwk;
  wrong: CryptoKeyPair;
}

export async function makeKeys(): Promise<Keys> {
  const receipt = await generateSigningKeyPair(false);
  return {
    receipt,
    receiptJwk: await exportPublicJwk(receipt.publicKey),
    wrong: await generateSigningKeyPair(false),
  };
}

/** A memory outbox with envelopes seq 1..count; the seqs in `forged` carry a forged signature. */
export async function storeWith(count: number, forged: number[] = []): Promise<MemoryOutboxStore> {
  const store = createMemoryOutboxStore();
  for (let seq = 1; seq <= count; seq++) {
    const env = fakeEnvelope({ seq, forged: forged.includes(seq) });
    store.add({
      id: env.id,
      seq,
      envelope: canonicalJson(env),
      hash: await envelopeHash(env),
      school: SCHOOL,
    });
  }
  return store;
}

export const depsFor =
  (keys: () => Keys) =>
  (
    store: MemoryOutboxStore,
    transport: UploadTransport,
    extra: Partial<UploadDeps> = {},
  ): UploadDeps => ({
    store,
    transport,
    receiptKey: keys().receiptJwk,
    school: SCHOOL,
    now: () => NOW,
    random: () => 0.5,
    ...extra,
  });
