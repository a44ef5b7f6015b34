/**
 * A dedicated worker that opens batches of envelopes for the console (open-pool.ts), so a
 * school year of records is checked and decrypted off the page's main thread. Each request
 * carries the reader key (a CryptoKey, cloned, never exported) and this worker keeps
 * nothing of it between requests: a locked console leaves no key behind here. The
 * plaintext goes back to the page only; nothing is stored or logged.
 */
import { openBatch, type OpenJob, type OpenOutcome, type OpenReader } from './open-batch.ts';

export interface OpenRequest {
  id: number;
  reader: OpenReader;
  jobs: OpenJob[];
}

export interface OpenResponse {
  id: number;
  /** Null when the answers could not be sent back: the page then opens the batch itself. */
  outcomes: OpenOutcome[] | null;
}

/** The worker's side of its global scope, so this file needs no WebWorker lib of its own. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<OpenRequest>) => void) | null;
  postMessage(message: OpenResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = ({ data }) => {
  void openBatch(data.jobs, data.reader).then((outcomes) => {
    try {
      scope.postMessage({ id: data.id, outcomes });
    } catch {
      scope.postMessage({ id: data.id, outcomes: null });
    }
  });
};
