/**
 * Wires the upload run inside the worker: the device record and the outbox come from the
 * storage layer (sealed envelopes only), and the result is broadcast to open pages.
 * A failed run must reject so Background Sync retries it later.
 */
import { getDevice, replaceRecipientSet } from '../src/storage/device-repo.ts';
import { storageMessage } from '../src/storage/errors.ts';
import { outboxStatus } from '../src/storage/outbox-status.ts';
import { createOutboxStore } from '../src/storage/outbox-repo.ts';
import { runDeviceUpload } from '../src/sync/device-upload.ts';
import type { SyncReport } from '../src/sync/engine.ts';
import { announceUpload } from '../src/sync/upload-channel.ts';
import { workerDatabase } from './database.ts';

const STOPPED =
  'The upload stopped before it finished. Nothing has been lost; it will be tried again.';

export async function uploadFromWorker(force: boolean): Promise<void> {
  const database = workerDatabase();
  const store = createOutboxStore(database);
  let report: SyncReport | null;
  try {
    report = await runDeviceUpload({
      loadDevice: () => getDevice(database),
      store,
      saveRecipientSet: (set) => replaceRecipientSet(database, set),
      outboxStatus: () => outboxStatus(database),
      force,
    });
  } catch (error) {
    // A run stopped by storage (a full disk, say) still tells the pages why, so "Sync now"
    // does not spin until the next heartbeat. Every record it touched is still queued.
    announceUpload({
      delivered: 0,
      quarantined: 0,
      rejected: 0,
      retried: 0,
      remaining: await store.countPending().catch(() => 0),
      error: storageMessage(error, STOPPED),
    });
    throw error;
  }
  if (!report) return;
  announceUpload(report);
  if (report.error && report.remaining > 0) throw new Error('Upload incomplete; will retry');
}
