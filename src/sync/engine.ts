/**
 * The upload engine: moves sealed envelopes from the outbox to the school endpoint and
 * deletes a local copy only after verifying a signed receipt for exactly those bytes.
 *
 * Pure apart from its injected dependencies (store, transport, clock, randomness), so the
 * same code runs in the page, in the service worker and in Node tests. Safety rules:
 * - delete only on a receipt that verifies against the pinned receipt key, names this id
 *   and this school, and commits to this envelope's hash;
 * - a conflict (different bytes under our id) is quarantined, a refusal is kept as
 *   rejected; neither is ever deleted;
 * - anything unclear (no result, bad receipt, network trouble) means "try again later";
 * - never log or report envelope contents.
 */
import { importPublicJwk, type PublicJwk } from '../crypto/signing.ts';
import { nextDelay } from './backoff.ts';
import type { OutboxItem, OutboxStore } from './outbox.ts';
import { MAX_BATCH, MAX_BODY_BYTES, type UploadItemResult } from './protocol.ts';
import { verifyReceipt, type Receipt } from './receipt.ts';

/** A failed upload request. `message` is shown to staff as-is, so it is plain English. */
export class TransportError extends Error {
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
    this.retryable = retryable;
  }
}

export interface UploadTransport {
  /** Sends the canonical JSON strings as-is inside {"envelopes":[...]}; throws TransportError. */
  upload(envelopes: string[]): Promise<UploadItemResult[]>;
}

export interface UploadDeps {
  store: OutboxStore;
  transport: UploadTransport;
  /** The receipt key from the pinned, verified recipient set. */
  receiptKey: PublicJwk | CryptoKey;
  school: string;
  now: () => number;
  random?: () => number;
  /** Envelopes per request (default 50, at most MAX_BATCH). */
  batchSize?: number;
  /**
   * Try every waiting item now, ignoring its backoff: for "Sync now", the network coming
   * back, and start-up, when a person expects an attempt at once. Timers leave it off.
   */
  force?: boolean;
}

export interface SyncReport {
  delivered: number;
  quarantined: number;
  rejected: number;
  retried: number;
  /** Still waiting (sealed + uploading) when the run ended. */
  remaining: number;
  /** The user-facing reason the run did not deliver everything, or null. */
  error: string | null;
}

export const UPLOAD_LOCK = 'safetrail-upload';

const SAY = {
  unexpected: 'The upload failed unexpectedly. Nothing has been lost; it will be tried again.',
  missing:
    'The school endpoint did not confirm this record. It is kept on this device and will be sent again.',
  badReceipt:
    'The school endpoint’s receipt could not be verified, so this record is kept on this device and will be sent again.',
  conflict:
    'The school endpoint holds a different record under the same id. This copy is kept on this device; tell your DSL.',
  rejected: 'The school endpoint refused this record. It is kept on this device; tell your DSL.',
};

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * Uploads everything due, batch by batch, until nothing is due or a request fails.
 * Serialised across the page and the service worker with a Web Lock where available;
 * without one, two runs at once are still safe because uploads are idempotent by id.
 */
export async function runUpload(deps: UploadDeps): Promise<SyncReport> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks ? locks.request(UPLOAD_LOCK, () => uploadAll(deps)) : uploadAll(deps);
}

async function uploadAll(deps: UploadDeps): Promise<SyncReport> {
  const { store, transport } = deps;
  const report: SyncReport = {
    delivered: 0,
    quarantined: 0,
    rejected: 0,
    retried: 0,
    remaining: 0,
    error: null,
  };
  const batchSize = Math.min(Math.max(1, Math.floor(deps.batchSize ?? 50)), MAX_BATCH);
  const key =
    'kty' in deps.receiptKey
      ? await importPublicJwk(deps.receiptKey).catch(() => deps.receiptKey)
      : deps.receiptKey;
  const retry = async (items: OutboxItem[], message: string) => {
    if (items.length === 0) return;
    report.retried += items.length;
    report.error ??= message;
    // One jittered delay per attempt count keeps this to a few transactions per batch.
    const groups = new Map<number, string[]>();
    for (const i of items) groups.set(i.attempts, [...(groups.get(i.attempts) ?? []), i.id]);
    for (const [attempts, ids] of groups) {
      await store.retryLater(ids, message, deps.now() + nextDelay(attempts + 1, deps.random));
    }
  };

  // Each item is tried at most once per run, so a run always ends.
  const tried = new Set<string>();
  for (;;) {
    const dueBy = deps.force ? Number.MAX_SAFE_INTEGER : deps.now();
    const due = (await store.listDue(dueBy, batchSize + tried.size))
      .filter((i) => !tried.has(i.id))
      .slice(0, batchSize);
    if (due.length === 0) break;
    const batch = fitBody(due);
    for (const i of batch) tried.add(i.id);
    await store.markUploading(
      batch.map((i) => i.id),
      deps.now(),
    );

    let results: unknown;
    try {
      results = await transport.upload(batch.map((i) => i.envelope));
    } catch (error) {
      const message = error instanceof TransportError ? error.message : SAY.unexpected;
      report.error = message;
      await retry(batch, message);
      break;
    }

    const byId = groupResults(results);
    const missing: OutboxItem[] = [];
    const unverified: OutboxItem[] = [];
    for (const item of batch) {
      const answers = byId.get(item.id) ?? [];
      const receipt = await verifiedReceipt(answers, item, deps.school, key);
      const conflict = answers.find((a) => a.status === 'conflict');
      const refused = answers.find((a) => a.status === 'rejected');
      if (receipt) {
        await store.acknowledge(item.id, receipt, deps.now());
        report.delivered++;
      } else if (conflict) {
        await store.quarantine(item.id, messageOf(conflict, SAY.conflict));
        report.quarantined++;
      } else if (refused) {
        await store.reject(item.id, messageOf(refused, SAY.rejected));
        report.rejected++;
      } else {
        (answers.length ? unverified : missing).push(item);
      }
    }
    await retry(unverified, SAY.badReceipt);
    await retry(missing, SAY.missing);
  }
  report.remaining = await store.countPending();
  return report;
}

/** The longest prefix of `due` whose request body fits MAX_BODY_BYTES (always at least one). */
function fitBody(due: OutboxItem[]): OutboxItem[] {
  const encoder = new TextEncoder();
  let size = '{"envelopes":[]}'.length;
  const batch: OutboxItem[] = [];
  for (const item of due) {
    size += encoder.encode(item.envelope).length + (batch.length ? 1 : 0);
    if (batch.length && size > MAX_BODY_BYTES) break;
    batch.push(item);
  }
  return batch;
}

type Answer = { id: string; status: string; receipt?: unknown; message?: unknown };

/** Results by id, ignoring anything malformed: the endpoint is not trusted to be tidy. */
function groupResults(results: unknown): Map<string, Answer[]> {
  const byId = new Map<string, Answer[]>();
  if (!Array.isArray(results)) return byId;
  for (const r of results as unknown[]) {
    const a = r as Partial<Answer> | null;
    if (
      typeof a !== 'object' ||
      a === null ||
      typeof a.id !== 'string' ||
      typeof a.status !== 'string'
    )
      continue;
    byId.set(a.id, [...(byId.get(a.id) ?? []), a as Answer]);
  }
  return byId;
}

async function verifiedReceipt(
  answers: Answer[],
  item: OutboxItem,
  school: string,
  key: PublicJwk | CryptoKey,
) {
  for (const a of answers) {
    if (a.status !== 'stored' && a.status !== 'duplicate') continue;
    if (await verifyReceipt(a.receipt, { id: item.id, envelopeHash: item.hash, school }, key))
      return a.receipt as Receipt;
  }
  return null;
}

function messageOf(answer: Answer, fallback: string): string {
  const m = answer.message;
  return typeof m === 'string' && m.trim() && m.length <= 500 ? m : fallback;
}
