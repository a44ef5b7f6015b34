/**
 * An in-memory school endpoint with the real ingest semantics, for engine tests: uploads
 * are idempotent by id (same bytes: the same signed receipt again; different bytes: a
 * conflict), a forged device signature is rejected, and every accepted envelope is
 * appended to a hash-chained log with a receipt signed by a real ECDSA P-256 key.
 */
import { envelopeHash, type Envelope } from '../../../src/crypto/envelope.ts';
import { sha256B64 } from '../../../src/crypto/hash.ts';
import { canonicalJson } from '../../../src/crypto/canonical-json.ts';
import type { UploadItemResult } from '../../../src/sync/protocol.ts';
import { signReceipt, type Receipt } from '../../../src/sync/receipt.ts';
import { FORGED_SIG } from './fixtures.ts';

export interface StoredEntry {
  hash: string;
  body: string;
  logIndex: number;
  receipt: Receipt;
}

export interface FakeEndpoint {
  entries: Map<string, StoredEntry>;
  /** Ids in log order; a correct endpoint never appends one id twice. */
  log: string[];
  /** Every receipt ever issued, for replaying stale ones. */
  issued: Receipt[];
  /** Handles the body of POST /api/v1/envelopes exactly as a transport would send it. */
  handle(body: string): Promise<UploadItemResult[]>;
  /** Puts bytes under an id before the device uploads its own (the conflict case). */
  preload(env: Envelope): Promise<void>;
}

export function createFakeEndpoint(
  school: string,
  receiptKey: CryptoKey,
  clock: () => number = Date.now,
): FakeEndpoint {
  const entries = new Map<string, StoredEntry>();
  const log: string[] = [];
  const issued: Receipt[] = [];
  let head = 'genesis';
  let queue: Promise<void> = Promise.resolve();

  async function append(env: Envelope): Promise<StoredEntry> {
    const hash = await envelopeHash(env);
    head = await sha256B64(`${head}.${hash}`);
    log.push(env.id);
    const receipt = await signReceipt(
      {
        v: 1,
        school,
        id: env.id,
        envelopeHash: hash,
        logIndex: log.length,
        chainHead: head,
        receivedAt: new Date(clock()).toISOString(),
      },
      receiptKey,
    );
    issued.push(receipt);
    const entry = { hash, body: canonicalJson(env), logIndex: log.length, receipt };
    entries.set(env.id, entry);
    return entry;
  }

  async function ingest(body: string): Promise<UploadItemResult[]> {
    const { envelopes } = JSON.parse(body) as { envelopes: Envelope[] };
    const results: UploadItemResult[] = [];
    for (const env of envelopes) {
      const known = entries.get(env.id);
      if (env.sig === FORGED_SIG) {
        results.push({
          id: env.id,
          status: 'rejected',
          error: 'bad-signature',
          message: 'The sending device’s signature does not match.',
        });
      } else if (!known) {
        results.push({ id: env.id, status: 'stored', receipt: (await append(env)).receipt });
      } else if (known.hash === (await envelopeHash(env))) {
        results.push({ id: env.id, status: 'duplicate', receipt: known.receipt });
      } else {
        results.push({
          id: env.id,
          status: 'conflict',
          error: 'conflict',
          message: 'A different record already has this id.',
        });
      }
    }
    return results;
  }

  return {
    entries,
    log,
    issued,
    async preload(env) {
      await append(env);
    },
    handle(body) {
      // One request at a time, as the real endpoint's ingest lock does: two concurrent
      // uploads of one id must not both see it as new.
      const run = queue.then(() => ingest(body));
      queue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
  };
}
