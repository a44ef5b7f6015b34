/**
 * Wires the upload run inside the worker: the device record and the outbox come from the
 * storage layer (sealed envelopes only), and the result is broadcast to open pages.
 * A failed run must reject so Background Sync retries it later.
 */
import { getDevice, replaceRecipientSet } from '../src/storage/device-repo.ts';
import { SafetrailDb } from '../src/storage/db.ts';
import { outboxStatus } from '../src/storage/outbox-status.ts';
import { createOutboxStore } from '../src/storage/outbox-repo.ts';
import { runDeviceUpload } from '../src/sync/device-upload.ts';
import { announceUpload } from '../src/sync/upload-channel.ts';

let db: SafetrailDb | null = null;

export async function uploadFromWorker(force: boolean): Promise<void> {
  db ??= new SafetrailDb();
  const database = db;
  const report = await runDeviceUpload({
    loadDevice: () => getDevice(database),
    store: createOutboxStore(database),
    saveRecipientSet: (set) => replaceRecipientSet(database, set),
    outboxStatus: () => outboxStatus(database),
    force,
  });
  if (!report) return;
  announceUpload(report);
  if (report.error && report.remaining > 0) throw new Error('Upload incomplete; will retry');
}
